/**
 * followRun: loads a run and its history, follows its live events over the subscription, merges
 * by id (each event delivered once), and gap-fills over HTTP after every reconnect (spec 3.5,
 * reliability W11-W13). Stops by itself once the run is COMPLETED and the last gap is filled.
 */
import type { Diagnostic, RunEvent } from '../model/types.js';
import { compareEvents } from '../model/index.js';
import type { FlussClient } from './fluss-client.js';
import { FlussClientError } from './errors.js';
import { loadAllRunEvents, normalizeEvents } from './load-run-events.js';
import {
  EVENTS_BETWEEN_QUERY,
  RUN_EVENTS_SUBSCRIPTION,
  RUN_QUERY,
  RUN_STATUS_QUERY,
  type EventsBetweenData,
  type RawRun,
  type RunEventsSubscriptionData,
  type RunQueryData,
  type RunStatusData,
} from './operations.js';

export type FollowPhase = 'history' | 'live' | 'resync';

export interface FollowRunOptions {
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** The run with its flow (GraphQL form), before any event. */
  readonly onRun?: (run: RawRun) => void;
  /** Events not delivered before, sorted by (t, id) within the batch. */
  readonly onEvents: (events: readonly RunEvent[], phase: FollowPhase) => void;
  readonly onStatus?: (status: 'RUNNING' | 'COMPLETED') => void;
  /** Errors; GRAPHQL_PARTIAL arrives here as a warning. */
  readonly onError?: (error: FlussClientError) => void;
  /** After every reconnect of the socket (the gap-fill follows by itself). */
  readonly onReconnect?: () => void;
  readonly onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
  /** How far below the newest known t a gap-fill starts (default 64; covers reordered delivery). */
  readonly resyncMarginT?: number;
  /** With no live event for this long, the run status is re-queried (default 10 s; a run can end without a ReturnNode event). */
  readonly idleStatusCheckMs?: number;
}

export interface RunFollower {
  /** Settles when the history is loaded or loading failed (the error went to `onError`); never rejects. */
  readonly ready: Promise<void>;
  /** Resolves when following ended: run COMPLETED and gaps filled, `stop()`, abort, or a fatal error. */
  readonly done: Promise<void>;
  /** Ids of every event delivered. */
  readonly ids: ReadonlySet<string>;
  /** Fetches events from just below the newest known t and delivers the missing ones. */
  resync(): Promise<void>;
  stop(): void;
}

