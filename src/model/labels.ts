/**
 * Human labels as Orkestrator shows them (spec 1.5, 1.3, 1.4): port type labels, compact stream
 * labels, `{{ key }}` title templates filled as plain text, and the display title of each node kind.
 * Everything returned is plain text for text bindings; nothing here is HTML.
 */
import type { Port, Stream, WorkflowNode, AgentFilter, NodeKind } from './types.js';

export interface TypeLabelOptions {
  /** Compact form: `[ X ]`, `{ X }`, `a | b` instead of "List of X", "Dict of X", "Union of a, b". */
  readonly compact?: boolean;
}

const SCALARS: ReadonlyMap<string, string> = new Map([
  ['INT', 'Int'],
  ['FLOAT', 'Float'],
  ['STRING', 'String'],
  ['BOOL', 'Bool'],
  ['DATE', 'Date'],
]);

const IDENTIFIED = new Set(['STRUCTURE', 'MEMORY_STRUCTURE', 'MODEL', 'ENUM', 'INTERFACE']);

/** Display names by identifier: a workflow repeats a few identifiers over thousands of ports. */
const identifierNames = new Map<string, string>();

/** "@mikro/representation" -> "Representation", "@mikro/omero_file" -> "Omero File". */
export function identifierDisplayName(identifier: string): string {
  let name = identifierNames.get(identifier);
  if (name === undefined) {
    name = computeIdentifierDisplayName(identifier);
    if (identifierNames.size >= 4096) identifierNames.clear();
    identifierNames.set(identifier, name);
  }
  return name;
}

