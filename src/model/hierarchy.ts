/**
 * The parent hierarchy of nodes (AgentSubFlowNode groups): missing parents, self-parents and
 * cycles are flattened to the root, depth is capped at MAX_PARENT_DEPTH, and nodes are ordered
 * parents before children (stable otherwise). Iterative: no recursion over data.
 */
import { type ParseContext, MAX_PARENT_DEPTH } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import type { DraftNode } from './node-common.js';

/** Resolves `parentRaw` into `parentId` for every node and returns the nodes parents-first. */
export function resolveHierarchy(nodes: readonly DraftNode[], byId: ReadonlyMap<string, DraftNode>, ctx: ParseContext): DraftNode[] {
  const d = ctx.diagnostics;
  let anyParent = false;
  for (const n of nodes) {
    const p = n.parentRaw;
    if (p === undefined) continue;
    if (p === n.id) {
      d.warn(DiagnosticCode.PARENT_CYCLE, `Node ${quote(n.id)} is its own parent; it is placed at the root.`, `${n.path}.parentNode`);
    } else if (!byId.has(p)) {
      d.warn(DiagnosticCode.PARENT_MISSING, `The parent ${quote(p)} of node ${quote(n.id)} does not exist; the node is placed at the root.`, `${n.path}.parentNode`);
    } else {
      n.parentId = p;
      anyParent = true;
    }
  }
  if (!anyParent) return nodes.slice();

  // cycles: walk up from every node; a node met twice on the same walk closes a cycle
  const state = new Map<string, 1 | 2>();
  const walk: DraftNode[] = [];
  for (const start of nodes) {
    let cur: DraftNode | undefined = start;
    walk.length = 0;
    while (cur !== undefined && !state.has(cur.id)) {
      state.set(cur.id, 1);
      walk.push(cur);
      cur = cur.parentId !== undefined ? byId.get(cur.parentId) : undefined;
    }
    if (cur !== undefined && state.get(cur.id) === 1) {
      const from = walk.indexOf(cur);
      for (let k = from; k < walk.length; k++) {
        const c = walk[k]!;
        d.warn(DiagnosticCode.PARENT_CYCLE, `Node ${quote(c.id)} is part of a parent cycle; it is placed at the root.`, `${c.path}.parentNode`);
        c.parentId = undefined;
      }
    }
    for (const w of walk) state.set(w.id, 2);
  }

  // order parents first, and cap depth
  const depth = new Map<string, number>();
  const out: DraftNode[] = [];
  const chain: DraftNode[] = [];
  for (const start of nodes) {
    if (depth.has(start.id)) continue;
    chain.length = 0;
    let cur: DraftNode | undefined = start;
    while (cur !== undefined && !depth.has(cur.id)) {
      chain.push(cur);
      cur = cur.parentId !== undefined ? byId.get(cur.parentId) : undefined;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const n = chain[k]!;
      let dep = n.parentId !== undefined ? (depth.get(n.parentId) ?? 0) + 1 : 0;
      if (dep > MAX_PARENT_DEPTH) {
        d.warn(DiagnosticCode.PARENT_DEPTH, `Node ${quote(n.id)} is nested deeper than ${MAX_PARENT_DEPTH} levels; it is placed at the root.`, `${n.path}.parentNode`);
        n.parentId = undefined;
        dep = 0;
      }
      depth.set(n.id, dep);
      out.push(n);
    }
  }
  return out;
}
