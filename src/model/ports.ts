/**
 * Port normalization for every generation: current `ArgPort`/`ReturnPort` (children, widget),
 * G2a (`assignWidget`/`returnWidget`/`scope`) and legacy G1 `Port`/`PortChild` (child, variants,
 * string widget kinds). Children are capped at MAX_PORT_DEPTH levels.
 */
import { type ParseContext, MAX_PORT_DEPTH } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import { isRecord } from './json.js';
import type { Port, PortChoice, Stream, StreamItem } from './types.js';

/**
 * Normalizes a widget kind: legacy `SearchWidget` -> SEARCH, `ChoiceReturnWidget` -> CHOICE,
 * `StateChoiceWidget` -> STATE_CHOICE; upper-case enum values are kept.
 */
export function normalizeWidgetKind(kind: string): string {
  if (/^[A-Z0-9_]+$/.test(kind)) return kind;
  const base = kind.replace(/(Return)?Widget$/, '');
  const snake = base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return snake || kind.toUpperCase();
}

function optString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function readChoices(raw: unknown): PortChoice[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: PortChoice[] = [];
  for (const c of raw) {
    if (!isRecord(c)) continue;
    const value = typeof c.value === 'string' ? c.value : c.value === undefined || c.value === null ? '' : String(c.value);
    const label = typeof c.label === 'string' ? c.label : value;
    const description = optString(c.description);
    out.push(description === undefined ? { value, label } : { value, label, description });
  }
  return out;
}

function widgetKindOf(raw: Record<string, unknown>): string | undefined {
  const w = raw.widget ?? raw.assignWidget ?? raw.returnWidget ?? raw.assign_widget ?? raw.return_widget;
  if (!isRecord(w)) return undefined;
  return typeof w.kind === 'string' && w.kind !== '' ? normalizeWidgetKind(w.kind) : undefined;
}

/** Shared empty list for ports without children and edges without items (never mutated). */
export const EMPTY: readonly never[] = Object.freeze([]);

/** The JSONPath of a port, built only when a diagnostic needs it. */
function portPath(base: string, field: string, index: number, stream: number): string {
  if (index < 0) return base + field;
  return stream >= 0 ? `${base}${field}[${stream}][${index}]` : `${base}${field}[${index}]`;
}

/**
 * Normalizes one port. `index` is its position (used as the key of keyless legacy children and LIST
 * children); its path is `parent[stream][index]` (or `parent[index]`, or `parent` when index < 0), built
 * lazily. Never throws on bad data; a non-object becomes an UNKNOWN placeholder so value alignment holds.
 */
