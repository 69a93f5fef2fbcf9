// The main entry exports every element, event and context key and registers no tag.
import { expect } from '@open-wc/testing';
import * as api from '../../../src/index.js';

const TAGS = ['fluss-provider', 'fluss-workflow', 'fluss-run', 'fluss-run-timeline', 'fluss-run-log'];

describe('fluss-elements (main entry)', () => {
  it('registers no tag', () => {
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('exports the element classes, events, context keys, client and model API', () => {
    for (const name of [
      'FlussProviderElement',
      'FlussWorkflow',
      'FlussRunElement',
      'FlussRunTimelineElement',
      'FlussRunLogElement',
      'FlussErrorEvent',
      'FlussNodeSelectEvent',
      'FlussRunUpdateEvent',
      'FlussTimeChangeEvent',
      'FlussEventSelectEvent',
      'FlussClient',
      'parseWorkflow',
      'parseRunExport',
      'RunStore',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name], name).to.equal('function');
    }
    for (const key of ['flussClientContext', 'runContext', 'cursorContext', 'selectionContext', 'filtersContext', 'runControlContext']) {
      expect((api as Record<string, unknown>)[key], key).to.not.equal(undefined);
    }
  });

  it('lets an app register a class under its own tag', async () => {
    customElements.define('my-flow-graph', class extends api.FlussWorkflow {});
    const el = document.createElement('my-flow-graph') as InstanceType<typeof api.FlussWorkflow>;
    el.flow = { graph: { nodes: [], edges: [], globals: [] } };
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot).to.not.equal(null);
    el.remove();
  });
});
