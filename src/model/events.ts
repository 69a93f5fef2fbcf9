/**
 * Run events: normalization of every event shape (current `kind`, legacy `type`, subscription
 * payloads) and the one event order used everywhere, (t, id) with numeric ids compared as numbers.
 */
import { copyJsonValue, isRecord } from './json.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import { handleIndex } from './handles.js';
import type { Diagnostic, RunEvent, RunEventKind } from './types.js';

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
const DIGITS = /^\d+$/;

/** Longest exception text kept (the server stores up to 2,000 characters). */
export const MAX_EXCEPTION_LENGTH = 2000;

/**
 * Compares event ids: ids made only of digits compare as (arbitrarily large) non-negative integers
 * and sort before any other id; other ids compare by UTF-16 code units.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const an = DIGITS.test(a);
  const bn = DIGITS.test(b);
  if (an && bn) {
    const at = a.replace(/^0+(?=\d)/, '');
    const bt = b.replace(/^0+(?=\d)/, '');
    if (at.length !== bt.length) return at.length - bt.length;
    if (at !== bt) return at < bt ? -1 : 1;
    return a < b ? -1 : 1; // same number, different zero padding: still a total order
  }
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : 1;
}

/** The event order: by `t`, then by id (numeric-string ids numerically). Total and deterministic. */
export function compareEvents(a: Pick<RunEvent, 't' | 'id'>, b: Pick<RunEvent, 't' | 'id'>): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return compareIds(a.id, b.id);
}

export interface NormalizeEventOptions {
  /** JSONPath of the raw event, for diagnostics. */
  readonly path?: string;
  /**
   * `t` to use when the raw `t` is not a non-negative safe integer (reliability N4): pass the highest
   * valid `t` seen so far so the event stays where it arrived. Default 0.
   */
  readonly fallbackT?: number;
  /** Skip the deep copy of `value` (only for values from our own JSON.parse of vetted text). */
  readonly trustedValue?: boolean;
}

export interface NormalizedEventResult {
  /** The event, or null when it is malformed and must be dropped. */
  readonly event: RunEvent | null;
  readonly diagnostics: readonly Diagnostic[];
}

function readSafeInt(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v !== 'string' || v.length === 0 || v.length > 17) return null;
  // integer strings only ("12", "-1"): no spaces, signs other than a leading "-", exponents or decimals
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  if (i === v.length) return null;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

function readEventId(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}

/** Collects the warnings of one event; allocated only when there is one. */
class EventWarnings {
  list: Diagnostic[] | null = null;
  constructor(readonly path: string) {}
  warn(code: string, message: string, field = ''): void {
    (this.list ??= []).push({ code, severity: 'warning', message, path: this.path + field });
  }
  result(event: RunEvent | null): NormalizedEventResult {
    return { event, diagnostics: this.list ?? NO_DIAGNOSTICS };
  }
}

/**
 * Normalizes one raw run event: current GraphQL `RunEvent` (kind, causedBy as strings, exception),
 * legacy (type, causedBy ints, COMPLETE value "None", ERROR message in value), or a subscription payload.
 *
 * Malformed (dropped, EVENT_MALFORMED): not an object; no usable id, source or kind.
 * Kept with a warning: an unknown kind string (read as UNKNOWN, EVENT_MALFORMED), a handle that is not
 * `return_<n>` (HANDLE_INVALID), a `t` that is not a non-negative safe integer (EVENT_TIME_INVALID;
 * `t` becomes `fallbackT` and `tInvalid` is set). A missing handle is read as `return_0`.
 * Never throws (a throwing getter drops the event with EVENT_MALFORMED).
 */
