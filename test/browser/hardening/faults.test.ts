// Reliability 3.7 (HTTP), 3.8 (WebSocket) and 3.9 (lifecycle) through the elements against the
// dev server's fault injection: each fault ends under the error contract, and after recovery
// the run in <fluss-run> equals the server's log (every event once, in (t, id) order).
// Client-level detail of the same rows: test/unit/data/*.test.ts, test/browser/data/client.test.ts.
/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-provider/define.js';
import '../../../src/elements/fluss-workflow/define.js';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-log/define.js';
import type { FlussProviderElement } from '../../../src/elements/fluss-provider/fluss-provider.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussErrorEvent } from '../../../src/events/fluss-error.js';
import type { RunEvent } from '../../../src/model/types.js';
import { control, devServer, resetFaults, setFaults, stats, storeIds, waitForRun } from '../data/support.js';
import { generateRun } from '../run/support/generate-run.js';
import { appendCanary, collectErrors, expectErrorContract, installPageGuards, type PageGuards } from './support/contract.js';
import { PAYLOADS, auditShadowDom, resetXss, xssProbe } from './support/probes.js';

window.addEventListener('error', (e) => {
  if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

const seeds = async (): Promise<Record<string, string>> => (await control<{ seeds: Record<string, string> }>('flows')).seeds;

interface Mounted {
  provider: FlussProviderElement;
  wf: FlussWorkflow;
  errors: FlussErrorEvent[];
  canary: ReturnType<typeof appendCanary>;
}

/** A provider (dev server, canary token) holding a <fluss-workflow flow-id>. */
async function mountFlow(flowId: string, opts: { timeout?: number; endpoint?: string } = {}): Promise<Mounted> {
  const { url, token } = await devServer();
  const box = await fixture<HTMLDivElement>(html`<div>
    <fluss-provider .endpoint=${opts.endpoint ?? url} .token=${token} .timeout=${opts.timeout ?? null}>
      <fluss-workflow layout="stored" style="display:block; width: 640px; height: 380px"></fluss-workflow>
    </fluss-provider>
  </div>`);
  const provider = box.querySelector('fluss-provider')!;
  const wf = box.querySelector('fluss-workflow')!;
  const errors = collectErrors(wf);
  const canary = appendCanary(box);
  wf.setAttribute('flow-id', flowId);
  await waitUntil(() => wf.state !== 'idle' && wf.state !== 'loading', 'the flow settles', { timeout: 30_000 });
  await wf.layoutComplete;
  return { provider, wf, errors, canary };
}

async function mountRun(runId: string): Promise<{ run: FlussRunElement; errors: FlussErrorEvent[] }> {
  const { url, token } = await devServer();
  const box = await fixture<HTMLDivElement>(html`<fluss-provider .endpoint=${url} .token=${token}>
    <fluss-run run-id=${runId}></fluss-run>
  </fluss-provider>`);
  const run = box.querySelector('fluss-run')!;
  return { run, errors: collectErrors(run) };
}

/** The run holds exactly the server's log, in (t, id) order. */
async function expectEqualsServer(run: FlussRunElement, runId: string): Promise<number> {
  const info = await waitForRun(runId, 90_000);
  await waitUntil(() => run.store.size >= info.eventCount && run.store.status === 'COMPLETED' && run.state === 'ready', `run ${runId} settles`, { timeout: 60_000 });
  const ids = run.store.events.map((e) => e.id);
  const server = await storeIds(runId);
  expect(new Set(ids).size, 'no duplicate').to.equal(ids.length);
  expect(ids.length, 'no event lost').to.equal(server.length);
  expect(ids).to.deep.equal(server);
  return ids.length;
}

describe('faults through the dev server', function () {
  this.timeout(120_000);
  let guards: PageGuards;
  let flows: Record<string, string>;
  before(async () => {
    guards = installPageGuards();
    flows = await seeds();
  });
  after(() => guards.dispose());
  beforeEach(async () => {
    guards.reset();
    resetXss();
    await resetFaults();
  });
  afterEach(async () => {
    await resetFaults();
  });

  const HTTP: ReadonlyArray<{ row: string; faults: Record<string, unknown>; code: string; maxRequests?: number }> = [
    { row: 'H1 401', faults: { httpStatus: { status: 401 } }, code: 'HTTP_UNAUTHENTICATED', maxRequests: 2 },
    { row: 'H2 403', faults: { httpStatus: { status: 403 } }, code: 'HTTP_FORBIDDEN', maxRequests: 1 },
    { row: 'H3 500 with an HTML body', faults: { httpStatus: { status: 500 } }, code: 'HTTP_SERVER' },
    { row: 'H3 502', faults: { httpStatus: { status: 502 } }, code: 'HTTP_SERVER' },
    { row: 'H3 503', faults: { httpStatus: { status: 503 } }, code: 'HTTP_SERVER' },
    { row: 'H3 429 after the retries', faults: { httpStatus: { status: 429 } }, code: 'HTTP_RATE_LIMITED', maxRequests: 3 },
    { row: 'H5 errors with data: null', faults: { graphqlErrors: { mode: 'null-data' } }, code: 'GRAPHQL_ERROR' },
  ];

  for (const c of HTTP) {
    it(`${c.row} -> ${c.code} on <fluss-workflow flow-id>, then a reload after recovery draws the flow`, async () => {
      await setFaults(c.faults);
      await control('stats/reset', {});
      const { wf, errors, canary } = await mountFlow(flows['image-analysis']!);
      expect(wf.state).to.equal('error');
      expectErrorContract(wf, errors, { code: c.code, severity: 'error', guards, canary });
      const alert = wf.shadowRoot!.querySelector('[part="error"]')!;
      expect(alert.querySelector('html, body, title, h1'), 'the HTML body is not rendered').to.equal(null);
      if (c.maxRequests) expect((await stats()).graphqlRequests, 'no retry loop').to.be.at.most(c.maxRequests);
      await resetFaults();
      wf.reload();
      await waitUntil(() => wf.state === 'ready' || wf.state === 'partial', 'recovers', { timeout: 30_000 });
      expect(wf.shadowRoot!.querySelectorAll('[data-node-id]').length).to.be.greaterThan(3);
      expect(wf.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    });
  }

  it('H3 one 503 is retried: <fluss-workflow flow-id> draws without an error', async () => {
    await setFaults({ httpStatus: { status: 503, count: 1 } });
    await control('stats/reset', {});
    const { wf, errors } = await mountFlow(flows['image-analysis']!);
    expect(wf.state === 'ready' || wf.state === 'partial', `state ${wf.state}`).to.equal(true);
    expect(errors.filter((e) => e.detail.severity === 'error')).to.deep.equal([]);
    expect((await stats()).graphqlRequests).to.equal(2);
    expect(wf.shadowRoot!.querySelectorAll('[data-node-id]').length).to.be.greaterThan(3);
  });

  const RUN_HTTP: ReadonlyArray<{ row: string; faults: Record<string, unknown>; code: string }> = [
    { row: 'H1 401', faults: { httpStatus: { status: 401 } }, code: 'HTTP_UNAUTHENTICATED' },
    { row: 'H2 403', faults: { httpStatus: { status: 403 } }, code: 'HTTP_FORBIDDEN' },
    { row: 'H3 500', faults: { httpStatus: { status: 500 } }, code: 'HTTP_SERVER' },
  ];
  for (const c of RUN_HTTP) {
    it(`${c.row} -> ${c.code} on <fluss-run run-id>, with a sibling graph unaffected`, async () => {
      const { runId } = await control<{ runId: string }>('scenario', { scenario: 'success', pace: 'instant' });
      await waitForRun(runId);
      await setFaults(c.faults);
      const { url, token } = await devServer();
      const errors: FlussErrorEvent[] = [];
      const box = await fixture<HTMLDivElement>(html`<div>
        <fluss-provider .endpoint=${url} .token=${token}><fluss-run run-id=${runId} @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}></fluss-run></fluss-provider>
      </div>`);
      const run = box.querySelector('fluss-run')!;
      const canary = appendCanary(box);
      await waitUntil(() => run.state === 'error', 'the run fails', { timeout: 30_000 });
      await run.updateComplete;
      expectErrorContract(run, errors, { code: c.code, severity: 'error', guards, canary });
      await resetFaults();
      run.reload();
      await waitUntil(() => run.state === 'ready' && run.store.size > 0, 'recovers after the fault', { timeout: 30_000 });
      expect(run.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      expect(run.store.events.map((e) => e.id)).to.deep.equal(await storeIds(runId));
    });
  }

  it('H4 partial data: the flow is drawn with a GRAPHQL_PARTIAL warning', async () => {
    await setFaults({ graphqlErrors: { mode: 'partial', count: 1 } });
    const { wf, errors, canary } = await mountFlow(flows['image-analysis']!);
    expect(wf.state).to.equal('partial');
    expectErrorContract(wf, errors, { code: 'GRAPHQL_PARTIAL', severity: 'warning', alert: false, drawnNodes: 4, guards, canary });
  });

  it('H8 a closed port -> HTTP_NETWORK', async () => {
    const { wf, errors, canary } = await mountFlow('1', { endpoint: 'http://127.0.0.1:9/graphql' });
    expectErrorContract(wf, errors, { code: 'HTTP_NETWORK', severity: 'error', guards, canary });
  });

  it('H9 a response slower than the timeout -> HTTP_TIMEOUT', async () => {
    await setFaults({ latencyMs: 3000 });
    const { wf, errors, canary } = await mountFlow(flows['image-analysis']!, { timeout: 300 });
    expectErrorContract(wf, errors, { code: 'HTTP_TIMEOUT', severity: 'error', guards, canary });
  });

  it('H11/E3 flow-id changed three times while loading: the last one wins, no stale draw', async () => {
    await setFaults({ latencyMs: 300 });
    const { url, token } = await devServer();
    const box = await fixture<HTMLDivElement>(html`<fluss-provider .endpoint=${url} .token=${token}>
      <fluss-workflow layout="stored" style="display:block; width: 640px; height: 380px"></fluss-workflow>
    </fluss-provider>`);
    const wf = box.querySelector('fluss-workflow')!;
    const errors = collectErrors(wf);
    const ids = [flows['image-analysis']!, flows['stream']!, flows['worked-example']!];
    for (const id of ids) {
      wf.setAttribute('flow-id', id);
      await new Promise((r) => setTimeout(r, 40));
    }
    await waitUntil(() => wf.state === 'ready' || wf.state === 'partial', 'the last flow', { timeout: 30_000 });
    await wf.layoutComplete;
    expect(wf.workflow!.id).to.equal(ids[2]);
    await new Promise((r) => setTimeout(r, 700));
    expect(wf.workflow!.id, 'a stale answer never replaces the last').to.equal(ids[2]);
    expect(errors.filter((e) => e.detail.severity === 'error')).to.deep.equal([]);
  });

  it('E1 removed while loading: no event afterwards, no page error', async () => {
    await setFaults({ latencyMs: 500 });
    const { url, token } = await devServer();
    const box = await fixture<HTMLDivElement>(html`<fluss-provider .endpoint=${url} .token=${token}>
      <fluss-workflow style="display:block; width: 640px; height: 380px"></fluss-workflow>
    </fluss-provider>`);
    const wf = box.querySelector('fluss-workflow')!;
    const late: Event[] = [];
    wf.setAttribute('flow-id', flows['image-analysis']!);
    await new Promise((r) => setTimeout(r, 100));
    wf.remove();
    wf.addEventListener('fluss-error', (e) => late.push(e));
    await new Promise((r) => setTimeout(r, 900));
    expect(late).to.deep.equal([]);
    expect(wf.shadowRoot!.querySelectorAll('[data-node-id]').length, 'nothing drawn into a detached element').to.equal(0);
    expect(guards.errors).to.deep.equal([]);
    expect(guards.rejections).to.deep.equal([]);
  });

  it('W10/W11/W12/W13 a socket dropped mid-run with duplicates and reordering: the run equals the server log', async () => {
    await setFaults({ duplicateEvery: 3, reorderWindow: 4, dropAfterEvents: 25 });
    const { runId } = await control<{ runId: string }>('scenario', { scenario: 'success', pace: 'rate', eventsPerSecond: 120 });
    const { run, errors } = await mountRun(runId);
    await waitUntil(() => run.store.size > 30, 'events after the first drop', { timeout: 30_000 });
    await control('drop-sockets', {});
    const n = await expectEqualsServer(run, runId);
    expect(n).to.be.greaterThan(30);
    expect(errors.filter((e) => e.detail.severity === 'error'), 'recovered without an error').to.deep.equal([]);
    expect(guards.errors).to.deep.equal([]);
    expect(guards.rejections).to.deep.equal([]);
  });

  it('W18 the server completes: the run is finished and the socket is not reopened', async () => {
    const { runId } = await control<{ runId: string }>('scenario', { scenario: 'error', pace: 'rate', eventsPerSecond: 200 });
    const { run } = await mountRun(runId);
    await expectEqualsServer(run, runId);
    const before = (await stats()).wsConnections;
    await new Promise((r) => setTimeout(r, 600));
    expect((await stats()).wsConnections).to.equal(before);
    expect(run.store.outcome()).to.equal('failed');
  });

  it('W14/W15/N4 events for unknown nodes, malformed events and bad t are kept or dropped with one warning each', async () => {
    const gen = generateRun({ nodes: 3, items: 3 });
    const raw: unknown[] = gen.events.map((e) => ({ ...e }));
    raw.push({ ...gen.events[1]!, id: 'ghost-1', source: 'no-such-node' });
    raw.push({ ...gen.events[1]!, id: 'ghost-2', source: 'no-such-node' });
    raw.push({ ...gen.events[1]!, id: 'ghost-3', source: 'other-ghost' });
    raw.push({ id: 'bad-kind', t: 3, source: 'n1', kind: 'EXPLODE', handle: 'return_0', value: null, causedBy: [] });
    raw.push({ t: 4, source: 'n1', kind: 'NEXT' });
    // 9007199254740993 in JSON text parses to ...992 (above MAX_SAFE_INTEGER).
    raw.push({ ...gen.events[2]!, id: 'big-t', t: JSON.parse('9007199254740993') as number });
    raw.push({ ...gen.events[2]!, id: 'neg-t', t: -4 });
    raw.push({ ...gen.events[2]!, id: 'huge-value', value: 'v'.repeat(10 * 1024 * 1024) });
    const errors: FlussErrorEvent[] = [];
    const box = await fixture<HTMLDivElement>(html`<div @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}><fluss-run .run=${gen.run} .events=${raw}>
      <fluss-workflow layout="stored" style="display:block; width: 640px; height: 380px"></fluss-workflow>
      <fluss-run-log style="display:block; width: 640px; height: 300px"></fluss-run-log>
    </fluss-run></div>`);
    const run = box.querySelector('fluss-run')!;
    await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
    const ids = new Set(run.store.events.map((e: RunEvent) => e.id));
    expect(ids.has('ghost-1') && ids.has('ghost-2') && ids.has('ghost-3'), 'unknown-node events are kept in the log').to.equal(true);
    expect(ids.has('bad-kind') && ids.size >= gen.events.length).to.equal(true);
    const codes = errors.map((e) => e.detail.code);
    expect(codes.filter((c) => c === 'EVENT_UNKNOWN_NODE').length, `one aggregated warning (${codes.join(', ')})`).to.equal(1);
    expect(codes.filter((c) => c === 'EVENT_MALFORMED').length, `one aggregated warning (${codes.join(', ')})`).to.equal(1);
    expect(errors.every((e) => e.detail.severity === 'warning')).to.equal(true);
    const graph = box.querySelector('fluss-workflow')!;
    await waitUntil(() => graph.workflow !== null, 'graph');
    expect(graph.shadowRoot!.querySelector('[data-node-id="no-such-node"]'), 'not applied to the graph').to.equal(null);
    expect(guards.errors).to.deep.equal([]);
  });

  it('C6 GraphQL error messages are text, truncated, and secondary to our own message', async () => {
    await setFaults({ graphqlErrors: { mode: 'null-data' } });
    const { wf, errors } = await mountFlow(flows['image-analysis']!);
    const detail = errors.find((e) => e.detail.code === 'GRAPHQL_ERROR')!.detail;
    expect(detail.message).to.not.equal(detail.serverMessage);
    expect((detail.serverMessage ?? '').length).to.be.at.most(500);
    auditShadowDom(wf);
    await xssProbe(wf);
    void PAYLOADS;
  });
});
