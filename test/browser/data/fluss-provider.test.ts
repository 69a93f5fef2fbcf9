// <fluss-provider>: provides the client through context, reports PROVIDER_MISSING, and keeps the
// canary token out of URLs, attributes, event details, error messages and the console.
import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import '../../../src/elements/fluss-provider/define.js';
import type { FlussProviderElement } from '../../../src/elements/fluss-provider/fluss-provider.js';
import { flussClientContext, requestFlussClient } from '../../../src/elements/fluss-provider/index.js';
import { FLOW_QUERY, RUN_EVENTS_SUBSCRIPTION, followRun, type FlussClientError } from '../../../src/data/index.js';
import type { FlussErrorEvent } from '../../../src/events/fluss-error.js';
import { control, devServer, resetFaults, setFaults, stats } from './support.js';

class ClientProbe extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: flussClientContext, subscribe: true });
}
if (!customElements.get('fluss-client-probe')) customElements.define('fluss-client-probe', ClientProbe);

describe('<fluss-provider>', () => {
  afterEach(async () => {
    await resetFaults();
  });

  it('is display: contents and provides a client to descendants, following endpoint changes', async () => {
    const { url, token } = await devServer();
    const el = await fixture<FlussProviderElement>(html`<fluss-provider .endpoint=${url} .token=${token}><fluss-client-probe></fluss-client-probe></fluss-provider>`);
    expect(getComputedStyle(el).display).to.equal('contents');
    const probe = el.querySelector('fluss-client-probe') as ClientProbe;
    const client = probe.consumer.value;
    expect(client).to.equal(el.client);
    const { data } = await client!.query<{ flow: { id: string } }>(FLOW_QUERY, { id: '1' });
    expect(data.flow.id).to.equal('1');
    el.endpoint = url.replace('/graphql', '/graphql/');
    await el.updateComplete;
    expect(probe.consumer.value).to.not.equal(client);
    expect(probe.consumer.value?.endpoint).to.match(/\/graphql\/$/);
    expect(requestFlussClient(probe)).to.equal(probe.consumer.value);
  });

  it('without a provider, requestFlussClient reports PROVIDER_MISSING', async () => {
    const lonely = await fixture<HTMLDivElement>(html`<div></div>`);
    const events: FlussErrorEvent[] = [];
    lonely.addEventListener('fluss-error', (e) => events.push(e));
    expect(requestFlussClient(lonely)).to.equal(undefined);
    expect(events[0]?.detail.code).to.equal('PROVIDER_MISSING');
    expect(events[0]?.bubbles && events[0]?.composed).to.equal(true);
  });

  it('keeps the token to its origin: an endpoint on another origin gets no token (AUTH_ORIGIN_MISMATCH)', async () => {
    const { url, token } = await devServer();
    const el = await fixture<FlussProviderElement>(html`<fluss-provider .endpoint=${url} .token=${token}></fluss-provider>`);
    const first = el.client!;
    el.token = token; // a refresh keeps the client
    await el.updateComplete;
    expect(el.client).to.equal(first);
    expect(el.hasToken).to.equal(true);
    const events: FlussErrorEvent[] = [];
    el.addEventListener('fluss-error', (e) => events.push(e));
    const before = await stats();
    el.endpoint = url.replace('127.0.0.1', 'localhost'); // same server, another origin
    await el.updateComplete;
    expect(events.map((e) => e.detail.code)).to.include('AUTH_ORIGIN_MISMATCH');
    const err = await el.client!.query(FLOW_QUERY, { id: '1' }).catch((e: FlussClientError) => e);
    expect((err as FlussClientError).code).to.equal('HTTP_UNAUTHENTICATED');
    expect((await stats()).httpAuthFailures - before.httpAuthFailures).to.equal(1);
    el.allowedOrigins = [new URL(url.replace('127.0.0.1', 'localhost')).origin];
    await el.updateComplete;
    const { data } = await el.client!.query<{ flow: { id: string } }>(FLOW_QUERY, { id: '1' });
    expect(data.flow.id).to.equal('1');
  });

  it('removes a token attribute and never reflects the token', async () => {
    const { url } = await devServer();
    const el = await fixture<FlussProviderElement>(html`<fluss-provider endpoint=${url} token="tok-CANARY-attribute"></fluss-provider>`);
    expect(el.getAttribute('token')).to.equal(null);
    expect(el.outerHTML).to.not.include('tok-CANARY');
    el.token = 'tok-CANARY-property';
    await el.updateComplete;
    expect(el.outerHTML).to.not.include('tok-CANARY');
    expect(String(el.token)).to.not.include('tok-CANARY');
  });

  it('the canary token never appears in a URL, an attribute, an event detail, an error message or the console', async function () {
    this.timeout(60_000);
    const { url, token } = await devServer();
    expect(token).to.match(/^tok-CANARY-/);
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m, i) => {
      console[m] = (...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.name} ${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        originals[i]!.apply(console, args);
      };
    });
    const details: string[] = [];
    const errors: string[] = [];
    const onError = (e: Event): void => void details.push(JSON.stringify((e as FlussErrorEvent).detail));
    window.addEventListener('fluss-error', onError);
    try {
      await control('stats/reset', {});
      const el = await fixture<FlussProviderElement>(html`<fluss-provider .endpoint=${url} .token=${token}></fluss-provider>`);
      const client = el.client!;
      // A live run followed to its end (HTTP + WebSocket), with a dropped socket on the way.
      const started = await control<{ runId: string }>('scenario', { scenario: 'success', eventsPerSecond: 80 });
      const follower = followRun(client, started.runId, { onEvents: () => {}, onError: (e) => errors.push(`${e.message} ${JSON.stringify(e.toDetail())}`) });
      await follower.ready;
      await control('drop-sockets', {});
      await follower.done;
      // Error paths: server faults, partial data, a wrong run id.
      await setFaults({ httpStatus: { status: 500, count: 1 } });
      await client.query(FLOW_QUERY, { id: '1' }).catch((e: FlussClientError) => errors.push(`${e.message} ${e.stack} ${JSON.stringify(e.toDetail())}`));
      await setFaults({ graphqlErrors: { mode: 'partial', count: 1 } });
      const partial = await client.query(FLOW_QUERY, { id: '1' });
      partial.warnings.forEach((w) => errors.push(`${w.message} ${JSON.stringify(w.toDetail())}`));
      await resetFaults();
      await client.query(FLOW_QUERY, { id: '424242' }).catch((e: FlussClientError) => errors.push(`${e.message} ${JSON.stringify(e.toDetail())}`));
      await new Promise<void>((resolve) => {
        client.subscribe(RUN_EVENTS_SUBSCRIPTION, { run: '424242' }, { next: () => resolve(), error: (e) => (errors.push(e.message), resolve()) });
        setTimeout(resolve, 300);
      });
      // The provider's own surface.
      el.setAttribute('token', token);
      el.remove();
      document.body.append(el);
      await el.updateComplete;
      expect(el.getAttribute('token')).to.equal(null);
      const attributes = [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value));
      const log = (await stats()).requestLog;
      expect(log.length).to.be.greaterThan(3);
      expect(errors.length).to.be.greaterThan(2);
      expect(details.length).to.be.greaterThan(0, 'the attribute warning was an event');
      for (const [what, texts] of [
        ['request URL', log],
        ['attribute', attributes],
        ['event detail', details],
        ['error', errors],
        ['console', logged],
        ['outerHTML', [document.documentElement.outerHTML]],
        ['location', [location.href, document.referrer]],
      ] as const) {
        for (const text of texts) expect(text.includes(token), `canary in ${what}: ${text.slice(0, 80)}`).to.equal(false);
      }
      el.remove();
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
      window.removeEventListener('fluss-error', onError);
    }
  });
});
