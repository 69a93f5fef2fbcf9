/**
 * Event values as text for the log (pure, no DOM): a JSON-like rendering capped in length (2 KB)
 * and depth (5), the value zipped with the port keys of the stream it was emitted on, and the
 * lower-cased search text of an event (value and exception), cached per event object.
 */
import type { RunEvent } from '../../model/types.js';

/** Longest text of one value (characters). */
export const MAX_VALUE_TEXT = 2048;
/** Deepest nesting rendered; deeper structures show as `…`. */
export const MAX_VALUE_DEPTH = 5;

/**
 * Fast path for the common Fluss value, an array of primitives ("shrunk" values): the same text
 * the general walk gives, or null when the value is not such an array or would be cut.
 */
function flatArrayText(value: unknown, max: number): string | null {
  if (!Array.isArray(value) || value.length > 64) return null;
  let s = '[';
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (i > 0) s += ', ';
    if (typeof v === 'number') s += Number.isFinite(v) ? String(v) : 'null';
    else if (typeof v === 'string') s += JSON.stringify(v);
    else if (typeof v === 'boolean') s += v ? 'true' : 'false';
    else if (v === null || v === undefined) s += 'null';
    else return null;
    if (s.length > max - 1) return null;
  }
  return `${s}]`;
}

/** One value of an event with the key of its port. */
export interface KeyedText {
  readonly key: string;
  readonly text: string;
  /** True when the text was cut at the length or depth cap. */
  readonly truncated: boolean;
}

/**
 * A value as JSON-like text, never longer than `max` characters and never deeper than `depth`.
 * Strings at the top level are shown as they are (no quotes). Cycles and exotic values are safe.
 */
export function valueText(value: unknown, max = MAX_VALUE_TEXT, depth = MAX_VALUE_DEPTH): { text: string; truncated: boolean } {
  if (typeof value === 'string') return value.length > max ? { text: `${value.slice(0, max - 1)}…`, truncated: true } : { text: value, truncated: false };
  const flat = flatArrayText(value, max);
  if (flat !== null) return { text: flat, truncated: false };
  const parts: string[] = [];
  let length = 0;
  let truncated = false;
  let cut = false;
  const seen = new Set<object>();
  const put = (s: string): boolean => {
    if (length + s.length > max) {
      parts.push(s.slice(0, Math.max(0, max - length - 1)));
      truncated = true;
      cut = true;
      return false;
    }
    parts.push(s);
    length += s.length;
    return true;
  };
  const walk = (v: unknown, d: number): boolean => {
    if (v === null || v === undefined) return put('null');
    switch (typeof v) {
      case 'string':
        return put(JSON.stringify(v));
      case 'number':
        return put(Number.isFinite(v) ? String(v) : 'null');
      case 'boolean':
        return put(String(v));
      case 'bigint':
        return put(v.toString());
      case 'object':
        break;
      default:
        return put('null');
    }
    const obj = v as object;
    if (d >= depth || seen.has(obj)) {
      truncated = true;
      return put(Array.isArray(obj) ? '[…]' : '{…}');
    }
    seen.add(obj);
    let ok: boolean;
    if (Array.isArray(obj)) {
      ok = put('[');
      for (let i = 0; ok && i < obj.length; i++) {
        if (i > 0) ok = put(', ');
        if (ok) ok = walk(obj[i], d + 1);
      }
      if (ok) ok = put(']');
    } else {
      ok = put('{');
      let first = true;
      for (const [k, x] of Object.entries(obj)) {
        if (!ok) break;
        if (!first) ok = put(', ');
        first = false;
        if (ok) ok = put(`${JSON.stringify(k)}: `);
        if (ok) ok = walk(x, d + 1);
      }
      if (ok) ok = put('}');
    }
    seen.delete(obj);
    return ok;
  };
  walk(value, 0);
  let text = parts.join('');
  if (cut) text += '…';
  return { text, truncated };
}

/**
 * The values of a NEXT event zipped with port keys (`keys[i]` for `value[i]`, the index when a key
 * is missing). A value that is not an array shows as one entry keyed `value`.
 */
export function zipValueTexts(value: unknown, keys: readonly string[], max = MAX_VALUE_TEXT): KeyedText[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    const { text, truncated } = valueText(value, max);
    return [{ key: 'value', text, truncated }];
  }
  const out: KeyedText[] = [];
  for (let i = 0; i < value.length; i++) {
    const { text, truncated } = valueText(value[i], max);
    out.push({ key: keys[i] ?? String(i), text, truncated });
  }
  return out;
}

/** One line of `key: value` pairs, cut at `max` characters. */
export function previewLine(items: readonly KeyedText[], max = 160): string {
  let s = '';
  for (const it of items) {
    const piece = `${s === '' ? '' : ', '}${it.key}: ${it.text}`;
    if (s.length + piece.length > max) return `${(s + piece).slice(0, max - 1)}…`;
    s += piece;
  }
  return s;
}

const searchCache = new WeakMap<RunEvent, string>();

/** The search text of an event, uncached (see `searchTextOf`). */
export function buildSearchText(e: RunEvent): string {
  const v = e.value === null || e.value === undefined ? '' : valueText(e.value).text;
  return (e.exception === undefined ? v : `${v}\n${e.exception}`).toLowerCase();
}

/**
 * The lower-cased text the log's free-text filter searches: the value (as `valueText`, capped)
 * and the exception. Cached per event object, so repeated searches do not stringify again.
 */
export function searchTextOf(e: RunEvent): string {
  let s = searchCache.get(e);
  if (s === undefined) {
    s = buildSearchText(e);
    searchCache.set(e, s);
  }
  return s;
}
