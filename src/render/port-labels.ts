/**
 * Port and stream labels for drawing: the model's Orkestrator-style labels (compact form),
 * re-exposed under the names the templates use. Labels of leaf ports are memoized by what they
 * depend on (kind, identifier, nullable): a workflow repeats a few port types thousands of times,
 * and every drawn node's details list its streams (performance.md F1).
 */
import type { Port, Stream } from '../model/types.js';
import { portTypeLabel as modelPortTypeLabel, portName as modelPortName } from '../model/labels.js';

const COMPACT = { compact: true } as const;
/** Most distinct leaf labels kept (identifiers come from data); the memo starts over past it. */
const MAX_LEAF_LABELS = 4096;
/** Compact labels of leaf ports by kind, then `identifier` (or ''); nullable ports in their own map. */
const leafLabels = new Map<string, Map<string, string>>();
const nullableLeafLabels = new Map<string, Map<string, string>>();
let leafCount = 0;

/** Compact type label of one port (`?[ Image ]`). */
export function portTypeLabel(port: Port): string {
  // Only a port without children (and not cut at the depth cap) has a label that depends on its
  // kind, identifier and nullable alone.
  if (port.children.length !== 0 || port.truncated) return modelPortTypeLabel(port, COMPACT);
  const byKind = port.nullable ? nullableLeafLabels : leafLabels;
  let byKey = byKind.get(port.kind);
  if (!byKey) {
    if (byKind.size >= 64) clearLeafLabels();
    byKind.set(port.kind, (byKey = new Map()));
  }
  const key = port.identifier ?? '';
  let label = byKey.get(key);
  if (label === undefined) {
    label = modelPortTypeLabel(port, COMPACT);
    if (++leafCount > MAX_LEAF_LABELS) clearLeafLabels();
    byKey.set(key, label);
  }
  return label;
}

function clearLeafLabels(): void {
  leafLabels.clear();
  nullableLeafLabels.clear();
  leafCount = 0;
}

/** Compact label of a stream: its port types joined by " | ", or "Event" when empty. */
export function streamTypeLabel(stream: Stream): string {
  // The model's streamLabel, without an array per stream.
  if (stream.length === 0) return 'Event';
  let s = portTypeLabel(stream[0]!);
  for (let i = 1; i < stream.length; i++) s += ` | ${portTypeLabel(stream[i]!)}`;
  return s;
}

/** The name shown for a port: its label, else its key. */
export function portName(port: Port): string {
  return modelPortName(port);
}
