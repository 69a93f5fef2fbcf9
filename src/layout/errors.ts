/**
 * Layout errors: the one error class every layout entry point rejects with.
 * Codes follow the reliability contract (LAYOUT_FAILED, LAYOUT_TIMEOUT, ...).
 */
import type { WorkflowLayout } from './types.js';

export type LayoutErrorCode =
  | 'LAYOUT_FAILED'
  | 'LAYOUT_TIMEOUT'
  | 'LAYOUT_UNAVAILABLE'
  | 'LAYOUT_INVALID'
  | 'LAYOUT_ABORTED';

/**
 * A failed layout. `message` is ours (English); ELK's own text, when any, follows it.
 * Every code except `LAYOUT_ABORTED` carries `fallback`: a simple layered layout of the same
 * graph (no ELK), so the caller can still draw something and report the error as a warning.
 */
export class LayoutError extends Error {
  readonly code: LayoutErrorCode;
  fallback?: WorkflowLayout;

  constructor(code: LayoutErrorCode, message: string, fallback?: WorkflowLayout) {
    super(message);
    this.name = 'LayoutError';
    this.code = code;
    if (fallback) this.fallback = fallback;
  }
}

/** True for a LayoutError (also across realms/copies of the module, by shape). */
export function isLayoutError(e: unknown): e is LayoutError {
  return (
    e instanceof LayoutError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'LayoutError' &&
      typeof (e as { code?: unknown }).code === 'string')
  );
}

/** Text of an unknown thrown value, truncated (ELK's messages can be long). */
export function errorText(e: unknown): string {
  let s: string;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    s = (e as { message: string }).message;
  } else {
    try {
      s = String(e);
    } catch {
      s = 'unknown error';
    }
  }
  return s.length > 300 ? `${s.slice(0, 299)}…` : s;
}
