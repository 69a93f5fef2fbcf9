/** Messages between <fluss-run src> and its export worker (export.worker.ts). */
import type { Diagnostic, Run, RunEvent, Workflow } from '../../model/types.js';

/**
 * Largest run export `src` accepts, in bytes (the model's default of 20 MB is sized for
 * workflows; a recorded run of a million events is about 150 MB).
 */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/**
 * Page <-> worker: `{url}` starts a load; after `parsed` the worker posts one page of events per
 * `{type: 'more'}` the page sends (pull, so at most a page or two wait on the main thread and the
 * million events arrive at the pace they are indexed), then `done` after the last page.
 */
export type ExportWorkerRequest =
  | {
      /** Absolute http(s) or blob URL of the export. */
      readonly url: string;
    }
  | { readonly type: 'more' };

/** Events per page the worker posts (each page is deserialized in one main-thread task). */
export const EXPORT_PAGE_SIZE = 2_000;

export type ExportWorkerReply =
  | { readonly type: 'http-error'; readonly status: number }
  | { readonly type: 'network-error' }
  | { readonly type: 'parsed'; readonly run: Run | null; readonly workflow: Workflow | null; readonly diagnostics: readonly Diagnostic[]; readonly total: number }
  /** One page; `last` when no page follows (`done` comes next). */
  | { readonly type: 'events'; readonly events: readonly RunEvent[]; readonly last: boolean }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly message: string };
