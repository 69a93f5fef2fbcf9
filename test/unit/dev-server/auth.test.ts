// The dev server checks the bearer token on HTTP (Authorization, authorization, X-Authorization)
// and the `token` of connection_init on WebSocket (4403 when wrong), and guards /control.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startDevServer, type DevServer } from '../../../dev-server/server.js';

let server: DevServer;
before(async () => {
  server = await startDevServer({ token: 'secret-token' });
});
after(async () => {
  await server.close();
});

const query = JSON.stringify({ query: '{ flows { id } }' });

async function post(headers: Record<string, string>, path = '/graphql'): Promise<Response> {
  return fetch(server.origin + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: query });
}

test('HTTP: a missing or wrong token gives 401 with a GraphQL-shaped error body', async () => {
  for (const headers of [{}, { Authorization: 'Bearer nope' }, { Authorization: 'secret-token' }] as Record<string, string>[]) {
    const res = await post(headers);
    assert.equal(res.status, 401);
    const body = (await res.json()) as { data: unknown; errors: { message: string }[] };
    assert.equal(body.data, null);
    assert.ok(body.errors[0]!.message.length > 0);
    assert.ok(!JSON.stringify(body).includes('secret-token'));
  }
});

test('HTTP: Authorization, authorization and X-Authorization are accepted', async () => {
  for (const name of ['Authorization', 'authorization', 'X-Authorization']) {
    const res = await post({ [name]: 'Bearer secret-token' });
    assert.equal(res.status, 200, name);
    const body = (await res.json()) as { data: { flows: unknown[] } };
    assert.ok(body.data.flows.length >= 5);
  }
});

test('HTTP: CORS allows every origin and the Authorization header', async () => {
  const res = await fetch(server.url, { method: 'OPTIONS', headers: { Origin: 'http://elsewhere.test', 'Access-Control-Request-Headers': 'authorization,content-type' } });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
});

test('HTTP: /control needs the token too', async () => {
  const res = await fetch(`${server.origin}/control/stats`);
  assert.equal(res.status, 401);
  const ok = await fetch(`${server.origin}/control/stats`, { headers: { Authorization: 'Bearer secret-token' } });
  assert.equal(ok.status, 200);
});

function wsClient(token: string | undefined) {
  return createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token === undefined ? undefined : { token },
  });
}

function firstResult(client: ReturnType<typeof wsClient>, queryText: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.subscribe({ query: queryText }, { next: resolve, error: reject, complete: () => {} });
  });
}

test('WS: a wrong or missing token in connection_init is closed with 4403', async () => {
  for (const token of ['nope', undefined]) {
    const client = wsClient(token);
    const err = (await firstResult(client, '{ flows { id } }').then(
      () => assert.fail('must not connect'),
      (e: unknown) => e,
    )) as { code: number };
    assert.equal(err.code, 4403);
    await client.dispose();
  }
});

test('WS: the right token in connection_init is accepted on the same /graphql path', async () => {
  const client = wsClient('secret-token');
  const result = (await firstResult(client, '{ flows { id } }')) as { data: { flows: unknown[] } };
  assert.ok(result.data.flows.length >= 5);
  await client.dispose();
});
