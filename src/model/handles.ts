/**
 * React Flow handle ids of Fluss streams: `arg_<i>` (input stream i) and `return_<j>` (output stream j).
 * Parsed strictly (reliability G2): no `.at(-1)` semantics, no leading zeros, no whitespace, at most 4 digits.
 */

export type HandleSide = 'arg' | 'return';

export interface ParsedHandle {
  readonly side: HandleSide;
  readonly index: number;
}

/**
 * The stream index of `handle` if it is exactly `<prefix><n>` with n matching `0|[1-9]\d{0,3}`
 * (the strict rule `^(arg|return)_(0|[1-9]\d{0,3})$`), else -1. Allocation-free: runs once per edge end.
 */
export function handleIndex(handle: unknown, prefix: 'arg_' | 'return_'): number {
  if (typeof handle !== 'string' || !handle.startsWith(prefix)) return -1;
  const start = prefix.length;
  const len = handle.length - start;
  if (len < 1 || len > 4) return -1;
  let n = 0;
  for (let i = start; i < handle.length; i++) {
    const c = handle.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  if (len > 1 && handle.charCodeAt(start) === 48) return -1; // no leading zeros
  return n;
}

/** Parses a handle id; null when it is not exactly `arg_<n>` or `return_<n>` with 0 <= n <= 9999. */
export function parseHandle(handle: unknown): ParsedHandle | null {
  let index = handleIndex(handle, 'return_');
  if (index >= 0) return { side: 'return', index };
  index = handleIndex(handle, 'arg_');
  return index >= 0 ? { side: 'arg', index } : null;
}

/** The source handle id of output stream `index`. */
export function returnHandle(index: number): string {
  return `return_${index}`;
}

/** The target handle id of input stream `index`. */
export function argHandle(index: number): string {
  return `arg_${index}`;
}

/** Index of a `return_<n>` handle, or -1 when the handle is not a valid out-handle. */
export function returnHandleIndex(handle: unknown): number {
  return handleIndex(handle, 'return_');
}
