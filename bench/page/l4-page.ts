/**
 * L4 page (bundled by esbuild, loaded fresh by bench/suites/layout.mjs): only our layout module, as
 * a docs page would load it. Measures navigation start -> first resolved layout of a 10-node
 * workflow (prewarmed at load), then warm layouts of it in the same worker.
 */
import { layoutWorkflow, prewarmLayout, setLayoutWorkerUrl, clearLayoutCache } from '../../src/layout/index.js';
import { genWorkflow } from '../../test/unit/layout/gen.js';

setLayoutWorkerUrl('/elk.worker.js', 'module');
const small = genWorkflow(10, 42);
const req = { workflow: small.workflow, sizes: small.sizes, direction: 'right' as const, mode: 'auto' as const, deadlineMs: 120_000 };

const l4 = (async () => {
  prewarmLayout();
  await layoutWorkflow(req);
  const cold = performance.now(); // since navigation start
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    clearLayoutCache();
    const t0 = performance.now();
    await layoutWorkflow(req);
    warm.push(performance.now() - t0);
  }
  return { cold, warm };
})();

declare global {
  interface Window {
    l4Bench: { l4(): Promise<{ cold: number; warm: number[] }> };
  }
}
window.l4Bench = { l4: () => l4 };
