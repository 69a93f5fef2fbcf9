/**
 * ELK layout options: the default preset and the large-graph preset (performance.md L2).
 * Never NETWORK_SIMPLEX node placement or LONGEST_PATH layering (11x and 3x slower).
 */
import type { LayoutDirection } from './types.js';

export type ElkOptions = Record<string, string>;

/** Above this many nodes the large-graph preset is used. */
export const LARGE_GRAPH_NODES = 300;

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
  if (nodeCount > LARGE_GRAPH_NODES) Object.assign(o, largeGraphPreset());
  return o;
}

/** Cheaper settings for big graphs: one crossing-minimisation pass, no extra straightening. */
export function largeGraphPreset(): ElkOptions {
  return {
    'elk.layered.thoroughness': '1',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
    'elk.layered.nodePlacement.bk.edgeStraightening': 'NONE',
    'elk.layered.compaction.postCompaction.strategy': 'NONE',
  };
}
