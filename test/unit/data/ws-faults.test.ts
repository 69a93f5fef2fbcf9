// graphql-ws faults the client must survive without storms: 1000-before-ack loops trip the
// breaker (WS_RECONNECT_STORM), a 4403 with getToken is retried exactly once with a fresh token,
// and a dropped socket is reconnected with the onReconnect callback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { FlussClient, RUN_EVENTS_SUBSCRIPTION, type FlussClientError } from '../../../src/data/index.js';
import { startDevServer } from '../../../dev-server/server.js';

test('a server that closes 1000 before ack again and again trips the storm breaker', async () => {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, handleProtocols: () => 'graphql-transport-ws' });
  let connections = 0;
  wss.on('connection', (socket) => {
    connections++;
    socket.close(1000, 'bye');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as AddressInfo).port;
  try {
    const client = new FlussClient({
      endpoint: `http://127.0.0.1:${port}/graphql`,
      token: 'tok',
      ws: { webSocketImpl: WebSocket, retryAttempts: 1000, retryBaseMs: 1, maxRetryWaitMs: 5 },
    });
    const err = await new Promise<FlussClientError>((resolve) => {
      client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
    });
    assert.equal(err.code, 'WS_RECONNECT_STORM');
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(connections <= 7, `connections: ${connections}`);
    client.dispose();
  } finally {
    wss.close();
    http.close();
  }
});

test('4403 with a getToken callback: one refresh and one retry, then WS_FORBIDDEN', async () => {
  const server = await startDevServer({ token: 'right', seed: false });
  try {
    const reasons: string[] = [];
    const client = new FlussClient({
      endpoint: server.url,
      getToken: ({ reason }) => {
        reasons.push(reason);
        return 'wrong';
      },
      ws: { webSocketImpl: WebSocket, retryBaseMs: 1, maxRetryWaitMs: 5 },
    });
    const err = await new Promise<FlussClientError>((resolve) => {
      client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
    });
    assert.equal(err.code, 'WS_FORBIDDEN');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(server.stats.wsConnections, 2);
    assert.deepEqual(reasons, ['initial', '4403']);
    client.dispose();
  } finally {
    await server.close();
  }
});

test('a dropped socket reconnects and calls onReconnect; the subscription keeps delivering', async () => {
  const server = await startDevServer({ token: 'right' });
  try {
    const flowId = server.seed.flows.get('worked-example')!;
    const sim = server.simulator.start({ flowId, args: [1], pace: { mode: 'manual' } });
    const client = new FlussClient({ endpoint: server.url, token: 'right', ws: { webSocketImpl: WebSocket, retryBaseMs: 5, maxRetryWaitMs: 20 } });
    const got: string[] = [];
    let reconnected = 0;
    const waitFor = async (cond: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(cond());
    };
    client.subscribe<{ events: { id: string } }>(RUN_EVENTS_SUBSCRIPTION, { run: sim.run.id }, {
      next: (d) => got.push(d.events.id),
      error: (e) => assert.fail(e.code),
      onReconnect: () => reconnected++,
    });
    await waitFor(() => server.store.subscriberCount(sim.run.id) === 1);
    sim.step(2);
    await waitFor(() => got.length === 2);
    assert.equal(server.dropSockets(), 1);
    await waitFor(() => reconnected === 1 && server.store.subscriberCount(sim.run.id) === 1);
    sim.step(4);
    await waitFor(() => got.length === 6);
    assert.deepEqual(got, server.store.eventsInOrder(sim.run.id).map((e) => e.id));
    client.dispose();
  } finally {
    await server.close();
  }
});

/** A raw graphql-transport-ws server whose behaviour the test scripts. */
async function rawServer(onMessage: (socket: WebSocket, msg: { type: string; id?: string }) => void) {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, handleProtocols: () => 'graphql-transport-ws' });
  let connections = 0;
  wss.on('connection', (socket) => {
    connections++;
    socket.on('message', (data) => onMessage(socket, JSON.parse(String(data)) as { type: string; id?: string }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}/graphql`,
    connections: () => connections,
    close: () => {
      wss.close();
      http.close();
    },
  };
}

test('a server that never acknowledges gives WS_TIMEOUT after the ack deadline and the retries', async () => {
  const server = await rawServer(() => {});
  try {
    const client = new FlussClient({ endpoint: server.endpoint, token: 'tok', ws: { webSocketImpl: WebSocket, ackTimeoutMs: 60, retryAttempts: 1, retryBaseMs: 1, maxRetryWaitMs: 5 } });
    const err = await new Promise<FlussClientError>((resolve) => {
      client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
    });
    assert.equal(err.code, 'WS_TIMEOUT');
    assert.equal(err.status, 4504);
    assert.equal(server.connections(), 2);
    client.dispose();
  } finally {
    server.close();
  }
});

test('a half-open socket (pings never answered) is closed after the pong deadline and reconnected', async () => {
  const server = await rawServer((socket, msg) => {
    if (msg.type === 'connection_init') socket.send(JSON.stringify({ type: 'connection_ack' }));
    // ping: never answered
  });
  try {
    let reconnects = 0;
    const client = new FlussClient({
      endpoint: server.endpoint,
      token: 'tok',
      ws: { webSocketImpl: WebSocket, keepAliveMs: 40, pongTimeoutMs: 40, retryBaseMs: 1, maxRetryWaitMs: 5 },
    });
    const unsubscribe = client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: () => {}, onReconnect: () => reconnects++ });
    for (let i = 0; i < 100 && reconnects === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(reconnects >= 1, 'reconnected after the pong deadline');
    assert.ok(server.connections() >= 2);
    unsubscribe();
    client.dispose();
  } finally {
    server.close();
  }
});
