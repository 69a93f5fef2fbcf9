/**
 * The source of a <fluss-run>: a reactive controller that loads a run from properties, from a
 * recorded export (`src`) or from the server (`run-id`, then followed live), feeds the events to
 * the host's store in time-budgeted chunks, and cancels everything on a new source or disconnect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RunLoadState } from '../../context/run-context.js';
import type { FlussErrorDetail } from '../../events/fluss-error.js';
import type { Diagnostic, Run, RunEvent, Workflow } from '../../model/types.js';
import { ingestInChunks } from './ingest.js';
import { appendEvents, normalizeEvents, parseExport, type RunStore } from './store-access.js';
import { LiveRunFollower } from './live-source.js';
import type { ExportWorkerReply, ExportWorkerRequest } from './export-protocol.js';

/** What the source needs from its element. */
export interface RunSourceHost extends ReactiveControllerHost, HTMLElement {
  /** A new source starts: the host makes a new, empty store. */
  sourceReset(): void;
  readonly sourceStore: RunStore;
  /** `count` events were appended to the store. */
  sourceEventsAdded(count: number): void;
  sourceRunChanged(run: Run | null, workflow: Workflow | null): void;
  sourceStateChanged(state: RunLoadState, live: boolean): void;
  sourceError(detail: FlussErrorDetail): void;
}

export interface RunSourceConfig {
  readonly run: Run | null;
  readonly events: readonly unknown[] | null;
  readonly flow: Workflow | null;
  readonly src: string | null;
  readonly runId: string | null;
}

/** Our own message for a diagnostic code (the diagnostic's message names data, so it stays secondary). */
function diagnosticDetail(d: Diagnostic): FlussErrorDetail {
  return {
    code: d.code,
    severity: d.severity,
    message: d.severity === 'error' ? 'The run export could not be read.' : 'The run export has problems that were skipped.',
    recoverable: false,
    phase: 'parse',
    serverMessage: d.message.slice(0, 500),
  };
}

function httpCode(status: number): string {
  if (status === 401) return 'HTTP_UNAUTHENTICATED';
  if (status === 403) return 'HTTP_FORBIDDEN';
  if (status >= 500) return 'HTTP_SERVER';
  return 'HTTP_BAD_RESPONSE';
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).origin;
  } catch {
    return undefined;
  }
}

function isAbort(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError';
}

export class RunSource implements ReactiveController {
  private config: RunSourceConfig | null = null;
  private abort: AbortController | null = null;
  private readonly live: LiveRunFollower;

  constructor(private readonly host: RunSourceHost) {
    host.addController(this);
    this.live = new LiveRunFollower(host, this);
  }

  /** Sets the source; a different source restarts loading. */
  configure(config: RunSourceConfig): void {
    const prev = this.config;
    this.config = config;
    if (
      prev &&
      prev.run === config.run &&
      prev.events === config.events &&
      prev.flow === config.flow &&
      prev.src === config.src &&
      prev.runId === config.runId
    ) {
      return;
    }
    if (this.host.isConnected) this.restart();
  }

  /** Drops everything loaded and loads the current source again. */
  restart(): void {
    this.stop();
    const config = this.config;
    if (!config) return;
    const abort = new AbortController();
    this.abort = abort;
    this.host.sourceReset();
    const { signal } = abort;
    let task: Promise<void>;
    if (config.events || config.run) task = this.loadProperties(config, signal);
    else if (config.src) task = this.loadExport(config.src, signal);
    else if (config.runId) task = this.live.start(config.runId, signal);
    else {
      this.host.sourceStateChanged('idle', false);
      return;
    }
    task.catch((err: unknown) => {
      if (signal.aborted || isAbort(err)) return;
      this.fail({ code: 'RUN_LOAD_FAILED', severity: 'error', message: 'The run could not be loaded.', recoverable: true, phase: 'run', serverMessage: String((err as Error)?.message ?? err).slice(0, 500) });
    });
  }

  /** Appends events (already normalized) in time-budgeted chunks. */
  async ingest(events: readonly RunEvent[], signal: AbortSignal): Promise<void> {
    await ingestInChunks(
      events,
      (slice) => {
        const added = appendEvents(this.host.sourceStore, slice);
        if (added > 0) this.host.sourceEventsAdded(added);
      },
      { signal },
    );
  }

  /** Reports an error and puts the host in the error state. */
  fail(detail: FlussErrorDetail): void {
    this.host.sourceError(detail);
    if (detail.severity === 'error') this.host.sourceStateChanged('error', false);
  }

  hostConnected(): void {
    if (this.config && !this.abort) this.restart();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.live.stop();
  }

