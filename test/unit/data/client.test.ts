// FlussClient over HTTP and WebSocket against the dev server: typed errors, partial data, the
// token policy (one retry after 401 with getToken, origin check, never in messages), abort and
// timeout, redirects, and subscriptions with auth errors and no retry storm.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { startDevServer, type DevServer } from '../../../dev-server/server.js';
import { FlussClient, FlussClientError, FLOW_QUERY, RUN_EVENTS_SUBSCRIPTION, type FlowQueryData } from '../../../src/data/index.js';
import { parseWorkflow } from '../../../src/model/index.js';

const TOKEN = 'tok-CANARY-unit-7f3a';
let server: DevServer;
before(async () => {
  server = await startDevServer({ token: TOKEN });
});
after(async () => {
  await server.close();
});

const ws = { webSocketImpl: WebSocket, retryBaseMs: 20, maxRetryWaitMs: 50 };
const client = (extra: Partial<ConstructorParameters<typeof FlussClient>[0]> = {}) =>
  new FlussClient({ endpoint: server.url, token: TOKEN, ws, ...extra });

async function rejection(p: Promise<unknown>): Promise<FlussClientError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FlussClientError, `expected a FlussClientError, got ${String(e)}`);
    assert.ok(!e.message.includes(TOKEN) && !JSON.stringify(e.toDetail()).includes(TOKEN), 'no token in errors');
    assert.ok(!e.message.includes('/graphql'), 'no full URL in messages');
    return e;
  }
  assert.fail('expected a rejection');
}

test('queries a seeded flow in every stored format and the model parses it', async () => {
  const c = client();
  for (const name of ['image-analysis', 'stored-threshold', 'legacy-project', 'generated-1']) {
    const { data, warnings } = await c.query<FlowQueryData>(FLOW_QUERY, { id: server.seed.flows.get(name) });
    assert.equal(warnings.length, 0);
    const parsed = parseWorkflow(data.flow);
    assert.ok(parsed.workflow, `${name} parses`);
    assert.ok(parsed.workflow.nodes.length >= 3);
  }
});

test('partial data is kept with a GRAPHQL_PARTIAL warning; null data is GRAPHQL_ERROR', async () => {
  const c = client();
  server.faults.set({ graphqlErrors: { mode: 'partial', count: 1 } });
  const { data, warnings } = await c.query<FlowQueryData>(FLOW_QUERY, { id: server.seed.flows.get('image-analysis') });
  assert.ok(data.flow);
  assert.equal(warnings[0]?.code, 'GRAPHQL_PARTIAL');
  assert.equal(warnings[0]?.severity, 'warning');
  server.faults.set({ graphqlErrors: { mode: 'null-data', count: 1 } });
  const err = await rejection(c.query(FLOW_QUERY, { id: '1' }));
  assert.equal(err.code, 'GRAPHQL_ERROR');
  const missing = await rejection(c.query(FLOW_QUERY, { id: '99999' }));
  assert.equal(missing.code, 'GRAPHQL_ERROR');
  assert.match(missing.serverMessage ?? '', /does not exist/);
  server.faults.reset();
});

