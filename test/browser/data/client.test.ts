// The Fluss client in Chromium against the dev server (started by the wtr plugin): queries,
// paging 100,000 events, live runs, abort, auth errors without retry storms, re-sync after a
// dropped socket.
import { expect } from '@open-wc/testing';
import { FlussClient, FlussClientError, FLOW_QUERY, RUN_EVENTS_SUBSCRIPTION, followRun, loadAllRunEvents, type FlowQueryData } from '../../../src/data/index.js';
import { parseWorkflow } from '../../../src/model/index.js';
import type { RunEvent } from '../../../src/model/types.js';
import { control, devServer, resetFaults, setFaults, stats, storeIds, waitForRun } from './support.js';

const seeds = async (): Promise<Record<string, string>> => (await control<{ seeds: Record<string, string> }>('flows')).seeds;

async function newClient(token?: string): Promise<FlussClient> {
  const info = await devServer();
  return new FlussClient({ endpoint: info.url, token: token ?? info.token, ws: { retryBaseMs: 50, maxRetryWaitMs: 300 } });
}

async function rejection(p: Promise<unknown>): Promise<FlussClientError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(FlussClientError);
    return e as FlussClientError;
  }
  throw new Error('expected a rejection');
}

describe('FlussClient against the dev server', () => {
  afterEach(async () => {
    await resetFaults();
  });

  it('queries a flow and the model parses it', async () => {
    const client = await newClient();
    const { data, warnings } = await client.query<FlowQueryData>(FLOW_QUERY, { id: (await seeds())['image-analysis'] });
    expect(warnings).to.have.length(0);
    const parsed = parseWorkflow(data.flow);
    expect(parsed.workflow?.nodes.map((n) => n.id)).to.include.members(['inputs', 'acquire', 'gpu-group', 'segment', 'outputs']);
  });

  it('pages through 100,000 events in (t, id) order, equal to the server store', async function () {
    this.timeout(180_000);
    const started = await control<{ runId: string; expectedEvents: number }>('scenario', { scenario: 'stream', pace: 'instant', events: 100_000 });
    await waitForRun(started.runId, 120_000);
    const client = await newClient();
    const t0 = performance.now();
    let pages = 0;
    const result = await loadAllRunEvents(client, started.runId, { pageSize: 5_000, onPage: () => pages++ });
    const ms = performance.now() - t0;
    console.log(`[measure] paged ${result.events.length} events in ${pages} pages of 5000: ${ms.toFixed(0)} ms`);
    expect(result.events.length).to.equal(started.expectedEvents);
    expect(result.events.length).to.be.at.least(100_000);
    const server = await storeIds(started.runId);
    const ids = result.events.map((e) => e.id);
    expect(ids.length).to.equal(server.length);
    expect(ids.every((id, i) => id === server[i])).to.equal(true);
  });

  it('subscribes and receives a live run to its end', async function () {
    this.timeout(60_000);
    const started = await control<{ runId: string }>('scenario', { scenario: 'success', eventsPerSecond: 60 });
    const client = await newClient();
    const received: RunEvent[] = [];
    const phases = new Set<string>();
    let finalStatus = '';
    const follower = followRun(client, started.runId, {
      onEvents: (events, phase) => {
        received.push(...events);
        phases.add(phase);
      },
      onStatus: (s) => (finalStatus = s),
    });
    await follower.done;
    expect(finalStatus).to.equal('COMPLETED');
    expect(phases.has('live')).to.equal(true);
    const server = await storeIds(started.runId);
    expect(received.map((e) => e.id).sort((a, b) => Number(a) - Number(b))).to.deep.equal([...server].sort((a, b) => Number(a) - Number(b)));
    client.dispose();
  });

  it('aborts a request mid-flight', async () => {
    await setFaults({ latencyMs: 3_000 });
    const client = await newClient();
    const controller = new AbortController();
    const pending = client.query(FLOW_QUERY, { id: '1' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await rejection(pending);
    expect(err.code).to.equal('ABORTED');
  });

  it('a wrong token gives the auth error at once, with no retry storm', async () => {
    const client = await newClient('tok-wrong');
    const before = await stats();
    const http = await rejection(client.query(FLOW_QUERY, { id: '1' }));
    expect(http.code).to.equal('HTTP_UNAUTHENTICATED');
    const ws = await new Promise<FlussClientError>((resolve) => {
      client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
    });
    expect(ws.code).to.equal('WS_FORBIDDEN');
    expect(ws.status).to.equal(4403);
    await new Promise((r) => setTimeout(r, 1_500));
    const after = await stats();
    expect(after.graphqlRequests - before.graphqlRequests).to.equal(1);
    expect(after.wsConnections - before.wsConnections).to.equal(1);
    client.dispose();
  });

  it('a socket dropped mid-run reconnects and re-syncs with no event lost or duplicated', async function () {
    this.timeout(90_000);
    const started = await control<{ runId: string; expectedEvents: number }>('scenario', { scenario: 'stream', events: 4_000, eventsPerSecond: 1_500 });
    const client = await newClient();
    const received: RunEvent[] = [];
    let reconnects = 0;
    const follower = followRun(client, started.runId, {
      pageSize: 1_000,
      onEvents: (events) => received.push(...events),
      onReconnect: () => reconnects++,
    });
    await follower.ready;
    await new Promise((r) => setTimeout(r, 500));
    const dropped = await control<{ dropped: number }>('drop-sockets', {});
    expect(dropped.dropped).to.be.at.least(1);
    await new Promise((r) => setTimeout(r, 700));
    await control('drop-sockets', {});
    await follower.done;
    expect(reconnects).to.be.at.least(1);
    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const server = await storeIds(started.runId);
    expect(server.length).to.equal(started.expectedEvents);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).to.deep.equal([...server].sort((a, b) => Number(a) - Number(b)));
    client.dispose();
  });

  it('duplicate and out-of-order subscription events are delivered once', async function () {
    this.timeout(60_000);
    await setFaults({ duplicateEvery: 2, reorderWindow: 3 });
    const started = await control<{ runId: string }>('scenario', { scenario: 'stream', events: 600, eventsPerSecond: 600 });
    const client = await newClient();
    const received: RunEvent[] = [];
    const follower = followRun(client, started.runId, { onEvents: (events) => received.push(...events) });
    await follower.done;
    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.length).to.equal((await storeIds(started.runId)).length);
    client.dispose();
  });
});
