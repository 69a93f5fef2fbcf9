/** Messages between <fluss-run src> and its export worker (export.worker.ts). */
import type { Diagnostic, Run, RunEvent, Workflow } from '../../model/types.js';

/**
 * Largest run export `src` accepts, in bytes (the model's default of 20 MB is sized for
 * workflows; a recorded run of a million events is about 150 MB).
 */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

export interface ExportWorkerRequest {
  /** Absolute http(s) or blob URL of the export. */
  readonly url: string;
}

export type ExportWorkerReply =
  | { readonly type: 'http-error'; readonly status: number }
  | { readonly type: 'network-error' }
  | { readonly type: 'parsed'; readonly run: Run | null; readonly workflow: Workflow | null; readonly diagnostics: readonly Diagnostic[]; readonly total: number }
  | { readonly type: 'events'; readonly events: readonly RunEvent[] }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly message: string };
