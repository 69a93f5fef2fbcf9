/**
 * Worker for <fluss-run src>: fetches a run export, parses it with the model's parseRunExport
 * off the main thread, and posts the run, its flow and then its events one page per request of
 * the page (pull: the main thread asks for the next page when it starts indexing the current one),
 * so a recorded run of a million events never floods the main thread (performance goal E3).
 */
import { parseRunExport } from '../../model/parse-run.js';
import type { RunEvent } from '../../model/types.js';
import { EXPORT_PAGE_SIZE, MAX_EXPORT_BYTES, type ExportWorkerReply, type ExportWorkerRequest } from './export-protocol.js';

const post = (reply: ExportWorkerReply): void => (self as unknown as Worker).postMessage(reply);

/** The parsed events still to post, and where the next page starts. */
let pending: { events: readonly RunEvent[]; next: number } | null = null;

function postPage(): void {
  if (!pending) return;
  const { events, next } = pending;
  const end = Math.min(events.length, next + EXPORT_PAGE_SIZE);
  const last = end >= events.length;
  if (next < end) post({ type: 'events', events: events.slice(next, end), last });
  pending.next = end;
  if (last) {
    pending = null;
    post({ type: 'done' });
  }
}

self.onmessage = async (ev: MessageEvent<ExportWorkerRequest>) => {
  const request = ev.data;
  if ('type' in request) {
    if (request.type === 'more') postPage();
    return;
  }
  let text: string;
  try {
    const res = await fetch(request.url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!res.ok) {
      post({ type: 'http-error', status: res.status });
      return;
    }
    text = await res.text();
  } catch {
    post({ type: 'network-error' });
    return;
  }
  try {
    const result = parseRunExport(text, { maxBytes: MAX_EXPORT_BYTES });
    post({ type: 'parsed', run: result.run, workflow: result.workflow, diagnostics: result.diagnostics, total: result.events.length });
    pending = { events: result.events, next: 0 };
    // The first page goes unasked; the page asks for each next one.
    postPage();
  } catch (err) {
    pending = null;
    post({ type: 'failed', message: String((err as Error)?.message ?? err).slice(0, 500) });
  }
};
