/**
 * The live source of a <fluss-run run-id>: loads the run and its flow through the provider's
 * client, pages in every event, then follows the events subscription through `followRun` (which
 * merges by id, re-syncs over HTTP after every reconnect and re-queries the status when a
 * ReturnNode COMPLETE or an ERROR arrives). Events go to the store in time-budgeted chunks.
 */
import { ContextConsumer } from '@lit/context';
import { flussClientContext } from '../../context/client-context.js';
import type { FlussClient } from '../../data/fluss-client.js';
import { followRun, type RunFollower } from '../../data/follow-run.js';
import type { FlussClientError } from '../../data/errors.js';
import { providerMissingDetail } from '../fluss-provider/client-access.js';
import type { FlussErrorDetail } from '../../events/fluss-error.js';
import type { Diagnostic, Run, RunEvent } from '../../model/types.js';
import type { RunSourceHost } from './run-source.js';
import { parseExport } from './store-access.js';

/** The part of RunSource the follower reports to. */
export interface LiveSourceSink {
  fail(detail: FlussErrorDetail): void;
  ingest(events: readonly RunEvent[], signal: AbortSignal): Promise<void>;
  restart(): void;
}

export class LiveRunFollower {
  private readonly client: ContextConsumer<typeof flussClientContext, RunSourceHost>;
  private follower: RunFollower | null = null;
  private waitingForClient = false;
  private usedClient: FlussClient | null = null;

  constructor(
    private readonly host: RunSourceHost,
    private readonly sink: LiveSourceSink,
  ) {
    this.client = new ContextConsumer(host, {
      context: flussClientContext,
      subscribe: true,
      callback: (client: FlussClient | undefined) => {
        // A provider that gets its endpoint later (or a new one) restarts a waiting or running follow.
        if (client && client !== this.usedClient && (this.waitingForClient || this.follower)) this.sink.restart();
      },
    });
  }

  /** Loads and follows run `runId` until it is COMPLETED or `signal` aborts. */
  async start(runId: string, signal: AbortSignal): Promise<void> {
    const client = this.client.value;
    if (!client) {
      this.waitingForClient = true;
      this.sink.fail(providerMissingDetail('<fluss-run run-id>'));
      return;
    }
    this.waitingForClient = false;
    this.usedClient = client;
    this.host.sourceStateChanged('loading', false);
    let run: Run | null = null;
    let live = false;
    let historyDone = false;
    let fatal = false;
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (events: readonly RunEvent[]) => {
      queue = queue.then(() => (signal.aborted ? undefined : this.sink.ingest(events, signal))).catch(() => undefined);
    };
    let warnings = 0;
    const follower = followRun(client, runId, {
      signal,
      onRun: (raw) => {
        const parsed = parseExport(raw);
        run = parsed.run;
        live = raw.status !== 'COMPLETED';
        this.host.sourceRunChanged(parsed.run, parsed.workflow ?? parsed.run?.flow ?? null);
        if (parsed.events.length > 0) enqueue(parsed.events);
      },
      onEvents: (events) => enqueue(events),
      onStatus: (status) => {
        if (run && run.status !== status) {
          run = { ...run, status };
          this.host.sourceRunChanged(run, null);
        }
        if (status === 'COMPLETED' && live) {
          live = false;
          if (historyDone) void queue.then(() => this.host.sourceStateChanged('ready', false));
        }
      },
      onError: (err: FlussClientError) => {
        this.host.sourceError(err.toDetail());
        if (err.severity === 'error') {
          fatal = true;
          if (!historyDone) this.host.sourceStateChanged('error', false);
          else void queue.then(() => this.host.sourceStateChanged('partial', false));
        }
      },
      onReconnect: () => {
        this.host.sourceStateChanged('reconnecting', live);
        void this.follower
          ?.resync()
          .then(() => queue)
          .then(() => {
            if (!signal.aborted && !fatal) this.host.sourceStateChanged('ready', live);
          });
      },
      onDiagnostics: (diagnostics: readonly Diagnostic[]) => {
        warnings += diagnostics.length;
        const first = diagnostics[0];
        if (first) {
          this.host.sourceError({ code: first.code, severity: 'warning', message: 'Some run events had problems.', recoverable: false, phase: 'run', count: warnings });
        }
      },
    });
    this.follower = follower;
    await follower.ready;
    historyDone = true;
    await queue;
    if (signal.aborted) return;
    if (!fatal) this.host.sourceStateChanged('ready', live);
    await follower.done;
    await queue;
    if (signal.aborted || fatal) return;
    this.host.sourceStateChanged('ready', false);
  }

  stop(): void {
    this.follower?.stop();
    this.follower = null;
  }
}