export function normalizePort(raw: unknown, ctx: ParseContext, base: string, field: string, index: number, depth = 0, stream = -1): Port {
  ctx.countPort(base);
  const keyIndex = index < 0 ? 0 : index;
  if (!isRecord(raw)) {
    ctx.diagnostics.warn(DiagnosticCode.PORT_INVALID, 'A port is not an object; a placeholder of kind UNKNOWN is used.', portPath(base, field, index, stream));
    return { key: String(keyIndex), kind: 'UNKNOWN', nullable: false, children: EMPTY };
  }
  let key: string;
  const rk = raw.key;
  if (typeof rk === 'string') key = rk;
  else if (typeof rk === 'number' && Number.isFinite(rk)) key = String(rk);
  else {
    key = String(keyIndex);
    if (depth === 0) ctx.diagnostics.warn(DiagnosticCode.PORT_INVALID, `A port has no string key; ${quote(key)} is used.`, `${portPath(base, field, index, stream)}.key`);
  }
  let kind: string;
  if (typeof raw.kind === 'string' && raw.kind !== '') kind = raw.kind;
  else {
    kind = 'UNKNOWN';
    ctx.diagnostics.warn(DiagnosticCode.PORT_INVALID, `Port ${quote(key)} has no kind; UNKNOWN is used.`, `${portPath(base, field, index, stream)}.kind`);
  }
  const port: {
    key: string;
    kind: string;
    nullable: boolean;
    children: readonly Port[];
    label?: string;
    identifier?: string;
    description?: string;
    default?: unknown;
    choices?: PortChoice[];
    widgetKind?: string;
    scope?: string;
    truncated?: boolean;
  } = { key, kind, nullable: raw.nullable === true, children: EMPTY };
  if (typeof raw.label === 'string') port.label = raw.label;
  if (typeof raw.identifier === 'string') port.identifier = raw.identifier;
  if (typeof raw.description === 'string') port.description = raw.description;
  if (raw.default !== undefined && raw.default !== null) port.default = ctx.value(raw.default);
  if (raw.choices != null) {
    const choices = readChoices(raw.choices);
    if (choices) port.choices = choices;
  }
  const wk = widgetKindOf(raw);
  if (wk !== undefined) port.widgetKind = wk;
  if (typeof raw.scope === 'string') port.scope = raw.scope;

  // children: current `children`; legacy `child` (LIST/DICT) and `variants` (UNION)
  let rawChildren: unknown[] | null = null;
  const hasChildren = Array.isArray(raw.children);
  const legacyChild = raw.child;
  const legacyVariants = raw.variants;
  if (hasChildren) {
    rawChildren = raw.children as unknown[];
    if ((legacyChild !== undefined && legacyChild !== null) || (Array.isArray(legacyVariants) && legacyVariants.length > 0)) {
      ctx.diagnostics.warn(
        DiagnosticCode.FORMAT_MIXED,
        `Port ${quote(key)} has both current "children" and legacy "child"/"variants"; "children" is used.`,
        portPath(base, field, index, stream),
      );
    }
  } else if (isRecord(legacyChild)) {
    rawChildren = [legacyChild];
  } else if (Array.isArray(legacyVariants)) {
    rawChildren = legacyVariants;
  }
  if (rawChildren && rawChildren.length > 0) {
    if (depth + 1 > MAX_PORT_DEPTH) {
      port.truncated = true;
      ctx.diagnostics.warn(
        DiagnosticCode.PORT_DEPTH,
        `Port children nest deeper than ${MAX_PORT_DEPTH} levels; deeper levels are cut.`,
        portPath(base, field, index, stream),
      );
    } else {
      const children: Port[] = [];
      const childBase = portPath(base, field, index, stream);
      for (let i = 0; i < rawChildren.length; i++) {
        children.push(normalizePort(rawChildren[i], ctx, childBase, '.children', i, depth + 1));
      }
      port.children = children;
    }
  }
  return port;
}

/** Normalizes a flat port list (constants, voids). A non-array is an empty list (warned unless null/absent). */
export function normalizePortList(raw: unknown, ctx: ParseContext, base: string, field: string): Port[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.diagnostics.warn(DiagnosticCode.PORT_INVALID, 'Expected a list of ports; the field is ignored.', base + field);
    return [];
  }
  const out: Port[] = [];
  for (let i = 0; i < raw.length; i++) out.push(normalizePort(raw[i], ctx, base, field, i));
  return out;
}

/** Normalizes a list of streams (a list of port lists). A non-array stream becomes an empty stream. */
export function normalizeStreams(raw: unknown, ctx: ParseContext, base: string, field: string): Stream[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.diagnostics.warn(DiagnosticCode.PORT_INVALID, 'Expected a list of streams; the field is ignored.', base + field);
    return [];
  }
  const out: Stream[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (Array.isArray(s)) {
      const ports: Port[] = [];
      for (let j = 0; j < s.length; j++) ports.push(normalizePort(s[j], ctx, base, field, j, 0, i));
      out.push(ports);
    } else {
      if (s !== null && s !== undefined) {
        ctx.diagnostics.warn(DiagnosticCode.PORT_INVALID, 'A stream is not a list of ports; it is read as empty.', `${base}${field}[${i}]`);
      }
      out.push([]);
    }
  }
  return out;
}

/** Stream items of an edge: current `{kind, label}` or legacy `{key, kind, ...}` (label = key). */
export function normalizeStreamItems(raw: unknown): readonly StreamItem[] {
  if (!Array.isArray(raw) || raw.length === 0) return EMPTY;
  const out: StreamItem[] = [];
  for (const it of raw) {
    if (!isRecord(it)) continue;
    const kind = typeof it.kind === 'string' ? it.kind : 'UNKNOWN';
    const label = typeof it.label === 'string' ? it.label : typeof it.key === 'string' ? it.key : kind;
    out.push({ kind, label });
  }
  return out;
}

/** Stream items derived from a stream's ports (used when an edge's own `stream` is empty). */
export function itemsFromStream(stream: Stream): readonly StreamItem[] {
  if (stream.length === 0) return EMPTY;
  const out: StreamItem[] = [];
  for (let i = 0; i < stream.length; i++) {
    const p = stream[i]!;
    out.push({ kind: p.kind, label: p.label ?? p.key });
  }
  return out;
}
