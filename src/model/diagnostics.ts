/**
 * Diagnostic codes and the collector every parser in src/model reports through.
 * Codes are stable strings documented in docs/errors.md; messages are ours, data only appears quoted.
 */
import type { Diagnostic, Severity } from './types.js';

/** Every code the model layer emits. Documented in docs/errors.md ("Parsing and validation", "Run events"). */
export const DiagnosticCode = {
  // document level (errors: no workflow comes back)
  PARSE_INVALID_JSON: 'PARSE_INVALID_JSON',
  PARSE_SCHEMA: 'PARSE_SCHEMA',
  FORMAT_UNSUPPORTED: 'FORMAT_UNSUPPORTED',
  GRAPH_TOO_LARGE: 'GRAPH_TOO_LARGE',
  // item level (warnings: the item is repaired, dropped or kept as documented)
  FORMAT_MIXED: 'FORMAT_MIXED',
  NODE_INVALID: 'NODE_INVALID',
  NODE_DUPLICATE: 'NODE_DUPLICATE',
  NODE_KIND_UNKNOWN: 'NODE_KIND_UNKNOWN',
  FIELD_INVALID: 'FIELD_INVALID',
  POSITION_INVALID: 'POSITION_INVALID',
  PORT_INVALID: 'PORT_INVALID',
  PORT_DEPTH: 'PORT_DEPTH',
  EDGE_INVALID: 'EDGE_INVALID',
  EDGE_DANGLING: 'EDGE_DANGLING',
  EDGE_DUPLICATE: 'EDGE_DUPLICATE',
  HANDLE_INVALID: 'HANDLE_INVALID',
  HANDLE_MISSING: 'HANDLE_MISSING',
  PARENT_MISSING: 'PARENT_MISSING',
  PARENT_CYCLE: 'PARENT_CYCLE',
  PARENT_DEPTH: 'PARENT_DEPTH',
  GLOBAL_INVALID: 'GLOBAL_INVALID',
  // run events
  EVENT_MALFORMED: 'EVENT_MALFORMED',
  EVENT_UNKNOWN_NODE: 'EVENT_UNKNOWN_NODE',
  EVENT_TIME_INVALID: 'EVENT_TIME_INVALID',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

/** At most this many diagnostics per code are kept; the rest are summed into one summary entry. */
export const MAX_DIAGNOSTICS_PER_CODE = 50;

/** Longest piece of data quoted in a message. */
const MAX_QUOTE = 80;

/** Quotes a data value for a message: plain text, truncated, never evaluated. */
export function quote(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : String(value);
  } catch {
    s = '[unprintable]';
  }
  if (s.length > MAX_QUOTE) s = `${s.slice(0, MAX_QUOTE - 1)}…`;
  return JSON.stringify(s);
}

/**
 * Collects diagnostics for one parse. Repeated codes are capped at MAX_DIAGNOSTICS_PER_CODE;
 * beyond that a single summary diagnostic carries the number left out in `count`.
 */
export class DiagnosticCollector {
  readonly #list: Diagnostic[] = [];
  readonly #perCode = new Map<string, number>();
  readonly #overflow = new Map<string, { severity: Severity; count: number }>();
  #errors = 0;

  /** Records one diagnostic. */
  add(code: DiagnosticCode, severity: Severity, message: string, path: string): void {
    if (severity === 'error') this.#errors++;
    const n = this.#perCode.get(code) ?? 0;
    this.#perCode.set(code, n + 1);
    if (n < MAX_DIAGNOSTICS_PER_CODE) {
      this.#list.push({ code, severity, message, path });
      return;
    }
    const o = this.#overflow.get(code);
    if (o) o.count++;
    else this.#overflow.set(code, { severity, count: 1 });
  }

  warn(code: DiagnosticCode, message: string, path: string): void {
    this.add(code, 'warning', message, path);
  }

  error(code: DiagnosticCode, message: string, path: string): void {
    this.add(code, 'error', message, path);
  }

  /** Copies diagnostics produced by another parse (for example the flow inside a run). */
  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.add(d.code as DiagnosticCode, d.severity, d.message, d.path);
  }

  get hasErrors(): boolean {
    return this.#errors > 0;
  }

  /** Number of diagnostics recorded for a code, including those summarised. */
  countOf(code: DiagnosticCode): number {
    return this.#perCode.get(code) ?? 0;
  }

  /** The diagnostics, in the order found, followed by one summary per capped code. */
  toArray(): Diagnostic[] {
    const out = this.#list.slice();
    for (const [code, o] of this.#overflow) {
      out.push({
        code,
        severity: o.severity,
        message: `${o.count} more ${code} diagnostics were left out.`,
        path: '$',
        count: o.count,
      });
    }
    return out;
  }
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
