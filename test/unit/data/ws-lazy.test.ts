// graphql-ws is loaded with a dynamic import() only when a subscription opens; a failed load is the
// typed WS_CLOSED connection error (never a throw) and is tried again on the next subscription.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Client, ClientOptions } from 'graphql-ws';
import { FlussClient, RUN_EVENTS_SUBSCRIPTION, type FlussClientError } from '../../../src/data/index.js';
import { setGraphqlWsLoader } from '../../../src/data/ws-source.js';

afterEach(() => setGraphqlWsLoader());

function fakeModule(created: ClientOptions[], subscribed: string[]) {
  return {
    createClient: (options: ClientOptions): Client => {
      created.push(options);
      return {
        subscribe: (payload: { query: string }) => {
          subscribed.push(payload.query);
          return () => {};
        },
        iterate: () => {
          throw new Error('not used');
        },
        on: () => () => {},
        dispose: () => {},
        terminate: () => {},
      } as unknown as Client;
    },
  };
}

test('a client that never subscribes never loads graphql-ws', async () => {
  let loads = 0;
  setGraphqlWsLoader(async () => {
    loads++;
    return fakeModule([], []);
  });
  const client = new FlussClient({ endpoint: 'http://127.0.0.1:9/graphql', token: 't' });
  await new Promise((r) => setTimeout(r, 10));
  client.dispose();
  assert.equal(loads, 0);
});

test('the first subscription loads it once; later subscriptions share the client', async () => {
  let loads = 0;
  const created: ClientOptions[] = [];
  const subscribed: string[] = [];
  setGraphqlWsLoader(async () => {
    loads++;
    return fakeModule(created, subscribed);
  });
  const client = new FlussClient({ endpoint: 'http://127.0.0.1:9/graphql', token: 't' });
  const sink = { next: () => {}, error: (e: FlussClientError) => assert.fail(e.message) };
  client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, sink);
  client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '2' }, sink);
  await new Promise((r) => setTimeout(r, 10));
  client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '3' }, sink);
  assert.equal(loads, 1);
  assert.equal(created.length, 1);
  assert.equal(subscribed.length, 3);
  assert.equal(created[0]!.url, 'ws://127.0.0.1:9/graphql');
  client.dispose();
});

test('a failed load is WS_CLOSED for the sink (no throw) and is retried by the next subscription', async () => {
  let loads = 0;
  setGraphqlWsLoader(() => {
    loads++;
    return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  });
  const client = new FlussClient({ endpoint: 'http://127.0.0.1:9/graphql', token: 't' });
  const first = await new Promise<FlussClientError>((resolve) => {
    assert.doesNotThrow(() => client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve }));
  });
  assert.equal(first.code, 'WS_CLOSED');
  assert.equal(first.name, 'FlussClientError');
  const second = await new Promise<FlussClientError>((resolve) => {
    client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, { next: () => {}, error: resolve });
  });
  assert.equal(second.code, 'WS_CLOSED');
  assert.equal(loads, 2);
  client.dispose();
});

test('unsubscribing or disposing while it loads: no sink calls, no client created', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const created: ClientOptions[] = [];
  setGraphqlWsLoader(async () => {
    await gate;
    return fakeModule(created, []);
  });
  const client = new FlussClient({ endpoint: 'http://127.0.0.1:9/graphql', token: 't' });
  let calls = 0;
  const sink = { next: () => calls++, error: () => calls++, complete: () => calls++ };
  const off = client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '1' }, sink);
  off();
  client.dispose();
  release();
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(calls, 0);
  assert.equal(created.length, 0);
});
