/**
 * The page-wide layout cache: an LRU of frozen layouts keyed by layoutKey.
 */
import type { WorkflowLayout } from './types.js';

export const LAYOUT_CACHE_SIZE = 48;

const entries = new Map<string, WorkflowLayout>();

/** The cached layout for `key` (marked most recently used), or undefined. */
export function cacheGet(key: string): WorkflowLayout | undefined {
  const v = entries.get(key);
  if (v) {
    entries.delete(key);
    entries.set(key, v);
  }
  return v;
}

/** Stores `layout` under `key`, evicting the least recently used entries. */
export function cacheSet(key: string, layout: WorkflowLayout): void {
  entries.delete(key);
  entries.set(key, layout);
  while (entries.size > LAYOUT_CACHE_SIZE) {
    const oldest = entries.keys().next().value as string;
    entries.delete(oldest);
  }
}

/** Empties the cache. */
export function clearLayoutCache(): void {
  entries.clear();
}

/** Number of cached layouts (tests). */
export function layoutCacheSize(): number {
  return entries.size;
}