test('HTTP 500 with an HTML body is HTTP_SERVER; 403 is HTTP_FORBIDDEN', async () => {
  const c = client();
  server.faults.set({ httpStatus: { status: 500, count: 1 } });
  const e = await rejection(c.query(FLOW_QUERY, { id: '1' }));
  assert.equal(e.code, 'HTTP_SERVER');
  assert.equal(e.status, 500);
  server.faults.set({ httpStatus: { status: 403, count: 1 } });
  assert.equal((await rejection(c.query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_FORBIDDEN');
  server.faults.reset();
});

test('401: a static token fails at once; getToken is asked once more and the request retried once', async () => {
  const wrong = client({ token: 'wrong' });
  server.resetStats();
  assert.equal((await rejection(wrong.query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_UNAUTHENTICATED');
  assert.equal(server.stats.graphqlRequests, 1);

  const reasons: string[] = [];
  const refreshing = client({ token: undefined, getToken: ({ reason }) => (reasons.push(reason), reason === '401' ? TOKEN : 'stale') });
  server.resetStats();
  const { data } = await refreshing.query<FlowQueryData>(FLOW_QUERY, { id: '1' });
  assert.ok(data.flow);
  assert.deepEqual(reasons, ['initial', '401']);
  assert.equal(server.stats.graphqlRequests, 2);

  const never = client({ token: undefined, getToken: () => 'still-wrong' });
  server.resetStats();
  assert.equal((await rejection(never.query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_UNAUTHENTICATED');
  assert.equal(server.stats.graphqlRequests, 2, 'no retry loop');
});

test('a failing or hanging getToken gives AUTH_UNAVAILABLE', async () => {
  const throwing = client({ token: undefined, getToken: () => Promise.reject(new Error(TOKEN)) });
  assert.equal((await rejection(throwing.query(FLOW_QUERY, { id: '1' }))).code, 'AUTH_UNAVAILABLE');
  const hanging = client({ token: undefined, getToken: () => new Promise<string>(() => {}), getTokenTimeoutMs: 50 });
  assert.equal((await rejection(hanging.query(FLOW_QUERY, { id: '1' }))).code, 'AUTH_UNAVAILABLE');
});

test('abort gives ABORTED, a slow server HTTP_TIMEOUT, a closed port HTTP_NETWORK', async () => {
  const c = client();
  server.faults.set({ latencyMs: 400 });
  const controller = new AbortController();
  const pending = c.query(FLOW_QUERY, { id: '1' }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 30);
  assert.equal((await rejection(pending)).code, 'ABORTED');
  assert.equal((await rejection(c.query(FLOW_QUERY, { id: '1' }, { timeoutMs: 60 }))).code, 'HTTP_TIMEOUT');
  server.faults.reset();
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const dead = new FlussClient({ endpoint: `http://127.0.0.1:${port}/graphql`, token: TOKEN });
  const e = await rejection(dead.query(FLOW_QUERY, { id: '1' }));
  assert.equal(e.code, 'HTTP_NETWORK');
  assert.equal(e.origin, `http://127.0.0.1:${port}`);
});

test('a redirect is not followed (HTTP_REDIRECT_BLOCKED) and the other origin never sees the token', async () => {
  const seen: (string | undefined)[] = [];
  const other: Server = createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.end('{}');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  const otherPort = (other.address() as AddressInfo).port;
  const redirector: Server = createServer((_req, res) => {
    res.writeHead(307, { Location: `http://127.0.0.1:${otherPort}/graphql` });
    res.end();
  });
  await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', () => r()));
  const port = (redirector.address() as AddressInfo).port;
  try {
    const c = new FlussClient({ endpoint: `http://127.0.0.1:${port}/graphql`, token: TOKEN });
    assert.equal((await rejection(c.query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_REDIRECT_BLOCKED');
    assert.deepEqual(seen, []);
  } finally {
    other.close();
    redirector.close();
  }
});

test('a 200 HTML page (an SSO login) is HTTP_BAD_RESPONSE and is not parsed', async () => {
  const html: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><body>Please log in</body></html>');
  });
  await new Promise<void>((r) => html.listen(0, '127.0.0.1', () => r()));
  try {
    const c = new FlussClient({ endpoint: `http://127.0.0.1:${(html.address() as AddressInfo).port}/graphql`, token: TOKEN });
    const e = await rejection(c.query(FLOW_QUERY, { id: '1' }));
    assert.equal(e.code, 'HTTP_BAD_RESPONSE');
    assert.equal(e.serverMessage, undefined);
  } finally {
    html.close();
  }
});

test('the token is only for the endpoint origin', () => {
  const c = client();
  assert.equal(c.isAllowedOrigin(server.url), true);
  assert.equal(c.isAllowedOrigin(server.wsUrl), true);
  assert.equal(c.isAllowedOrigin('http://127.0.0.2:1/graphql'), false);
  assert.ok(!JSON.stringify(c).includes(TOKEN));
});

test('WS: a wrong token gives WS_FORBIDDEN at once, after exactly one connection attempt', async () => {
  server.resetStats();
  const c = client({ token: 'wrong' });
  const err = await new Promise<FlussClientError>((resolve) => {
    c.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
  });
  assert.equal(err.code, 'WS_FORBIDDEN');
  assert.equal(err.status, 4403);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(server.stats.wsConnections, 1);
  c.dispose();
});

test('H3 queries retry after 502/503/504/429 with backoff; the answer after recovery is used', async () => {
  const c = client({ retry: { baseMs: 10, maxWaitMs: 200 } });
  for (const status of [502, 503, 504, 429]) {
    server.faults.set({ httpStatus: { status, count: 2 } });
    server.resetStats();
    const { data } = await c.query<FlowQueryData>(FLOW_QUERY, { id: '1' });
    assert.ok(data.flow, `recovered after ${status}`);
    assert.equal(server.stats.graphqlRequests, 3, `${status}: two retries, then the answer`);
  }
  server.faults.set({ httpStatus: { status: 503 } });
  server.resetStats();
  const e = await rejection(c.query(FLOW_QUERY, { id: '1' }));
  assert.equal(e.code, 'HTTP_SERVER');
  assert.equal(server.stats.graphqlRequests, 3, 'bounded: 1 + 2 attempts');
  server.faults.set({ httpStatus: { status: 429 } });
  assert.equal((await rejection(c.query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_RATE_LIMITED');
  server.faults.set({ httpStatus: { status: 500, count: 1 } });
  server.resetStats();
  assert.equal((await rejection(c.query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_SERVER');
  assert.equal(server.stats.graphqlRequests, 1, '500 is not retried');
  server.faults.reset();
});

test('H3 Retry-After is honoured, and a wait above maxWaitMs ends the retries', async () => {
  const c = client({ retry: { baseMs: 10, maxWaitMs: 1500 } });
  server.faults.set({ httpStatus: { status: 429, count: 1, retryAfter: '1' } });
  server.resetStats();
  const t0 = Date.now();
  await c.query<FlowQueryData>(FLOW_QUERY, { id: '1' });
  assert.ok(Date.now() - t0 >= 990, 'waited the second the server asked for');
  assert.equal(server.stats.graphqlRequests, 2);

  server.faults.set({ httpStatus: { status: 503, count: 1, retryAfter: '120' } });
  server.resetStats();
  const e = await rejection(c.query(FLOW_QUERY, { id: '1' }));
  assert.equal(e.code, 'HTTP_SERVER');
  assert.equal(server.stats.graphqlRequests, 1, 'two minutes is more than allowed: no retry');
  server.faults.reset();
});

test('H3 mutations are never retried; retry.attempts 0 turns retrying off; abort ends a backoff', async () => {
  server.faults.set({ httpStatus: { status: 503, count: 1 } });
  server.resetStats();
  const c = client({ retry: { baseMs: 10 } });
  assert.equal((await rejection(c.query('mutation M { noSuchField }', {}))).code, 'HTTP_SERVER');
  assert.equal(server.stats.graphqlRequests, 1);

  server.faults.set({ httpStatus: { status: 503, count: 1 } });
  server.resetStats();
  assert.equal((await rejection(client({ retry: { attempts: 0 } }).query(FLOW_QUERY, { id: '1' }))).code, 'HTTP_SERVER');
  assert.equal(server.stats.graphqlRequests, 1);

  server.faults.set({ httpStatus: { status: 503, retryAfter: '1' } });
  const controller = new AbortController();
  const pending = client().query(FLOW_QUERY, { id: '1' }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  assert.equal((await rejection(pending)).code, 'ABORTED');
  server.faults.reset();
});

test('isQueryDocument and retryAfterMs read operations and headers', async () => {
  const { isQueryDocument, retryAfterMs } = await import('../../../src/data/index.js');
  assert.ok(isQueryDocument(FLOW_QUERY));
  assert.ok(isQueryDocument('  # a comment\n { flow(id: 1) { id } }'));
  assert.ok(isQueryDocument('\uFEFFquery Q { a }'));
  assert.ok(!isQueryDocument('mutation M { a }'));
  assert.ok(!isQueryDocument('# query\nsubscription S { a }'));
  assert.ok(!isQueryDocument('queryX { a }'));
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs(null), undefined);
  assert.equal(retryAfterMs('soon'), undefined);
  const now = Date.parse('2026-11-26T12:00:00Z');
  assert.equal(retryAfterMs('Thu, 26 Nov 2026 12:00:05 GMT', now), 5000);
  assert.equal(retryAfterMs('Thu, 26 Nov 2026 11:00:00 GMT', now), 0);
});
