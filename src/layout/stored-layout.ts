/**
 * Stored mode: the authored positions (children of a group are parent-relative, made
 * absolute here), group boxes fitted to their children, simple orthogonal routes. Nodes without
 * a usable position are placed apart: inside their positioned group to the right of their
 * siblings, or as a block to the right of everything (laid out by ELK when the caller could,
 * else by the simple layered layout).
 */
import { routeAllEdges } from './edge-routes.js';
import { finalizeLayout } from './finalize.js';
import {
  GROUP_MIN_SIZE,
  GROUP_PADDING,
  topDownOrder,
  usablePosition,
  withDescendants,
  type PreparedGraph,
} from './prepared-graph.js';
import { simplePositions } from './simple-layout.js';
import type { LayoutDirection, NodeBox, WorkflowLayout } from './types.js';

/** Gap between authored content and the block of nodes that had no position. */
export const UNPOSITIONED_GAP = 80;

export interface StoredPlan {
  /** Node has a usable position and so do all its ancestors. */
  readonly positioned: readonly boolean[];
  /** Absolute anchor (authored top-left) of positioned nodes. */
  readonly anchors: readonly ({ x: number; y: number } | undefined)[];
  /** Unpositioned nodes at the root: they and their descendants form the block. */
  readonly rootMissing: readonly number[];
  /** True when every non-group node is positioned. */
  readonly complete: boolean;
}

/** Which nodes have authored positions, and their absolute anchors. */
export function planStored(g: PreparedGraph): StoredPlan {
  const positioned: boolean[] = new Array(g.nodes.length).fill(false);
  const anchors: ({ x: number; y: number } | undefined)[] = new Array(g.nodes.length);
  const rootMissing: number[] = [];
  let complete = true;
  for (const i of topDownOrder(g)) {
    const pn = g.nodes[i]!;
    const pos = usablePosition(pn.node);
    const parentOk = pn.parent < 0 || positioned[pn.parent];
    if (pos && parentOk) {
      positioned[i] = true;
      const base = pn.parent >= 0 ? anchors[pn.parent]! : { x: 0, y: 0 };
      anchors[i] = { x: base.x + pos.x, y: base.y + pos.y };
    } else {
      if (!pn.container) complete = false;
      if (pn.parent < 0) rootMissing.push(i);
    }
    if (!parentOk && !pn.container) complete = false;
  }
  return { positioned, anchors, rootMissing, complete };
}

/** Nodes of the block that must be laid out apart (root-level unpositioned nodes and below). */
export function missingBlockMembers(g: PreparedGraph, plan: StoredPlan): number[] {
  return withDescendants(g, plan.rootMissing);
}

/**
 * The stored-mode layout. `block`, when given, is a layout of the unpositioned root block
 * (same node ids) computed elsewhere (ELK); otherwise that block gets the simple layout.
 */