  private async loadProperties(config: RunSourceConfig, signal: AbortSignal): Promise<void> {
    const workflow = config.flow ?? config.run?.flow ?? null;
    this.host.sourceRunChanged(config.run, workflow);
    this.host.sourceStateChanged('loading', false);
    const raw = config.events ?? [];
    let dropped = 0;
    // Events from nodes the flow does not have are kept (the log shows them) and warned about once.
    const nodeIds = workflow ? new Set(workflow.nodes.map((n) => n.id)) : null;
    const unknownSources = new Set<string>();
    await ingestInChunks(
      raw,
      (slice) => {
        // The page's own objects: no deep copy of values (less garbage while a million load).
        const normalized = normalizeEvents(slice, true);
        dropped += slice.length - normalized.length;
        if (nodeIds) for (const e of normalized) if (!nodeIds.has(e.source)) unknownSources.add(e.source);
        const added = appendEvents(this.host.sourceStore, normalized);
        if (added > 0) this.host.sourceEventsAdded(added);
      },
      { signal },
    );
    if (dropped > 0) {
      this.host.sourceError({ code: 'EVENT_MALFORMED', severity: 'warning', message: 'Some run events were malformed and skipped.', recoverable: false, phase: 'run', count: dropped });
    }
    if (unknownSources.size > 0) {
      this.host.sourceError({ code: 'EVENT_UNKNOWN_NODE', severity: 'warning', message: 'Some run events come from nodes that are not in the flow; they are kept in the log.', recoverable: false, phase: 'run', count: unknownSources.size });
    }
    this.host.sourceStateChanged(dropped > 0 || unknownSources.size > 0 ? 'partial' : 'ready', false);
  }