/** Follows one run: history, then live, re-syncing after reconnects. */
export function followRun(client: FlussClient, runId: string, options: FollowRunOptions): RunFollower {
  const ids = new Set<string>();
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const margin = options.resyncMarginT ?? 64;
  let maxT = -1;
  let historyDone = false;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  let buffered: RunEvent[] = [];
  let flushQueued = false;
  let returnIds = new Set<string>();
  let resyncing: Promise<void> | undefined;
  let resyncAgain = false;
  let againFloor = Infinity;
  /** Floor of a gap-fill to repeat once the subscription has proven active again (first live event). */
  let verifyFloor: number | undefined;
  let statusCheck: Promise<void> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const idleMs = options.idleStatusCheckMs ?? 10_000;
  const armIdle = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = stopped ? undefined : setTimeout(() => checkStatus(), idleMs);
  };
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));

  const report = (e: unknown): void => {
    const err = e instanceof FlussClientError ? e : new FlussClientError('HTTP_NETWORK', 'Following the run failed.', { origin: client.origin });
    if (err.code === 'ABORTED') return;
    options.onError?.(err);
  };
  const diagnose = (d: Diagnostic[]): void => {
    if (d.length) options.onDiagnostics?.(d);
  };

  /** Delivers the events not seen yet. */
  const deliver = (events: readonly RunEvent[], phase: FollowPhase): void => {
    if (stopped) return;
    const fresh: RunEvent[] = [];
    for (const e of events) {
      if (ids.has(e.id)) continue;
      ids.add(e.id);
      fresh.push(e);
      if (e.t > maxT) maxT = e.t;
    }
    if (!fresh.length) return;
    fresh.sort(compareEvents);
    options.onEvents(fresh, phase);
    if (phase !== 'history' && fresh.some((e) => e.kind === 'ERROR' || (e.kind === 'COMPLETE' && returnIds.has(e.source)))) checkStatus();
  };

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (idleTimer) clearTimeout(idleTimer);
    controller.abort();
    try {
      unsubscribe?.();
    } catch {
      /* ignore */
    }
    resolveDone();
  };

  /**
   * Gap-fill: eventsBetween(min: floor) merged by id. The default floor is just below the newest
   * known t. The server registers a re-sent subscription a little after the socket is back, so a
   * floor is also remembered and fetched again once the first live event proves it active.
   */
  const resync = (floor = maxT - margin): Promise<void> => {
    if (stopped || !historyDone) return Promise.resolve();
    if (resyncing) {
      resyncAgain = true;
      againFloor = Math.min(againFloor, floor);
      return resyncing;
    }
    resyncing = (async () => {
      let min = floor;
      for (;;) {
        const { data, warnings } = await client.query<EventsBetweenData>(EVENTS_BETWEEN_QUERY, { run: runId, min: Math.max(0, min), max: null }, { signal });
        warnings.forEach(report);
        const diagnostics: Diagnostic[] = [];
        deliver(normalizeEvents(data.eventsBetween ?? [], diagnostics, '$.eventsBetween'), 'resync');
        diagnose(diagnostics);
        if (!resyncAgain || stopped) break;
        resyncAgain = false;
        min = againFloor;
        againFloor = Infinity;
      }
    })()
      .catch(report)
      .finally(() => {
        resyncing = undefined;
      });
    return resyncing;
  };

  /** After a (re)connect: fill the gap now and once more when the subscription delivers again. */
  const resyncAfterConnect = (): void => {
    const floor = maxT - margin;
    verifyFloor = Math.min(verifyFloor ?? floor, floor);
    void resync(floor);
  };

  const checkStatus = (): void => {
    if (statusCheck || stopped) return;
    statusCheck = (async () => {
      for (let attempt = 0; attempt < 8 && !stopped; attempt++) {
        const { data } = await client.query<RunStatusData>(RUN_STATUS_QUERY, { id: runId }, { signal });
        if (data.run?.status === 'COMPLETED') {
          await resync(Math.min(maxT - margin, verifyFloor ?? Infinity));
          verifyFloor = undefined;
          options.onStatus?.('COMPLETED');
          stop();
          return;
        }
        await new Promise((r) => setTimeout(r, 150 * 2 ** attempt));
      }
    })()
      .catch(report)
      .finally(() => {
        statusCheck = undefined;
      });
  };

  const flush = (): void => {
    flushQueued = false;
    if (!historyDone || stopped) return;
    const batch = buffered;
    buffered = [];
    if (verifyFloor !== undefined && batch.length) {
      const floor = verifyFloor;
      verifyFloor = undefined;
      void resync(floor);
    }
    deliver(batch, 'live');
    armIdle();
  };

  const ready = (async () => {
    const { data, warnings } = await client.query<RunQueryData>(RUN_QUERY, { id: runId }, { signal });
    warnings.forEach(report);
    if (!data.run) throw new FlussClientError('GRAPHQL_ERROR', 'The run was not found.', { origin: client.origin });
    const run = data.run;
    returnIds = new Set(run.flow.graph.nodes.filter((n) => n.__typename === 'ReturnNode').map((n) => n.id));
    options.onRun?.(run);
    options.onStatus?.(run.status);
    if (run.status !== 'COMPLETED') {
      unsubscribe = client.subscribe<RunEventsSubscriptionData>(
        RUN_EVENTS_SUBSCRIPTION,
        { run: runId },
        {
          next: (payload) => {
            const diagnostics: Diagnostic[] = [];
            const [event] = normalizeEvents([payload.events], diagnostics, '$.events');
            diagnose(diagnostics);
            if (!event) return;
            buffered.push(event);
            if (!flushQueued) {
              flushQueued = true;
              queueMicrotask(flush);
            }
          },
          error: (err) => {
            report(err);
            if (!stopped) stop();
          },
          onReconnect: () => {
            options.onReconnect?.();
            // Before the history is complete the pager still covers the gap.
            if (historyDone) resyncAfterConnect();
          },
        },
      );
    }
    const history = await loadAllRunEvents(client, runId, {
      pageSize: options.pageSize,
      signal,
      onPage: (events) => deliver(events, 'history'),
    });
    history.warnings.forEach(report);
    diagnose(history.diagnostics);
    historyDone = true;
    if (history.status === 'COMPLETED' || run.status === 'COMPLETED') {
      options.onStatus?.('COMPLETED');
      stop();
      return;
    }
    // Events tracked while the subscription was being set up (or down): gap-fill that window.
    resyncAfterConnect();
    flush();
    checkStatus();
    armIdle();
  })();
  ready.catch((e: unknown) => {
    report(e);
    stop();
  });

  return {
    ready: ready.catch(() => undefined),
    done,
    ids,
    resync,
    stop,
  };
}
