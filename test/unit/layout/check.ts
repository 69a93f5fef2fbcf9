/**
 * Geometric checks shared by the layout tests: overlap, handle endpoints, containment.
 */
import { handlePoint } from '../../../src/layout/handles.js';
import type { NodeBox, WorkflowLayout } from '../../../src/layout/types.js';
import type { Workflow } from '../../../src/model/types.js';

export function boxesById(layout: WorkflowLayout): Map<string, NodeBox> {
  return new Map(layout.nodes.map((b) => [b.id, b]));
}

/** Problems found; empty when the layout is geometrically sound. */
export function checkLayout(layout: WorkflowLayout, workflow: Workflow, tol = 1): string[] {
  const problems: string[] = [];
  const boxes = boxesById(layout);
  const groups = new Set(workflow.nodes.filter((n) => n.kind === 'agent-subflow' || workflow.nodes.some((c) => c.parentId === n.id)).map((n) => n.id));
  for (const n of workflow.nodes) if (!boxes.has(n.id)) problems.push(`no box for ${n.id}`);
  for (const b of layout.nodes) {
    for (const v of [b.x, b.y, b.width, b.height]) if (!Number.isFinite(v)) problems.push(`non-finite box ${b.id}`);
  }
  const leaves = layout.nodes.filter((b) => !groups.has(b.id));
  const sorted = [...leaves].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x >= a.x + a.width - 0.5) break;
      const oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      const ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      if (ox > 0.5 && oy > 0.5) problems.push(`overlap ${a.id} / ${b.id}`);
    }
  }
  for (const n of workflow.nodes) {
    if (!n.parentId || !boxes.has(n.parentId)) continue;
    const c = boxes.get(n.id)!;
    const p = boxes.get(n.parentId)!;
    if (c.x < p.x - tol || c.y < p.y - tol || c.x + c.width > p.x + p.width + tol || c.y + c.height > p.y + p.height + tol) {
      problems.push(`child ${n.id} outside group ${n.parentId}`);
    }
  }
  const nodeById = new Map(workflow.nodes.map((n) => [n.id, n]));
  const routes = new Map(layout.edges.map((e) => [e.id, e]));
  for (const e of workflow.edges) {
    const r = routes.get(e.id);
    if (!r) {
      problems.push(`no route for ${e.id}`);
      continue;
    }
    const sn = nodeById.get(e.source)!;
    const tn = nodeById.get(e.target)!;
    const s = handlePoint(boxes.get(e.source)!, 'out', e.sourceStream, groups.has(e.source) ? 0 : sn.outs.length, layout.direction);
    const t = handlePoint(boxes.get(e.target)!, 'in', e.targetStream, groups.has(e.target) ? 0 : tn.ins.length, layout.direction);
    const first = r.points[0]!;
    const last = r.points[r.points.length - 1]!;
    if (Math.hypot(first.x - s.x, first.y - s.y) > tol) problems.push(`route ${e.id} starts off its handle`);
    if (Math.hypot(last.x - t.x, last.y - t.y) > tol) problems.push(`route ${e.id} ends off its handle`);
    for (const p of r.points) if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) problems.push(`non-finite point in ${e.id}`);
    for (let k = 1; k < r.points.length; k++) {
      const a = r.points[k - 1]!;
      const b = r.points[k]!;
      if (Math.abs(a.x - b.x) > 1e-6 && Math.abs(a.y - b.y) > 1e-6) {
        problems.push(`route ${e.id} has a diagonal segment`);
        break;
      }
    }
  }
  return problems;
}
