/**
 * Reading JSON text safely: byte limit before parsing, BOM and whitespace stripped, strict JSON only
 * (JSON5 / comments rejected with a clear message), syntax errors located by line and column,
 * and deep copies of pass-through values that drop prototype-polluting keys.
 */
import { DiagnosticCode, type DiagnosticCollector } from './diagnostics.js';

/** Default byte limit for workflow and run text (UTF-8 bytes). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Keys dropped from pass-through JSON values (reliability P12). */
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** UTF-8 byte length of a string, stopping early once `limit` is passed. */
export function utf8ByteLength(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

/** Where and why a JSON text fails to parse, found by our own strict scanner. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  /** The text uses a JSON5/JSONC feature (comments, trailing commas, single quotes, bare keys, NaN). */
  readonly json5: boolean;
}

const OBJ = 1;
const ARR = 2;
const isWs = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Scans `text` as strict JSON (RFC 8259) and returns the first syntax error, or null when it is valid.
 * Iterative (explicit stack), so deep nesting cannot overflow. Only run after JSON.parse failed.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const fail = (offset: number, reason: string, json5 = false): JsonSyntaxError => ({
    offset,
    ...lineColumn(text, offset),
    reason,
    json5,
  });
  const skipWs = (): void => {
    while (i < n && isWs(text[i]!)) i++;
  };
  const describe = (at: number): string =>
    at >= n ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[at])}`;
  const commentAt = (at: number): boolean => text[at] === '/' && (text[at + 1] === '/' || text[at + 1] === '*');
  // Returns the index after a string starting at i, or -1 and sets `stringError`.
  let stringError = '';
  const scanString = (start: number): number => {
    let j = start + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1;
      if (c < 0x20) {
        stringError = 'control character in string';
        return -j - 1;
      }
      if (c === 92) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            stringError = 'invalid \\u escape';
            return -j - 1;
          }
          j += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          stringError = 'invalid escape in string';
          return -j - 1;
        }
        j += 2;
        continue;
      }
      j++;
    }
    stringError = 'unterminated string';
    return -n - 1;
  };
  for (;;) {
    skipWs();
    if (state === 'value') {
      if (i >= n) return fail(i, 'unexpected end of input');
      const c = text[i]!;
      if (c === '{') {
        i++;
        skipWs();
        if (text[i] === '}') {
          i++;
          state = 'after';
        } else {
          stack.push(OBJ);
          state = 'key';
        }
        continue;
      }
      if (c === '[') {
        i++;
        skipWs();
        if (text[i] === ']') {
          i++;
          state = 'after';
        } else {
          stack.push(ARR);
        }
        continue;
      }
      if (c === '"') {
        const end = scanString(i);
        if (end < 0) return fail(-end - 1, stringError);
        i = end;
        state = 'after';
        continue;
      }
      if (c === '-' || isDigit(c)) {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '-') {
          if (text.startsWith('-Infinity', i)) return fail(i, '-Infinity is not JSON', true);
          return fail(i, 'invalid number');
        }
        if (m[1] === '0' && isDigit(text[i + m[0].length] ?? '')) return fail(i, 'leading zeros are not allowed');
        i += m[0].length;
        if (text[i] === '.') return fail(i, 'invalid number');
        state = 'after';
        continue;
      }
      if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        state = 'after';
        continue;
      }
      if (text.startsWith('false', i)) {
        i += 5;
        state = 'after';
        continue;
      }
      if (c === "'") return fail(i, 'single-quoted strings are not JSON', true);
      if (commentAt(i)) return fail(i, 'comments are not JSON', true);
      if (text.startsWith('NaN', i) || text.startsWith('Infinity', i)) return fail(i, `${text.startsWith('NaN', i) ? 'NaN' : 'Infinity'} is not JSON`, true);
      if (c === ']' && stack[stack.length - 1] === ARR) return fail(i, 'trailing comma before "]"', true);
      return fail(i, describe(i));
    }
    if (state === 'key') {
      if (i >= n) return fail(i, 'unexpected end of input');
      const c = text[i]!;
      if (c === '"') {
        const end = scanString(i);
        if (end < 0) return fail(-end - 1, stringError);
        i = end;
      } else if (c === '}') {
        return fail(i, 'trailing comma before "}"', true);
      } else if (c === "'") {
        return fail(i, 'single-quoted keys are not JSON', true);
      } else if (commentAt(i)) {
        return fail(i, 'comments are not JSON', true);
      } else if (/[A-Za-z_$]/.test(c)) {
        return fail(i, 'unquoted keys are not JSON', true);
      } else {
        return fail(i, `expected a double-quoted property name, ${describe(i)}`);
      }
      skipWs();
      if (text[i] !== ':') return fail(i, `expected ":", ${describe(i)}`);
      i++;
      state = 'value';
      continue;
    }
    // state === 'after'
    if (stack.length === 0) {
      if (i >= n) return null;
      if (commentAt(i)) return fail(i, 'comments are not JSON', true);
      return fail(i, `unexpected data after the JSON value`);
    }
    const top = stack[stack.length - 1];
    const c = text[i];
    if (c === ',') {
      i++;
      state = top === OBJ ? 'key' : 'value';
      continue;
    }
    if ((c === '}' && top === OBJ) || (c === ']' && top === ARR)) {
      stack.pop();
      i++;
      continue;
    }
    if (i < n && commentAt(i)) return fail(i, 'comments are not JSON', true);
    return fail(i, `expected "," or "${top === OBJ ? '}' : ']'}", ${describe(i)}`);
  }
}

/** Options shared by the text readers. */
export interface JsonTextOptions {
  /** UTF-8 byte limit checked before JSON.parse (default 20 MB). */
  readonly maxBytes?: number;
}

/**
 * Parses JSON text: byte limit first, then BOM/whitespace stripped, then JSON.parse.
 * Returns `undefined` (with an error diagnostic) when the text is not usable.
 * JSON.parse creates `__proto__` as an own data property, so the parsed tree cannot pollute a prototype;
 * callers copy only known fields into fresh objects and Maps and pass other values through `copyJsonValue`.
 */
export function parseJsonText(text: string, diagnostics: DiagnosticCollector, options: JsonTextOptions = {}): unknown {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text, maxBytes) > maxBytes)) {
    diagnostics.error(
      DiagnosticCode.GRAPH_TOO_LARGE,
      `The document is larger than the limit of ${maxBytes} bytes and was not parsed.`,
      '$',
    );
    return undefined;
  }
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  s = s.trim();
  if (s.length === 0) {
    diagnostics.error(DiagnosticCode.PARSE_SCHEMA, 'The document is empty: expected an object with nodes and edges.', '$');
    return undefined;
  }
  try {
    return JSON.parse(s);
  } catch (e) {
    const found = findJsonSyntaxError(s);
    if (found) {
      const where = `line ${found.line}, column ${found.column}`;
      const msg = found.json5
        ? `The document is not strict JSON (${found.reason}) at ${where}. JSON5 and JSON with comments are not accepted.`
        : `The document is not valid JSON: ${found.reason} at ${where}.`;
      diagnostics.error(DiagnosticCode.PARSE_INVALID_JSON, msg, '$');
    } else {
      diagnostics.error(DiagnosticCode.PARSE_INVALID_JSON, `The document is not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'syntax error'}).`, '$');
    }
    return undefined;
  }
}

/** Depth beyond which pass-through values are cut (replaced by null). */
const MAX_VALUE_DEPTH = 64;
/** Maximum number of array items / object entries copied per pass-through value. */
const MAX_VALUE_ITEMS = 100_000;

/**
 * Copies a pass-through JSON value (port default, constant value, event value) into fresh plain
 * arrays/objects, dropping `__proto__`, `constructor` and `prototype` keys, turning non-JSON values
 * (functions, symbols, bigint, non-finite numbers) into null, and cutting cycles and deep nesting.
 * Throws only if a getter throws (the caller reports PARSE_SCHEMA).
 */
export function copyJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return null;
  // fast path: a short flat array of primitives (the usual event value) needs no cycle tracking
  if (Array.isArray(value) && value.length <= 64) {
    const out: unknown[] = [];
    let flat = true;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v === 'string' || typeof v === 'boolean') out.push(v);
      else if (typeof v === 'number') out.push(Number.isFinite(v) ? v : null);
      else {
        flat = false;
        break;
      }
    }
    if (flat) return out;
  }
  let budget = MAX_VALUE_ITEMS;
  const seen = new Set<object>();
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null) return null;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? v : null;
      case 'object':
        break;
      default:
        return null;
    }
    const o = v as object;
    if (depth >= MAX_VALUE_DEPTH || seen.has(o)) return null;
    seen.add(o);
    try {
      if (Array.isArray(o)) {
        const len = Math.min(o.length, budget);
        budget -= len;
        const out = new Array<unknown>(len);
        for (let k = 0; k < len; k++) out[k] = copy(o[k], depth + 1);
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(o)) {
        if (DANGEROUS_KEYS.has(key)) continue;
        if (--budget < 0) break;
        out[key] = copy((o as Record<string, unknown>)[key], depth + 1);
      }
      return out;
    } finally {
      seen.delete(o);
    }
  };
  return copy(value, 0);
}

/** True for a non-null, non-array object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own-property read that ignores the prototype chain (so `constructor` on a plain object is not found). */
export function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}
