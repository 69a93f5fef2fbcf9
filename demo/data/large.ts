/** Large generated workflows (deterministic from a seed), for the 1,000-node story and demo. */
import { generateFlow } from '../../dev-server/seed/generator.js';
import type { GqlFlow } from '../../dev-server/types.js';

/** A generated workflow of about `nodes` nodes; the same seed always gives the same flow. */
export function largeFlow(nodes = 1000, seed = 7): GqlFlow {
  return generateFlow({ seed, nodes });
}
