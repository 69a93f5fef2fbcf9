/**
 * Public API of the layout module: Workflow -> WorkflowLayout (ELK in a shared worker, stored
 * positions, cache), handle geometry, and validation of layouts handed in from outside.
 */
import type { Workflow } from '../model/types.js';
import { layoutKeyOf } from './layout-key.js';
import { prepareGraph } from './prepared-graph.js';
import type { LayoutDirection, LayoutMode, NodeSize } from './types.js';

export type { EdgeRoute, LayoutDirection, LayoutMode, NodeBox, NodeSize, Point, WorkflowLayout } from './types.js';
export { LayoutError, isLayoutError, type LayoutErrorCode } from './errors.js';
export { handlePoint } from './handles.js';
export { validateLayout } from './validate-layout.js';
export {
  layoutWorkflow,
  immediateLayout,
  prewarmLayout,
  layoutWorkerCount,
  disposeLayoutWorkers,
  type LayoutRequest,
} from './layout-workflow.js';
export { setLayoutWorkerUrl, setLayoutWorkerFactory, DEFAULT_DEADLINE_MS, MAIN_THREAD_MAX_NODES } from './elk-runner.js';
export { clearLayoutCache } from './cache.js';
export { GROUP_MIN_SIZE, GROUP_PADDING, DEFAULT_NODE_SIZE } from './prepared-graph.js';
export { LAYOUT_MARGIN } from './finalize.js';

/** Content key of (workflow structure, sizes, direction, mode): same graph -> same key. */
export function layoutKey(req: {
  readonly workflow: Workflow;
  readonly sizes: ReadonlyMap<string, NodeSize>;
  readonly direction: LayoutDirection;
  readonly mode: LayoutMode;
}): string {
  return layoutKeyOf(prepareGraph(req.workflow, req.sizes), req.direction === 'down' ? 'down' : 'right', req.mode === 'stored' ? 'stored' : 'auto');
}