export function storedLayout(
  g: PreparedGraph,
  direction: LayoutDirection,
  graphKey: string,
  plan: StoredPlan = planStored(g),
  block?: WorkflowLayout | null,
): WorkflowLayout {
  const boxes: (NodeBox | undefined)[] = new Array(g.nodes.length);
  const order = topDownOrder(g);
  // 1. Positioned leaves (groups are fitted later).
  for (const i of order) {
    const pn = g.nodes[i]!;
    const a = plan.anchors[i];
    if (a && !pn.container) boxes[i] = { id: pn.id, x: a.x, y: a.y, width: pn.width, height: pn.height };
  }
  // 2. Unpositioned nodes inside a positioned parent: to the right of their positioned siblings.
  const innerByParent = new Map<number, number[]>();
  for (const i of order) {
    const pn = g.nodes[i]!;
    if (!plan.positioned[i] && pn.parent >= 0 && plan.positioned[pn.parent]) {
      const list = innerByParent.get(pn.parent) ?? [];
      list.push(i);
      innerByParent.set(pn.parent, list);
    }
  }
  for (const [p, members] of innerByParent) {
    const anchor = plan.anchors[p]!;
    let right = -Infinity;
    let top = Infinity;
    for (const c of g.nodes[p]!.children) {
      const r = plan.anchors[c];
      if (!plan.positioned[c] || !r) continue;
      const w = g.nodes[c]!.container ? GROUP_MIN_SIZE.width : g.nodes[c]!.width;
      right = Math.max(right, r.x + w);
      top = Math.min(top, r.y);
    }
    const origin = {
      x: right === -Infinity ? anchor.x + GROUP_PADDING.left : right + UNPOSITIONED_GAP / 2,
      y: top === Infinity ? anchor.y + GROUP_PADDING.top : top,
    };
    placeSimpleBlock(g, direction, members, origin, boxes);
  }
  // 3. The root block of unpositioned nodes, right of the authored content.
  if (plan.rootMissing.length) {
    let maxX = -Infinity;
    let minY = Infinity;
    for (const b of boxes) {
      if (!b) continue;
      maxX = Math.max(maxX, b.x + b.width);
      minY = Math.min(minY, b.y);
    }
    const origin = maxX === -Infinity ? { x: 0, y: 0 } : { x: maxX + UNPOSITIONED_GAP, y: minY };
    if (block && block.nodes.length) {
      let bx = Infinity;
      let by = Infinity;
      for (const b of block.nodes) {
        bx = Math.min(bx, b.x);
        by = Math.min(by, b.y);
      }
      const members = new Set(missingBlockMembers(g, plan));
      for (const b of block.nodes) {
        const i = g.byId.get(b.id);
        if (i === undefined || !members.has(i)) continue;
        boxes[i] = { id: b.id, x: origin.x + b.x - bx, y: origin.y + b.y - by, width: b.width, height: b.height };
      }
    }
    // Anything the block did not place (or no block at all): the simple layout.
    const unplaced = plan.rootMissing.filter((i) => !boxes[i]);
    if (unplaced.length) {
      let maxY = -Infinity;
      for (const b of boxes) if (b) maxY = Math.max(maxY, b.y + b.height);
      const o = maxY === -Infinity ? origin : { x: origin.x, y: Math.max(origin.y, maxY + UNPOSITIONED_GAP) };
      placeSimpleBlock(g, direction, unplaced, o, boxes);
    }
  }
  // 4. Positioned groups: fitted to their children, bottom-up.
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const pn = g.nodes[i]!;
    if (!pn.container || boxes[i]) continue;
    const a = plan.anchors[i] ?? { x: 0, y: 0 };
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const c of pn.children) {
      const b = boxes[c];
      if (!b) continue;
      minX = Math.min(minX, b.x);
      minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + b.width);
      maxY = Math.max(maxY, b.y + b.height);
    }
    if (minX === Infinity) {
      boxes[i] = { id: pn.id, x: a.x, y: a.y, width: GROUP_MIN_SIZE.width, height: GROUP_MIN_SIZE.height };
    } else {
      const x = minX - GROUP_PADDING.left;
      const y = minY - GROUP_PADDING.top;
      boxes[i] = {
        id: pn.id,
        x,
        y,
        width: Math.max(GROUP_MIN_SIZE.width, maxX + GROUP_PADDING.right - x),
        height: Math.max(GROUP_MIN_SIZE.height, maxY + GROUP_PADDING.bottom - y),
      };
    }
  }
  const present = boxes.filter((b): b is NodeBox => !!b);
  return finalizeLayout(present, routeAllEdges(g, boxes, direction), direction, graphKey);
}

/** Lays `members` (and their descendants) out with the simple layout, top-left at `origin`. */
function placeSimpleBlock(
  g: PreparedGraph,
  direction: LayoutDirection,
  members: readonly number[],
  origin: { x: number; y: number },
  boxes: (NodeBox | undefined)[],
): void {
  const { rel, size } = simplePositions(g, direction, members);
  const memberSet = new Set(members);
  for (const i of topDownOrder(g)) {
    const r = rel.get(i);
    const s = size.get(i);
    if (!r || !s || boxes[i]) continue;
    const pn = g.nodes[i]!;
    const base = memberSet.has(i) ? origin : boxes[pn.parent];
    if (!base) continue;
    boxes[i] = { id: pn.id, x: base.x + r.x, y: base.y + r.y, width: s.width, height: s.height };
  }
}