export function normalizeRunEvent(raw: unknown, options?: NormalizeEventOptions): NormalizedEventResult {
  const w = new EventWarnings(options?.path ?? '$');
  try {
    if (!isRecord(raw)) {
      w.warn(DiagnosticCode.EVENT_MALFORMED, 'A run event is not an object; it is dropped.');
      return w.result(null);
    }
    const id = readEventId(raw.id);
    if (id === null) {
      w.warn(DiagnosticCode.EVENT_MALFORMED, 'A run event has no valid id; it is dropped.', '.id');
      return w.result(null);
    }
    const source = readEventId(raw.source);
    if (source === null) {
      w.warn(DiagnosticCode.EVENT_MALFORMED, `Run event ${quote(id)} has no valid source node id; it is dropped.`, '.source');
      return w.result(null);
    }
    const legacy = raw.kind === undefined && raw.type !== undefined;
    const rawKind = legacy ? raw.type : raw.kind;
    if (typeof rawKind !== 'string') {
      w.warn(DiagnosticCode.EVENT_MALFORMED, `Run event ${quote(id)} has no kind; it is dropped.`, '.kind');
      return w.result(null);
    }
    let kind: RunEventKind;
    if (rawKind === 'NEXT' || rawKind === 'COMPLETE' || rawKind === 'ERROR' || rawKind === 'UNKNOWN') kind = rawKind;
    else {
      kind = 'UNKNOWN';
      w.warn(DiagnosticCode.EVENT_MALFORMED, `Run event ${quote(id)} has an unknown kind ${quote(rawKind)}; it is read as UNKNOWN.`, '.kind');
    }
    const rawHandle = raw.handle;
    let handle = typeof rawHandle === 'string' ? rawHandle : 'return_0';
    if (handleIndex(handle, 'return_') < 0) {
      w.warn(DiagnosticCode.HANDLE_INVALID, `Run event ${quote(id)} has a malformed handle ${quote(rawHandle)}; it is kept, without port values.`, '.handle');
    } else if (rawHandle !== undefined && rawHandle !== null && typeof rawHandle !== 'string') {
      handle = '';
      w.warn(DiagnosticCode.HANDLE_INVALID, `Run event ${quote(id)} has a malformed handle ${quote(rawHandle)}; it is kept, without port values.`, '.handle');
    }
    let t = readSafeInt(raw.t);
    let tInvalid = false;
    if (t === null || t < 0) {
      tInvalid = true;
      const fb = options?.fallbackT;
      t = fb !== undefined && Number.isSafeInteger(fb) && fb >= 0 ? fb : 0;
      w.warn(DiagnosticCode.EVENT_TIME_INVALID, `Run event ${quote(id)} has an invalid t ${quote(raw.t)}; it is ordered as if t were ${t}.`, '.t');
    }
    const cb = raw.causedBy ?? raw.caused_by;
    // Sized up front: push onto [] reserves 17 slots (~150 bytes per event, 128 MB per million).
    const causedBy: number[] = Array.isArray(cb) ? new Array<number>(cb.length) : [];
    if (Array.isArray(cb)) {
      let k = 0;
      for (let i = 0; i < cb.length; i++) {
        const n = readSafeInt(cb[i]);
        if (n !== null) causedBy[k++] = n;
      }
      if (k < cb.length) causedBy.length = k;
    }
    let value: unknown = null;
    let exception: string | undefined;
    const rawValue = raw.value;
    if (kind === 'NEXT') {
      value = rawValue === undefined ? null : options?.trustedValue ? rawValue : copyJsonValue(rawValue);
    } else if (kind === 'ERROR') {
      const ex = raw.exception ?? (legacy ? rawValue : undefined);
      if (ex !== undefined && ex !== null) {
        exception = typeof ex === 'string' ? ex : safeText(ex);
        if (exception.length > MAX_EXCEPTION_LENGTH) exception = `${exception.slice(0, MAX_EXCEPTION_LENGTH - 1)}…`;
      }
    } else if (kind === 'UNKNOWN' && rawValue !== undefined && rawValue !== 'None') {
      value = options?.trustedValue ? rawValue : copyJsonValue(rawValue);
    }
    const event: { -readonly [K in keyof RunEvent]: RunEvent[K] } = { id, source, handle, kind, t, causedBy, value };
    if (exception !== undefined) event.exception = exception;
    const createdAt = raw.createdAt ?? raw.created_at;
    if (typeof createdAt === 'string') event.createdAt = createdAt;
    if (tInvalid) event.tInvalid = true;
    return w.result(event);
  } catch {
    w.warn(DiagnosticCode.EVENT_MALFORMED, 'A run event could not be read (a field threw when accessed); it is dropped.');
    return w.result(null);
  }
}

/** True for a non-empty string whose first character is not whitespace or a control character (so `trim()` would not empty it). */
function plainId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.charCodeAt(0) > 32 && v.charCodeAt(0) !== 160;
}

/**
 * `raw` itself when it already is exactly what `normalizeRunEvent` would make of it without a
 * warning (current shape: string id and source, a valid kind and `return_<n>` handle, a
 * non-negative safe integer `t`, `causedBy` of safe integers, `value` null unless NEXT/UNKNOWN,
 * `exception` only on ERROR, no legacy fields); null otherwise, and the caller normalizes.
 * Lets events the page hands over in that shape be kept as given, with no copy and no garbage
 * (a million copies cost the main thread long young-generation collections). Such events must
 * not be mutated afterwards (values are not copied either way).
 */
export function asNormalizedEvent(raw: unknown): RunEvent | null {
  if (!isRecord(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (!plainId(r.id) || !plainId(r.source)) return null;
  const kind = r.kind;
  if (kind !== 'NEXT' && kind !== 'COMPLETE' && kind !== 'ERROR' && kind !== 'UNKNOWN') return null;
  if (typeof r.handle !== 'string' || handleIndex(r.handle, 'return_') < 0) return null;
  const t = r.t;
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) return null;
  const cb = r.causedBy;
  if (!Array.isArray(cb)) return null;
  for (let i = 0; i < cb.length; i++) {
    const c: unknown = cb[i];
    if (typeof c !== 'number' || !Number.isSafeInteger(c)) return null;
  }
  const value = r.value;
  if (kind === 'NEXT') {
    if (value === undefined) return null;
  } else if (kind === 'UNKNOWN') {
    if (value === undefined || value === 'None') return null;
  } else if (value !== null) return null;
  const ex = r.exception;
  if (ex !== undefined && (kind !== 'ERROR' || typeof ex !== 'string' || ex.length > MAX_EXCEPTION_LENGTH)) return null;
  if (r.createdAt !== undefined && typeof r.createdAt !== 'string') return null;
  if (r.type !== undefined || r.caused_by !== undefined || r.created_at !== undefined || r.tInvalid !== undefined) return null;
  return raw as unknown as RunEvent;
}

function safeText(v: unknown): string {
  try {
    return typeof v === 'object' ? (JSON.stringify(v) ?? '') : String(v);
  } catch {
    return '';
  }
}

/** The out-stream index of an event's handle, or -1. */
export function eventStreamIndex(event: Pick<RunEvent, 'handle'>): number {
  return handleIndex(event.handle, 'return_');
}

/** Index of the first event with `t >= T` in `arr[lo, hi)` (arr sorted by t). */
export function lowerBoundT(arr: readonly RunEvent[], T: number, lo = 0, hi = arr.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]!.t < T) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first event with `t > T` in `arr[lo, hi)` (arr sorted by t). */
export function upperBoundT(arr: readonly RunEvent[], T: number, lo = 0, hi = arr.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]!.t <= T) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
