// Browser-test helpers: the dev server started by test/support/dev-server-plugin.mjs, and its
// control endpoint (scenarios, faults, stats, the store's view of a run).

export interface DevServerInfo {
  readonly url: string;
  readonly wsUrl: string;
  readonly token: string;
}

let cached: Promise<DevServerInfo> | undefined;

/** URL and (canary) token of the dev server of this test run. */
export function devServer(): Promise<DevServerInfo> {
  cached ??= fetch('/__fluss-dev-server.json').then((r) => {
    if (!r.ok) throw new Error('the fluss dev server plugin is not active');
    return r.json() as Promise<DevServerInfo>;
  });
  return cached;
}

/** Calls /control/<path> on the dev server (GET without body, POST with). */
export async function control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T> {
  const { url, token } = await devServer();
  const res = await fetch(new URL(`/control/${path}`, url), {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export interface RunInfo {
  id: string;
  status: string;
  eventCount: number;
  finished: boolean;
  outcome: string | null;
}

/** Polls /control/runs/:id until the simulated run finished. */
export async function waitForRun(runId: string, timeoutMs = 60_000): Promise<RunInfo> {
  const start = performance.now();
  for (;;) {
    const info = await control<RunInfo>(`runs/${runId}`);
    if (info.finished) return info;
    if (performance.now() - start > timeoutMs) throw new Error(`run ${runId} did not finish`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Event ids of a run in the server's store, in (t, id) order. */
export async function storeIds(runId: string): Promise<string[]> {
  return (await control<{ ids: string[] }>(`runs/${runId}/events`)).ids;
}

export interface Stats {
  httpRequests: number;
  graphqlRequests: number;
  httpAuthFailures: number;
  wsConnections: number;
  wsAuthFailures: number;
  requestLog: string[];
}

export const stats = (): Promise<Stats> => control<Stats>('stats');
export const setFaults = (faults: Record<string, unknown>): Promise<unknown> => control('faults', faults);
export const resetFaults = (): Promise<unknown> => control('faults', undefined, 'DELETE');
