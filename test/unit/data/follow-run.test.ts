// followRun against the dev server: history + live + re-sync; no event lost or duplicated across
// a dropped socket, duplicate and out-of-order delivery; the pager returns (t, id) order.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startDevServer, type DevServer } from '../../../dev-server/server.js';
import { startScenario } from '../../../dev-server/control.js';
import { FlussClient, followRun, loadAllRunEvents, type FlussClientError } from '../../../src/data/index.js';
import type { RunEvent } from '../../../src/model/types.js';

let server: DevServer;
before(async () => {
  server = await startDevServer({ token: 'follow-token' });
});
after(async () => {
  await server.close();
});

const newClient = () =>
  new FlussClient({ endpoint: server.url, token: 'follow-token', ws: { webSocketImpl: WebSocket, retryBaseMs: 20, maxRetryWaitMs: 100 } });

function storeIds(runId: string): string[] {
  return server.store.eventsInOrder(runId).map((e) => e.id);
}

function follow(client: FlussClient, runId: string) {
  const received: RunEvent[] = [];
  const errors: FlussClientError[] = [];
  let reconnects = 0;
  const follower = followRun(client, runId, {
    pageSize: 500,
    onEvents: (events) => received.push(...events),
    onError: (e) => errors.push(e),
    onReconnect: () => reconnects++,
  });
  return { follower, received, errors, reconnects: () => reconnects };
}

test('loadAllRunEvents pages in (t, id) order and matches the store', async () => {
  const client = newClient();
  const runId = server.seed.runs.get('stream-small')!;
  let pages = 0;
  const result = await loadAllRunEvents(client, runId, { pageSize: 128, onPage: () => pages++ });
  assert.deepEqual(result.events.map((e) => e.id), storeIds(runId));
  assert.equal(result.pages, pages);
  assert.equal(pages, Math.floor(storeIds(runId).length / 128) + 1);
  assert.equal(result.status, 'COMPLETED');
});

test('follows a live run to its end with a dropped socket, duplicates and reordering: each event once', async () => {
  const client = newClient();
  server.faults.set({ duplicateEvery: 3, reorderWindow: 4 });
  const started = startScenario(server, { scenario: 'stream', events: 3000, eventsPerSecond: 1500 });
  const f = follow(client, started.runId);
  await f.follower.ready;
  // Drop every socket twice while the run streams live (after events arrived, never after the
  // end, so a reconnect is needed however slow this machine is).
  const until = async (n: number) => {
    const deadline = Date.now() + 30_000;
    while (f.received.length < n) {
      assert.ok(Date.now() < deadline, `only ${f.received.length} of ${n} events arrived`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await until(300);
  assert.ok(server.dropSockets() >= 1);
  await until(1200);
  server.dropSockets();
  await f.follower.done;
  server.faults.reset();
  const ids = f.received.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'no duplicates');
  assert.deepEqual([...ids].sort((a, b) => Number(a) - Number(b)), storeIds(started.runId).slice().sort((a, b) => Number(a) - Number(b)), 'no event lost');
  assert.ok(f.reconnects() >= 1, 'reconnected');
  assert.deepEqual(f.errors.filter((e) => e.severity === 'error'), []);
  client.dispose();
});

test('a finished run is loaded once without a subscription', async () => {
  const client = newClient();
  server.resetStats();
  const runId = server.seed.runs.get('image-analysis')!;
  const f = follow(client, runId);
  await f.follower.done;
  assert.deepEqual(f.received.map((e) => e.id), storeIds(runId));
  assert.equal(server.stats.wsConnections, 0);
});