function computeIdentifierDisplayName(identifier: string): string {
  const last = identifier.slice(identifier.lastIndexOf('/') + 1).replace(/^@/, '');
  const words = last.split(/[-_\s]+/).filter((w) => w !== '');
  if (words.length === 0) return identifier;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

function titleCaseKind(kind: string): string {
  if (kind === '') return '?';
  return kind
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * The type label of a port: scalars Int/Float/String/Bool/Date, identified kinds by identifier
 * display name, "List of X" / "[ X ]", "Dict of X" / "{ X }", "Union of a, b" / "a | b",
 * legacy UNSET as "unset", unknown kinds title-cased; "?" prefix when nullable; "…" where
 * children were cut at the depth cap.
 */
export function portTypeLabel(port: Port, options: TypeLabelOptions = {}): string {
  const compact = options.compact === true;
  const inner = (): string => {
    const kind = port.kind;
    const scalar = SCALARS.get(kind);
    if (scalar !== undefined) return scalar;
    if (IDENTIFIED.has(kind)) {
      return port.identifier ? identifierDisplayName(port.identifier) : titleCaseKind(kind);
    }
    const child = (): string => {
      if (port.truncated) return '…';
      const c = port.children[0];
      return c ? portTypeLabel(c, options) : 'Any';
    };
    switch (kind) {
      case 'LIST':
        return compact ? `[ ${child()} ]` : `List of ${child()}`;
      case 'DICT':
        return compact ? `{ ${child()} }` : `Dict of ${child()}`;
      case 'UNION': {
        if (port.truncated) return compact ? '…' : 'Union of …';
        const variants = port.children.map((c) => portTypeLabel(c, options));
        if (variants.length === 0) return 'Union';
        return compact ? variants.join(' | ') : `Union of ${variants.join(', ')}`;
      }
      case 'UNSET':
        return 'unset';
      default:
        return port.identifier ? identifierDisplayName(port.identifier) : titleCaseKind(kind);
    }
  };
  const label = inner();
  return port.nullable ? `?${label}` : label;
}

/** The name of a port: its label, else its key. */
export function portName(port: Port): string {
  return port.label != null && port.label !== '' ? port.label : port.key;
}

/** Compact label of a stream: the compact port type labels joined by " | "; an empty stream is "Event". */
export function streamLabel(stream: Stream): string {
  if (stream.length === 0) return 'Event';
  return stream.map((p) => portTypeLabel(p, { compact: true })).join(' | ');
}

/** Longest text a filled template value may contribute. */
const MAX_TEMPLATE_VALUE = 200;

/** A value as plain text for a title or description. */
export function valueToText(value: unknown, max = MAX_TEMPLATE_VALUE): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else {
    try {
      s = JSON.stringify(value) ?? '';
    } catch {
      s = '';
    }
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Fills Handlebars-style `{{ key }}` placeholders from `values` as plain text. A missing, null or
 * undefined value renders as the key name (Orkestrator's behaviour). Nothing is evaluated: a
 * placeholder is only ever a lookup of the whole trimmed name in the Map.
 */
export function fillTemplate(template: string, values: ReadonlyMap<string, unknown>): string {
  let open = template.indexOf('{{');
  if (open < 0) return template;
  let out = '';
  let from = 0;
  while (open >= 0) {
    const close = template.indexOf('}}', open + 2);
    if (close < 0) break;
    const key = template.slice(open + 2, close).trim();
    if (key === '' || /[\s{}]/.test(key)) {
      // not a placeholder: keep "{{" as text and look again after it
      out += template.slice(from, open + 2);
      from = open + 2;
      open = template.indexOf('{{', from);
      continue;
    }
    const v = values.get(key);
    out += template.slice(from, open) + (v === undefined || v === null ? key : valueToText(v));
    from = close + 2;
    open = template.indexOf('{{', from);
  }
  return out + template.slice(from);
}

/** The `__ports` template value of a reactive node: the compact labels of its input streams. */
export function portsTemplateValue(ins: readonly Stream[]): string {
  return ins.map(streamLabel).join(', ');
}

/** Title of an AgentSubFlowNode box: `appFilter` (or "any") plus ":v<versionFilter>". */
export function agentFilterTitle(filter: AgentFilter | undefined): string {
  const app = filter?.app ? filter.app : 'any';
  return filter?.version ? `${app}:v${filter.version}` : app;
}

/** Fallback titles per node kind, used when a node has no title of its own. */
export function kindFallbackTitle(kind: NodeKind, implementation?: string, typename?: string): string {
  switch (kind) {
    case 'args':
      return 'Inputs';
    case 'returns':
      return 'Outputs';
    case 'kwargs':
      return 'Kwargs';
    case 'reactive':
      return implementation || 'Reactive';
    case 'rekuest-map':
      return 'Action';
    case 'rekuest-filter':
      return 'Filter';
    case 'agent-subflow':
      return 'any';
    case 'local':
      return 'Local action';
    case 'subgraph':
      return 'Sub-flow';
    default:
      return typename || 'Unknown node';
  }
}

/**
 * The title to draw for a node. ArgNode is always "Inputs" and ReturnNode "Outputs" (Orkestrator);
 * AgentSubFlowNode shows its filter ("any", "napari:v1"); other nodes show their filled title, or a
 * per-kind fallback (the implementation for an untitled reactive node).
 */
export function nodeDisplayTitle(node: Pick<WorkflowNode, 'kind' | 'rawTitle' | 'constantsMap' | 'ins' | 'implementation' | 'typename' | 'agentFilter'>): string {
  switch (node.kind) {
    case 'args':
      return 'Inputs';
    case 'returns':
      return 'Outputs';
    case 'agent-subflow':
      return agentFilterTitle(node.agentFilter);
    default:
      break;
  }
  const raw = node.rawTitle?.trim() ?? '';
  if (raw === '') return kindFallbackTitle(node.kind, node.implementation, node.typename);
  let values = node.constantsMap;
  if (node.kind === 'reactive' && raw.includes('__ports') && !values.has('__ports')) {
    const m = new Map(values);
    m.set('__ports', portsTemplateValue(node.ins));
    values = m;
  }
  return fillTemplate(raw, values);
}

/** Label of the ArgNode's inputs as Orkestrator lists them: `outs[0]` types joined by " | ". */
export function signatureLabel(stream: Stream | undefined): string {
  return stream ? streamLabel(stream) : 'Event';
}
