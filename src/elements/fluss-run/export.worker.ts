/**
 * Worker for <fluss-run src>: fetches a run export, parses it with the model's parseRunExport
 * off the main thread, and posts the run, its flow and then its events in slices, so a recorded
 * run of a million events never blocks the page (performance goal E3).
 */
import { parseRunExport } from '../../model/parse-run.js';
import { MAX_EXPORT_BYTES, type ExportWorkerReply, type ExportWorkerRequest } from './export-protocol.js';

// Small slices: each message is deserialized in one main-thread task.
const SLICE = 2_000;

const post = (reply: ExportWorkerReply): void => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (ev: MessageEvent<ExportWorkerRequest>) => {
  const { url } = ev.data;
  let text: string;
  try {
    const res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
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
    for (let i = 0; i < result.events.length; i += SLICE) post({ type: 'events', events: result.events.slice(i, i + SLICE) });
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'failed', message: String((err as Error)?.message ?? err).slice(0, 500) });
  }
};
