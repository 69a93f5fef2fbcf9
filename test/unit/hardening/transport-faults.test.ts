// Reliability 3.8 close codes and 3.7 transport faults against scripted loopback servers:
// W1 4400, W2 4401, W5 4408, W7 4409, W8 4429, W17 a subscription `error` message, C6 a close
// reason and GraphQL messages with HTML, H10 a body cut mid-way, H12 a Content-Length above the
// limit. Each ends in its code, with our own message, no retry loop and no token in the detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { FlussClient, FLOW_QUERY, RUN_EVENTS_SUBSCRIPTION, type FlussClientError } from '../../../src/data/index.js';

const TOKEN = 'tok-CANARY-transport';
const HTML = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>';

type Script = (socket: WebSocket, message: { type: string; id?: string }) => void;

/** A graphql-transport-ws server that follows `script` for every message it gets. */
async function wsServer(script: Script): Promise<{ url: string; connections: () => number; close: () => void }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, handleProtocols: () => 'graphql-transport-ws' });
  let connections = 0;
  wss.on('connection', (socket) => {
    connections++;
    socket.on('message', (raw) => script(socket, JSON.parse(String(raw)) as { type: string; id?: string }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    connections: () => connections,
    close: () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      http.close();
    },
  };
}

function subscribeError(url: string, extra: Record<string, unknown> = {}): Promise<FlussClientError> {
  const client = new FlussClient({ endpoint: url, token: TOKEN, ws: { webSocketImpl: WebSocket, retryBaseMs: 1, maxRetryWaitMs: 5, ...extra } });
  return new Promise<FlussClientError>((resolve) => {
    client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
  }).finally(() => client.dispose());
}

const ack: Script = (socket, m) => {
  if (m.type === 'connection_init') socket.send(JSON.stringify({ type: 'connection_ack' }));
};

const CLOSE_CASES: ReadonlyArray<{ row: string; code: number; when: 'init' | 'subscribe'; expected: string; maxConnections: number }> = [
  { row: 'W1 close 4400 after init', code: 4400, when: 'init', expected: 'WS_PROTOCOL', maxConnections: 1 },
  { row: 'W2 close 4401 on subscribe', code: 4401, when: 'subscribe', expected: 'WS_PROTOCOL', maxConnections: 1 },
  { row: 'W7 close 4409', code: 4409, when: 'subscribe', expected: 'WS_PROTOCOL', maxConnections: 1 },
  { row: 'W8 close 4429', code: 4429, when: 'init', expected: 'WS_RATE_LIMITED', maxConnections: 1 },
  { row: 'W5 close 4408 every time', code: 4408, when: 'init', expected: 'WS_TIMEOUT', maxConnections: 8 },
];

for (const c of CLOSE_CASES) {
  test(`${c.row} -> ${c.expected}, at most ${c.maxConnections} connection(s)`, async () => {
    const server = await wsServer((socket, m) => {
      if (c.when === 'init' && m.type === 'connection_init') socket.close(c.code, HTML);
      if (c.when === 'subscribe') {
        ack(socket, m);
        if (m.type === 'subscribe') socket.close(c.code, HTML);
      }
    });
    try {
      const err = await subscribeError(server.url, { retryAttempts: 3 });
      assert.equal(err.code, c.expected);
      await new Promise((r) => setTimeout(r, 150));
      assert.ok(server.connections() <= c.maxConnections, `connections: ${server.connections()}`);
      const detail = JSON.stringify(err.toDetail());
      assert.ok(!detail.includes(TOKEN), 'no token in the detail');
      assert.ok(!err.message.includes('<img'), 'our own message, not the close reason (C6)');
      assert.equal(err.toDetail().status, c.code);
    } finally {
      server.close();
    }
  });
}

test('W17 a subscription error message -> WS_GRAPHQL_ERROR; the server text is secondary and truncated (C6)', async () => {
  const server = await wsServer((socket, m) => {
    ack(socket, m);
    if (m.type === 'subscribe') socket.send(JSON.stringify({ type: 'error', id: m.id, payload: [{ message: HTML.repeat(40) }] }));
  });
  try {
    const err = await subscribeError(server.url);
    assert.equal(err.code, 'WS_GRAPHQL_ERROR');
    assert.ok(!err.message.includes('<img'));
    assert.ok((err.serverMessage ?? '').length <= 500, `server text truncated: ${(err.serverMessage ?? '').length}`);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(server.connections(), 1, 'no reconnect loop');
  } finally {
    server.close();
  }
});

/** An HTTP server answering /graphql with `handler`. */
async function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => void }> {
  const http = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`, close: () => http.closeAllConnections?.() ?? http.close() };
}

async function queryError(url: string): Promise<FlussClientError> {
  const client = new FlussClient({ endpoint: url, token: TOKEN, timeoutMs: 3000 });
  try {
    await client.query(FLOW_QUERY, { id: '1' });
  } catch (e) {
    return e as FlussClientError;
  } finally {
    client.dispose();
  }
  throw new Error('expected a rejection');
}

test('H10 a body cut mid-way -> HTTP_NETWORK, never a half-parsed answer', async () => {
  const server = await httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
    res.write('{"data":{"flow":{"id":"1","title":"half');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  try {
    const err = await queryError(server.url);
    assert.equal(err.code, 'HTTP_NETWORK');
  } finally {
    server.close();
  }
});

test('H12 a Content-Length above the limit -> GRAPH_TOO_LARGE before the body is read', async () => {
  let written = 0;
  const server = await httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (written < 4 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
    };
    res.on('drain', pump);
    pump();
  });
  try {
    const err = await queryError(server.url);
    assert.equal(err.code, 'GRAPH_TOO_LARGE');
    assert.ok(!JSON.stringify(err.toDetail()).includes(TOKEN));
  } finally {
    server.close();
  }
});

test('C6 GraphQL errors with HTML and a token echo: our message first, server text scrubbed and truncated', async () => {
  const server = await httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: null, errors: [{ message: `${HTML} token ${TOKEN} ${'x'.repeat(2000)}`, extensions: { html: HTML } }] }));
  });
  try {
    const err = await queryError(server.url);
    assert.equal(err.code, 'GRAPHQL_ERROR');
    assert.ok(!err.message.includes('<img'));
    assert.ok(!JSON.stringify(err.toDetail()).includes(TOKEN), 'the token is scrubbed from server text');
    assert.ok((err.serverMessage ?? '').length <= 500);
  } finally {
    server.close();
  }
});
