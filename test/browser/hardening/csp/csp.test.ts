// Every element on a page served with a strict CSP and Trusted Types (reliability.md 1.5, E6):
// an auto layout through the ELK worker, a run with graph, log and timeline, and the provider
// with a live run from the dev server, with zero securitypolicyviolation events.
// The page is test/browser/hardening/csp/page.html; its header comes from csp-middleware.mjs.
/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { control, devServer, waitForRun } from '../../data/support.js';
import { chainFlow, payloadFlow } from '../support/flows.js';
import { PAYLOADS } from '../support/probes.js';
import type { CspViolation } from './probe.js';

interface CspApi {
  ready: boolean;
  workflowAuto(flow: string): Promise<{ state: string; nodes: number; workers: number; errors: string[] }>;
  runElements(): Promise<{ state: string; events: number; rows: number; errors: string[] }>;
  providerLive(url: string, token: string, flowId: string, runId: string): Promise<{ flowState: string; events: number; status: string | null; errors: string[] }>;
  cleanup(): void;
}
type CspWindow = Window & { __csp?: CspApi; __cspViolations: CspViolation[]; __cspErrors: string[]; __xss?: unknown };

let frame: HTMLIFrameElement;
const win = (): CspWindow => frame.contentWindow as CspWindow;

async function openPage(): Promise<CspApi> {
  frame = document.createElement('iframe');
  frame.style.width = '1100px';
  frame.style.height = '900px';
  frame.src = '/test/browser/hardening/csp/page.html';
  document.body.append(frame);
  const start = performance.now();
  while (!win()?.__csp?.ready) {
    if (performance.now() - start > 30_000) throw new Error(`the CSP page did not load (violations: ${JSON.stringify(win()?.__cspViolations ?? [])}, errors: ${JSON.stringify(win()?.__cspErrors ?? [])})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return win().__csp!;
}

describe('E6 strict CSP + Trusted Types page', function () {
  this.timeout(120_000);
  let api: CspApi;
  before(async () => {
    api = await openPage();
  });
  after(() => frame?.remove());
  afterEach(async () => {
    await new Promise((r) => setTimeout(r, 200));
    const v = win().__cspViolations;
    expect(v.length, `zero securitypolicyviolation events; got ${JSON.stringify([...new Set(v.map((x) => `${x.directive} ${x.source} ${x.sample}`))].slice(0, 8))}`).to.equal(0);
    expect(win().__cspErrors, `no uncaught error on the CSP page: ${JSON.stringify(win().__cspErrors)}`).to.deep.equal([]);
    expect(win().__xss).to.equal(undefined);
    api.cleanup();
  });

  it('the page really enforces the policy (a style attribute and a string worker URL are refused)', async () => {
    const probe = win().document.createElement('div');
    probe.setAttribute('style', 'color: red');
    win().document.body.append(probe);
    await new Promise((r) => setTimeout(r, 50));
    const w = win() as unknown as { Worker: typeof Worker };
    expect(() => new w.Worker('/x.js')).to.throw();
    await new Promise((r) => setTimeout(r, 200));
    const seen = win().__cspViolations.splice(0);
    expect(seen.some((v) => v.directive.startsWith('style-src')), 'a style attribute is reported').to.equal(true);
    expect(seen.some((v) => v.directive === 'require-trusted-types-for'), 'a string worker URL is reported').to.equal(true);
  });

  it('<fluss-workflow> auto layout through the ELK worker (fluss-elk policy), with payload labels', async () => {
    const r1 = await api.workflowAuto(JSON.stringify(chainFlow()));
    expect(r1.state).to.equal('ready');
    expect(r1.nodes).to.equal(7);
    expect(r1.workers, 'the layout ran in a worker').to.equal(1);
    const r2 = await api.workflowAuto(JSON.stringify(payloadFlow((i) => PAYLOADS[i % PAYLOADS.length]!).flow));
    expect(r2.nodes).to.equal(5);
    expect(r2.errors.filter((c) => !c.startsWith('NODE_KIND') && !c.startsWith('FORMAT'))).to.deep.equal([]);
  });

  it('<fluss-run> with <fluss-workflow>, <fluss-run-log> and <fluss-run-timeline>: scrub and filter', async () => {
    const r = await api.runElements();
    expect(r.state).to.be.oneOf(['ready', 'partial']);
    expect(r.events).to.be.greaterThan(10);
    expect(r.rows).to.be.greaterThan(1);
  });

  it('<fluss-provider> loads a flow by id and follows a live run (HTTP + graphql-ws)', async () => {
    const { url, token } = await devServer();
    const seeds = (await control<{ seeds: Record<string, string> }>('flows')).seeds;
    const { runId } = await control<{ runId: string }>('scenario', { scenario: 'success', pace: 'rate', eventsPerSecond: 200 });
    const r = await api.providerLive(url, token, seeds['image-analysis']!, runId);
    const info = await waitForRun(runId);
    expect(r.flowState).to.be.oneOf(['ready', 'partial']);
    expect(r.status).to.equal('COMPLETED');
    expect(r.events).to.equal(info.eventCount);
  });
});