  private async loadExport(src: string, signal: AbortSignal): Promise<void> {
    this.host.sourceStateChanged('loading', false);
    let url: URL;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      this.fail({ code: 'HTTP_BAD_RESPONSE', severity: 'error', message: 'The run export URL is not valid.', recoverable: false, phase: 'http' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'blob:') {
      this.fail({ code: 'HTTP_BAD_RESPONSE', severity: 'error', message: 'The run export URL must use http or https.', recoverable: false, phase: 'http' });
      return;
    }
    const worker = createExportWorker();
    if (worker && (await this.loadExportInWorker(worker, url.href, src, signal)) === 'done') return;
    let text: string;
    try {
      // No cookies or referrer go with a file fetch; a newer source aborts this one.
      const res = await fetch(url.href, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (!res.ok) {
        this.fail(httpFailure(res.status, src));
        return;
      }
      text = await res.text();
    } catch (err) {
      if (signal.aborted || isAbort(err)) return;
      this.fail(networkFailure(src));
      return;
    }
    if (signal.aborted) return;
    const result = parseExport(text);
    const problems = this.reportDiagnostics(result.diagnostics);
    if (!result.run && result.events.length === 0) {
      this.host.sourceStateChanged(problems.tooLarge ? 'too-large' : 'error', false);
      return;
    }
    this.host.sourceRunChanged(result.run, result.workflow ?? result.run?.flow ?? null);
    await this.ingest(result.events, signal);
    this.host.sourceStateChanged(problems.count > 0 ? 'partial' : 'ready', false);
  }

  /** Reports parse diagnostics: the first errors one by one, the warnings as one aggregate. */
  private reportDiagnostics(diagnostics: readonly Diagnostic[]): { count: number; tooLarge: boolean } {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    for (const d of errors.slice(0, 5)) this.host.sourceError(diagnosticDetail(d));
    if (warnings.length > 0) this.host.sourceError({ ...diagnosticDetail(warnings[0]!), count: warnings.length });
    return { count: errors.length + warnings.length, tooLarge: errors.some((d) => d.code === 'GRAPH_TOO_LARGE') };
  }

  /**
   * Fetches and parses the export in a worker and ingests the slices it posts. Resolves 'fallback'
   * when the worker could not start (no module workers, a strict CSP): the caller loads on the main thread.
   */
  private loadExportInWorker(worker: Worker, href: string, src: string, signal: AbortSignal): Promise<'done' | 'fallback'> {
    return new Promise((resolve) => {
      let started = false;
      let settled = false;
      let queue: Promise<void> = Promise.resolve();
      let problems = 0;
      const finish = (how: 'done' | 'fallback'): void => {
        if (settled) return;
        settled = true;
        worker.terminate();
        signal.removeEventListener('abort', onAbort);
        resolve(how);
      };
      const onAbort = (): void => finish('done');
      signal.addEventListener('abort', onAbort);
      worker.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        if (!started) finish('fallback');
        else {
          this.fail({ code: 'PARSE_SCHEMA', severity: 'error', message: 'The run export could not be read.', recoverable: false, phase: 'parse' });
          finish('done');
        }
      };
      worker.onmessage = (ev: MessageEvent<ExportWorkerReply>) => {
        if (settled) return;
        const m = ev.data;
        started = true;
        switch (m.type) {
          case 'http-error':
            this.fail(httpFailure(m.status, src));
            finish('done');
            break;
          case 'network-error':
            this.fail(networkFailure(src));
            finish('done');
            break;
          case 'failed':
            this.fail({ code: 'PARSE_SCHEMA', severity: 'error', message: 'The run export could not be read.', recoverable: false, phase: 'parse', serverMessage: m.message });
            finish('done');
            break;
          case 'parsed': {
            const reported = this.reportDiagnostics(m.diagnostics);
            problems = reported.count;
            if (!m.run && m.total === 0) {
              this.host.sourceStateChanged(reported.tooLarge ? 'too-large' : 'error', false);
              finish('done');
              break;
            }
            this.host.sourceRunChanged(m.run, m.workflow ?? m.run?.flow ?? null);
            break;
          }
          case 'events': {
            const { events, last } = m;
            queue = queue.then(() => {
              if (signal.aborted) return undefined;
              // Ask for the next page as this one starts indexing: one page in flight, none piling up.
              if (!last) worker.postMessage({ type: 'more' } satisfies ExportWorkerRequest);
              return this.ingest(events, signal);
            });
            break;
          }
          case 'done':
            void queue
              .then(() => {
                if (!signal.aborted) this.host.sourceStateChanged(problems > 0 ? 'partial' : 'ready', false);
              })
              .catch(() => undefined)
              .finally(() => finish('done'));
            break;
        }
      };
      worker.postMessage({ url: href } satisfies ExportWorkerRequest);
    });
  }
}

/** The Trusted Types policy name of the export worker's script URL (allow it in `trusted-types`). */
export const EXPORT_WORKER_POLICY = 'fluss-run-export';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

/** undefined: not created yet; null: no Trusted Types here, or the page's CSP does not allow the name. */
let exportPolicy: ScriptUrlPolicy | null | undefined;
let exportWorkerUrl: string | null = null;

/**
 * The URL of the bundled export worker. Bundlers (Vite) recognise the literal
 * `new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' })` and rewrite the
 * URL to the built worker; `Worker` is shadowed here so the pattern only records the URL, and the
 * real worker is created through the Trusted Types policy (as src/layout does for ELK).
 */
function bundledExportWorkerUrl(): string {
  let url = '';
  const Worker = class {
    constructor(u: URL | string, _options?: unknown) {
      url = String(u);
    }
  };
  new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  return url;
}

/** The `fluss-run-export` policy; it passes the bundled export worker's URL and nothing else. */
function exportWorkerPolicy(): ScriptUrlPolicy | null {
  if (exportPolicy !== undefined) return exportPolicy;
  const tt = (globalThis as { trustedTypes?: { createPolicy?: (name: string, rules: object) => ScriptUrlPolicy } }).trustedTypes;
  exportPolicy = null;
  if (tt && typeof tt.createPolicy === 'function') {
    try {
      exportPolicy = tt.createPolicy(EXPORT_WORKER_POLICY, {
        createScriptURL: (u: string) => {
          if (u !== exportWorkerUrl) throw new TypeError(`${EXPORT_WORKER_POLICY}: this worker URL is not allowed.`);
          return u;
        },
      });
    } catch {
      // The page's `trusted-types` directive does not list the name: the worker cannot start.
    }
  }
  return exportPolicy;
}

/**
 * The export worker, or null where module workers cannot start (the caller then parses in place).
 * Under `require-trusted-types-for 'script'` its URL goes through the `fluss-run-export` policy.
 */
function createExportWorker(): Worker | null {
  if (typeof Worker !== 'function') return null;
  try {
    exportWorkerUrl ??= bundledExportWorkerUrl();
    const policy = exportWorkerPolicy();
    const url = policy ? (policy.createScriptURL(exportWorkerUrl) as string) : exportWorkerUrl;
    return new Worker(url, { type: 'module' });
  } catch {
    // Trusted Types or CSP refused the worker URL.
    return null;
  }
}

function httpFailure(status: number, src: string): FlussErrorDetail {
  return { code: httpCode(status), severity: 'error', message: 'The run export could not be fetched.', recoverable: status >= 500, phase: 'http', status, origin: originOf(src) };
}

function networkFailure(src: string): FlussErrorDetail {
  return { code: 'HTTP_NETWORK', severity: 'error', message: 'The run export could not be fetched.', recoverable: true, phase: 'http', origin: originOf(src) };
}
