/**
 * The state one parse carries: diagnostics, limits, and whether pass-through values need copying.
 */
import type { DiagnosticCollector } from './diagnostics.js';
import { copyJsonValue } from './json.js';

/** Configurable limits of parseWorkflow / parseRunExport. Exceeding one is a GRAPH_TOO_LARGE error. */
export interface ParseLimits {
  /** UTF-8 bytes of text input, checked before JSON.parse. Default 20 MB. */
  readonly maxBytes: number;
  /** Nodes in the raw graph. Default 10,000. */
  readonly maxNodes: number;
  /** Edges in the raw graph. Default 50,000. */
  readonly maxEdges: number;
  /** Ports of one node, counting streams, constants, voids and nested children. Default 1,000. */
  readonly maxPortsPerNode: number;
  /** Events in a run. Default 2,000,000. */
  readonly maxEvents: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxNodes: 10_000,
  maxEdges: 50_000,
  maxPortsPerNode: 1_000,
  maxEvents: 2_000_000,
};

/** Depth cap of the parent hierarchy (reliability G6). */
export const MAX_PARENT_DEPTH = 32;
/** Depth cap of port children (reliability G7). */
export const MAX_PORT_DEPTH = 16;
/** Position values are clamped to +-this (reliability N1). */
export const MAX_COORDINATE = 1e6;

/** Thrown inside a parse when a count limit is exceeded; turned into GRAPH_TOO_LARGE at the top. */
export class LimitExceeded extends Error {
  constructor(readonly what: string, readonly limit: number, readonly path: string) {
    super(`${what} exceeds the limit of ${limit}`);
  }
}

export class ParseContext {
  readonly diagnostics: DiagnosticCollector;
  readonly limits: ParseLimits;
  /**
   * True when the data came from our own JSON.parse of a text that contains none of the
   * prototype-polluting key names: pass-through values can then be used without copying.
   */
  readonly trusted: boolean;
  /** Ports counted for the node being normalized. */
  portsInNode = 0;

  constructor(diagnostics: DiagnosticCollector, limits: Partial<ParseLimits> | undefined, trusted: boolean) {
    this.diagnostics = diagnostics;
    this.limits = { ...DEFAULT_LIMITS, ...stripUndefined(limits) };
    this.trusted = trusted;
  }

  /** A pass-through JSON value, copied safely unless trusted. */
  value(v: unknown): unknown {
    if (this.trusted) return v === undefined ? null : v;
    return copyJsonValue(v);
  }

  countPort(path: string): void {
    if (++this.portsInNode > this.limits.maxPortsPerNode) {
      throw new LimitExceeded('The number of ports of one node', this.limits.maxPortsPerNode, path);
    }
  }
}

function stripUndefined(o: Partial<ParseLimits> | undefined): Partial<ParseLimits> {
  const out: Record<string, number> = {};
  if (!o) return out;
  for (const k of ['maxBytes', 'maxNodes', 'maxEdges', 'maxPortsPerNode', 'maxEvents'] as const) {
    const v = o[k];
    if (typeof v === 'number' && v >= 0) out[k] = v;
  }
  return out;
}

/** True when JSON text can be used without copying pass-through values (no dangerous key can appear). */
export function isTextTrusted(text: string): boolean {
  return !(text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u'));
}
