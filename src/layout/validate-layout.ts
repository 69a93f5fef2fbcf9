/**
 * Validation of a layout handed in from outside (the element's `.layout` property, a stored
 * JSON file): plain-data shape, finite bounded numbers, node ids of this workflow, a box for
 * every node. Edges without a route get a router-made one. Builds a fresh, frozen object.
 */
import type { Workflow } from '../model/types.js';
import { routeEdge } from './edge-routes.js';
import { isSaneBox, isSaneNumber, isSanePoint } from './finalize.js';
import { prepareGraph } from './prepared-graph.js';
import type { EdgeRoute, LayoutDirection, NodeBox, Point, WorkflowLayout } from './types.js';

const MAX_PROBLEMS = 20;

/**
 * Checks `layout` against `workflow`. `layout` is null when anything is wrong with a node box
 * (unknown id, duplicate, missing, not finite) or the overall shape; `problems` says why.
 */
export function validateLayout(layout: unknown, workflow: Workflow): { layout: WorkflowLayout | null; problems: string[] } {
  const problems: string[] = [];
  const fail = (p: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (typeof layout !== 'object' || layout === null || Array.isArray(layout)) {
    return { layout: null, problems: ['The layout is not an object.'] };
  }
  const l = layout as Record<string, unknown>;
  if (l['version'] !== 1) fail('Unsupported layout version (expected 1).');
  const direction = l['direction'];
  if (direction !== 'right' && direction !== 'down') fail('The layout direction must be "right" or "down".');
  const graphKey = typeof l['graphKey'] === 'string' ? (l['graphKey'] as string) : '';
  if (!isSaneNumber(l['width']) || !isSaneNumber(l['height']) || (l['width'] as number) < 0 || (l['height'] as number) < 0) {
    fail('The layout width/height must be finite, non-negative numbers.');
  }
  const rawNodes = l['nodes'];
  const rawEdges = l['edges'];
  if (!Array.isArray(rawNodes)) fail('The layout has no nodes array.');
  if (rawEdges !== undefined && !Array.isArray(rawEdges)) fail('The layout edges are not an array.');
  if (problems.length) return { layout: null, problems };

  const g = prepareGraph(workflow, undefined);
  const boxes: (NodeBox | undefined)[] = new Array(g.nodes.length);
  (rawNodes as unknown[]).forEach((raw, k) => {
    if (typeof raw !== 'object' || raw === null) return fail(`nodes[${k}] is not an object.`);
    const b = raw as Record<string, unknown>;
    const id = b['id'];
    if (typeof id !== 'string') return fail(`nodes[${k}].id is not a string.`);
    const i = g.byId.get(id);
    if (i === undefined) return fail(`nodes[${k}] refers to an unknown node.`);
    if (boxes[i]) return fail(`nodes[${k}] repeats a node.`);
    const box = { id, x: b['x'], y: b['y'], width: b['width'], height: b['height'] };
    if (!isSaneBox(box)) return fail(`nodes[${k}] has a position or size that is not a finite, bounded number.`);
    boxes[i] = box as NodeBox;
  });
  g.nodes.forEach((pn, i) => {
    if (!boxes[i]) fail(`No box for node ${JSON.stringify(pn.id.slice(0, 60))}.`);
  });
  if (problems.length) return { layout: null, problems };

  const dir = direction as LayoutDirection;
  const routes = new Map<string, Point[]>();
  for (const [k, raw] of ((rawEdges as unknown[] | undefined) ?? []).entries()) {
    if (typeof raw !== 'object' || raw === null) {
      fail(`edges[${k}] is not an object; routed anew.`);
      continue;
    }
    const e = raw as Record<string, unknown>;
    const pts = e['points'];
    if (typeof e['id'] !== 'string' || !Array.isArray(pts) || pts.length < 2 || !pts.every(isSanePoint)) {
      fail(`edges[${k}] has no usable id or points; routed anew.`);
      continue;
    }
    routes.set(e['id'], (pts as Point[]).map((p) => ({ x: p.x, y: p.y })));
  }
  const edges: EdgeRoute[] = [];
  for (const pe of g.edges) {
    const pts = routes.get(pe.id);
    if (pts) edges.push({ id: pe.id, points: pts });
    else {
      const r = routeEdge(g, pe, boxes, dir);
      if (r) edges.push(r);
    }
  }
  const nodes = boxes as NodeBox[];
  const out: WorkflowLayout = Object.freeze({
    version: 1 as const,
    graphKey,
    direction: dir,
    nodes: Object.freeze(nodes.map((b) => Object.freeze({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height }))),
    edges: Object.freeze(edges.map((e) => Object.freeze({ id: e.id, points: Object.freeze(e.points.map((p) => Object.freeze(p))) }))),
    width: l['width'] as number,
    height: l['height'] as number,
  });
  return { layout: out, problems };
}
