/**
 * ELK layout options: the default preset and the large-graph preset (performance.md L2).
 * Never NETWORK_SIMPLEX node placement or LONGEST_PATH layering (11x and 3x slower); the
 * BF/DF_MODEL_ORDER, MIN_WIDTH and COFFMAN_GRAHAM layerings and LINEAR_SEGMENTS / SIMPLE placement
 * were slower or gave far more crossings at 3,000 nodes.
 */
import type { LayoutDirection } from './types.js';

export type ElkOptions = Record<string, string>;

/** Above this many nodes the large-graph preset is used. */
export const LARGE_GRAPH_NODES = 300;
/** Above this many nodes the large-graph preset also fixes one Brandes-Koepf alignment. */
export const HUGE_GRAPH_NODES = 2000;

/** Options on the root of every graph we hand to ELK. */
export function rootLayoutOptions(direction: LayoutDirection, nodeCount: number, hierarchy: boolean): ElkOptions {
  const o: ElkOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'down' ? 'DOWN' : 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.layering.strategy': 'NETWORK_SIMPLEX',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    'elk.layered.cycleBreaking.strategy': 'GREEDY',
    'elk.spacing.nodeNode': '32',
    'elk.layered.spacing.nodeNodeBetweenLayers': '64',
    'elk.spacing.edgeNode': '16',
    'elk.spacing.edgeEdge': '10',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
    'elk.spacing.componentComponent': '48',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    // All shapes and edge points in root (absolute) coordinates.
    'elk.json.shapeCoords': 'ROOT',
    'elk.json.edgeCoords': 'ROOT',
  };
  if (hierarchy) o['elk.hierarchyHandling'] = 'INCLUDE_CHILDREN';
  if (nodeCount > LARGE_GRAPH_NODES) Object.assign(o, largeGraphPreset(nodeCount, hierarchy));
  return o;
}

/**
 * Cheaper settings for big graphs: one crossing-minimisation pass, no extra straightening.
 * Without groups, ELK's node micro layout is skipped (our ports are FIXED_POS and sizes fixed,
 * so it changes nothing; measured identical output, ~10% of the time at 3,000 nodes). Above
 * HUGE_GRAPH_NODES, Brandes-Koepf computes one alignment instead of four and balancing them
 * (same crossings on the 3,000-node bench graph, ~10% less time).
 */
export function largeGraphPreset(nodeCount = LARGE_GRAPH_NODES + 1, hierarchy = false): ElkOptions {
  const o: ElkOptions = {
    'elk.layered.thoroughness': '1',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
    'elk.layered.nodePlacement.bk.edgeStraightening': 'NONE',
    'elk.layered.compaction.postCompaction.strategy': 'NONE',
  };
  if (!hierarchy) o['elk.omitNodeMicroLayout'] = 'true';
  if (nodeCount > HUGE_GRAPH_NODES) o['elk.layered.nodePlacement.bk.fixedAlignment'] = 'LEFTUP';
  return o;
}
