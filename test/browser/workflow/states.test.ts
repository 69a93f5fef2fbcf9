// Error, empty and partial states: our message in part="error" (role=alert), fluss-error exactly
// once per failure with the diagnostic code, and what could be drawn stays drawn.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussErrorEvent } from '../../../src/events/fluss-error.js';
import { ContextProvider } from '@lit/context';
import { flussClientContext } from '../../../src/context/client-context.js';
import { chainFlow, flow } from './samples.js';

async function mount(setup: (el: FlussWorkflow) => void): Promise<{ el: FlussWorkflow; errors: FlussErrorEvent[] }> {
  const errors: FlussErrorEvent[] = [];
  const el = await fixture<FlussWorkflow>(html`<fluss-workflow style="width: 800px; height: 500px" @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}></fluss-workflow>`);
  setup(el);
  await el.layoutComplete;
  await el.updateComplete;
  return { el, errors };
}

describe('fluss-workflow states', () => {
  let unhandled = 0;
  const onError = (): void => {
    unhandled++;
  };
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('is idle without input', async () => {
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow></fluss-workflow>`);
    await el.layoutComplete;
    expect(el.state).to.equal('idle');
    expect(el.getAttribute('data-state')).to.equal('idle');
  });

  it('shows an error for a malformed JSON string, once, and never throws', async () => {
    const { el, errors } = await mount((e) => (e.flow = '{"graph": {"nodes": [ oops'));
    expect(el.state).to.equal('error');
    const alert = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(alert).to.not.equal(null);
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Cannot show this workflow');
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail.code).to.equal('PARSE_INVALID_JSON');
    expect(errors[0]!.detail.severity).to.equal('error');
    expect(unhandled).to.equal(0);
  });

  it('keeps the last drawing when a later input fails', async () => {
    const { el, errors } = await mount((e) => (e.flow = chainFlow()));
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    el.flow = 'not json';
    await el.layoutComplete;
    expect(el.state).to.equal('partial');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    expect(errors.filter((e) => e.detail.code === 'PARSE_INVALID_JSON').length).to.equal(1);
  });

  it('draws unknown kinds as generic nodes with a warning badge and a warning event', async () => {
    const f = chainFlow() as { graph: { nodes: unknown[] } };
    f.graph.nodes.push({ __typename: 'WeirdNode', id: 'w', kind: 'WEIRD', position: { x: 0, y: 0 }, title: 'Weird thing', description: '', ins: [[]], outs: [[]], constants: [], voids: [], constantsMap: {}, globalsMap: {} });
    const { el, errors } = await mount((e) => (e.flow = f));
    const g = el.shadowRoot!.querySelector('[data-node-id="w"]')!;
    expect(g.getAttribute('data-kind')).to.equal('unknown');
    expect(g.querySelector('.warning-badge')).to.not.equal(null);
    expect(el.state).to.equal('partial');
    const warnings = errors.filter((e) => e.detail.code === 'NODE_KIND_UNKNOWN');
    expect(warnings.length).to.equal(1);
    expect(warnings[0]!.detail.severity).to.equal('warning');
    expect(el.shadowRoot!.querySelector('[part="warnings"]')!.textContent).to.contain('unknown type');
    expect(el.diagnostics.some((d) => d.code === 'NODE_KIND_UNKNOWN')).to.equal(true);
  });

  it('drops dangling edges, draws the rest and warns once', async () => {
    const f = chainFlow() as { graph: { edges: unknown[] } };
    f.graph.edges.push({ __typename: 'VanillaEdge', id: 'd1', kind: 'VANILLA', source: 'a', target: 'ghost', sourceHandle: 'return_0', targetHandle: 'arg_0', stream: [] });
    f.graph.edges.push({ __typename: 'VanillaEdge', id: 'd2', kind: 'VANILLA', source: 'ghost', target: 'a', sourceHandle: 'return_0', targetHandle: 'arg_0', stream: [] });
    const { el, errors } = await mount((e) => (e.flow = f));
    expect(el.shadowRoot!.querySelectorAll('.scene [data-edge-id]').length).to.equal(7);
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    const dangling = errors.filter((e) => e.detail.code === 'EDGE_DANGLING');
    expect(dangling.length).to.equal(1);
    expect(dangling[0]!.detail.count).to.equal(2);
  });

  it('shows "No nodes" for an empty workflow', async () => {
    const { el } = await mount((e) => (e.flow = flow([], [])));
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No nodes');
    expect(el.state).to.equal('ready');
  });

  it('reports PROVIDER_MISSING for flow-id without a provider', async () => {
    const errors: FlussErrorEvent[] = [];
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow flow-id="42" @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}></fluss-workflow>`);
    await el.layoutComplete;
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['PROVIDER_MISSING']);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('fluss-provider');
  });

  it('loads flow-id through the provider context', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const calls: unknown[] = [];
    const fakeClient = {
      query: async (_doc: string, variables: unknown) => {
        calls.push(variables);
        return { data: { flow: chainFlow() }, warnings: [] };
      },
    };
    new ContextProvider(wrapper, { context: flussClientContext, initialValue: fakeClient as never });
    const el = document.createElement('fluss-workflow') as FlussWorkflow;
    el.setAttribute('flow-id', '7');
    wrapper.append(el);
    await el.layoutComplete;
    expect(calls).to.deep.equal([{ id: '7' }]);
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
  });

  it('loads src with credentials omitted and reports HTTP failures', async () => {
    const errors: FlussErrorEvent[] = [];
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow src="/__shared/does-not-exist.json" @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}></fluss-workflow>`);
    await el.layoutComplete;
    expect(el.state).to.equal('error');
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail.status).to.equal(404);
    expect(JSON.stringify(errors[0]!.detail)).to.not.contain('does-not-exist');
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const text = JSON.stringify(chainFlow());
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow><script type="application/json">${text}</script></fluss-workflow>`);
    await el.layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
  });

  it('never sets innerHTML while loading a workflow (text is measured on a canvas)', async () => {
    const { el } = await mount((e) => (e.flow = chainFlow()));
    const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
    let calls = 0;
    Object.defineProperty(Element.prototype, 'innerHTML', {
      configurable: true,
      get: desc.get,
      set(this: Element, v: string) {
        calls++;
        desc.set!.call(this, v);
      },
    });
    try {
      const f = chainFlow() as { graph: { nodes: Array<Record<string, unknown>> } };
      f.graph.nodes[1]!.title = '<b>bold</b> 👩‍👩‍👧 مرحبا';
      el.flow = f;
      await el.layoutComplete;
    } finally {
      Object.defineProperty(Element.prototype, 'innerHTML', desc);
    }
    expect(calls).to.equal(0);
    expect(el.shadowRoot!.querySelector('[data-node-id="a"] .node-title')!.textContent).to.contain('<b>bold</b>');
  });

  it('renders data strings as text only', async () => {
    const payload = '<img src=x onerror="window.__xss=2"><script>window.__xss=1</script>';
    const f = chainFlow() as { graph: { nodes: Array<Record<string, unknown>> } };
    f.graph.nodes[1]!.title = payload;
    f.graph.nodes[1]!.description = '"><svg onload=window.__xss=4>';
    const { el } = await mount((e) => (e.flow = f));
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, foreignObject, iframe')).to.equal(null);
    const title = root.querySelector('[data-node-id="a"] .node-title')!;
    expect(title.textContent).to.contain('<img');
    for (const elx of root.querySelectorAll('*')) for (const a of elx.getAttributeNames()) expect(a.startsWith('on'), a).to.equal(false);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });
});
