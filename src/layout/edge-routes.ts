/**
 * Edge endpoints and router-made routes for every edge of a prepared graph, given absolute
 * node boxes. Shared by the stored-position layout, the fallback layout and ELK mapping.
 */
import { handlePoint } from './handles.js';
import { routeOrthogonal } from './router.js';
import type { PreparedEdge, PreparedGraph } from './prepared-graph.js';
import type { EdgeRoute, LayoutDirection, NodeBox, Point } from './types.js';

/** The exact source and target handle points of an edge. */
export function edgeEndpoints(
  g: PreparedGraph,
  pe: PreparedEdge,
  boxes: readonly (NodeBox | undefined)[],
  direction: LayoutDirection,
): { source: Point; target: Point } | null {
  const sb = boxes[pe.source];
  const tb = boxes[pe.target];
  if (!sb || !tb) return null;
  const sn = g.nodes[pe.source]!;
  const tn = g.nodes[pe.target]!;
  return {
    source: handlePoint(sb, 'out', pe.sourcePort, pe.sourcePort >= 0 ? sn.outs : 0, direction),
    target: handlePoint(tb, 'in', pe.targetPort, pe.targetPort >= 0 ? tn.ins : 0, direction),
  };
}

/** A router-made route for one edge. */
export function routeEdge(
  g: PreparedGraph,
  pe: PreparedEdge,
  boxes: readonly (NodeBox | undefined)[],
  direction: LayoutDirection,
): EdgeRoute | null {
  const ends = edgeEndpoints(g, pe, boxes, direction);
  if (!ends) return null;
  const points = routeOrthogonal(ends.source, ends.target, boxes[pe.source]!, boxes[pe.target]!, direction);
  return { id: pe.id, points };
}

/** Router-made routes for all edges whose nodes have boxes. */
export function routeAllEdges(
  g: PreparedGraph,
  boxes: readonly (NodeBox | undefined)[],
  direction: LayoutDirection,
): EdgeRoute[] {
  const out: EdgeRoute[] = [];
  for (const pe of g.edges) {
    const r = routeEdge(g, pe, boxes, direction);
    if (r) out.push(r);
  }
  return out;
}
