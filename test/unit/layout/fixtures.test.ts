// The real fixtures from ../shared/fixtures (read in place, never copied): every workflow the
// parser accepts lays out in auto and stored mode with sound geometry. Skips when absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkflow } from '../../../src/model/parse-workflow.js';
import { disposeLayoutWorkers, immediateLayout, layoutWorkflow } from '../../../src/layout/index.js';
import { sizesFor } from './gen.js';
import { checkLayout } from './check.js';

const root = join(process.cwd(), '../shared/fixtures');
const files = existsSync(root)
  ? ['current', 'legacy'].flatMap((d) =>
      existsSync(join(root, d)) ? readdirSync(join(root, d)).filter((f) => f.endsWith('.json')).map((f) => join(root, d, f)) : [],
    )
  : [];

describe('layout of the shared fixtures', () => {
  if (!files.length) {
    it('skipped: ../shared/fixtures is not present', (t) => t.skip('../shared/fixtures is not present'));
    return;
  }
  let laidOut = 0;
  for (const file of files) {
    it(file.slice(root.length + 1), async (t) => {
      const { workflow } = parseWorkflow(readFileSync(file, 'utf8'));
      if (!workflow || workflow.nodes.length === 0) {
        t.skip('not a workflow the parser accepts (run export, introspection, ...)');
        return;
      }
      laidOut++;
      const sizes = sizesFor(workflow);
      for (const direction of ['right', 'down'] as const) {
        const auto = await layoutWorkflow({ workflow, sizes, direction, mode: 'auto' });
        assert.deepEqual(checkLayout(auto, workflow), [], `auto ${direction}`);
        const stored = await layoutWorkflow({ workflow, sizes, direction, mode: 'stored' });
        assert.deepEqual(checkLayout(stored, workflow).filter((p) => !p.startsWith('overlap')), [], `stored ${direction}`);
        const first = immediateLayout({ workflow, sizes, direction, mode: 'stored' });
        if (first) assert.equal(first, stored);
      }
      disposeLayoutWorkers();
    });
  }
  it('laid out at least one fixture', () => assert.ok(laidOut > 0));
});
