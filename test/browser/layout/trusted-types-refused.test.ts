// Under Trusted Types that do not allow our policy, no worker can start: small graphs are laid
// out on the main thread, big ones are refused with LAYOUT_UNAVAILABLE (and a fallback layout).
import { expect } from '@open-wc/testing';
import { disposeLayoutWorkers, isLayoutError, layoutWorkerCount, layoutWorkflow } from '../../../src/layout/index.js';
import { genWorkflow } from '../../unit/layout/gen.js';
import { checkLayout } from '../../unit/layout/check.js';

describe('layout without an allowed Trusted Types policy', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";
    document.head.append(meta);
  });
  after(() => disposeLayoutWorkers());

  it('lays out a small graph on the main thread', async () => {
    const { workflow, sizes } = genWorkflow(15, 31);
    const layout = await layoutWorkflow({ workflow, sizes, direction: 'down', mode: 'auto' });
    expect(checkLayout(layout, workflow)).to.deep.equal([]);
    expect(layoutWorkerCount()).to.equal(0);
  });

  it('refuses a big graph with LAYOUT_UNAVAILABLE and a fallback', async () => {
    const { workflow, sizes } = genWorkflow(220, 32);
    let err: unknown;
    try {
      await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto' });
    } catch (e) {
      err = e;
    }
    expect(isLayoutError(err) && err.code).to.equal('LAYOUT_UNAVAILABLE');
    expect(isLayoutError(err) && checkLayout(err.fallback!, workflow)).to.deep.equal([]);
  });
});
