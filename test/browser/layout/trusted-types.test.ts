// Under enforced Trusted Types (CSP via <meta>), the layout worker still starts: its script URL
// goes through the named policy 'fluss-elk'. Own file, so the policy only affects this page.
import { expect } from '@open-wc/testing';
import { disposeLayoutWorkers, layoutWorkerCount, layoutWorkflow } from '../../../src/layout/index.js';
import { genWorkflow } from '../../unit/layout/gen.js';
import { checkLayout } from '../../unit/layout/check.js';

describe('layout worker under Trusted Types', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; trusted-types fluss-elk lit-html 'allow-duplicates'";
    document.head.append(meta);
  });
  after(() => disposeLayoutWorkers());

  it('enforces Trusted Types on this page (a plain string worker URL is refused)', () => {
    expect(() => new Worker('./x.js')).to.throw(TypeError);
  });

  it('lays out through the worker, created via the fluss-elk policy', async () => {
    const { workflow, sizes } = genWorkflow(20, 21, { groups: 1 });
    const layout = await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto' });
    expect(checkLayout(layout, workflow)).to.deep.equal([]);
    expect(layoutWorkerCount()).to.equal(1);
  });
});
