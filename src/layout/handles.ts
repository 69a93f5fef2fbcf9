/**
 * Handle geometry: where stream handle i of n sits on a node box. The renderer draws handles
 * here and ELK receives the same positions as fixed ports, so edges end exactly on handles.
 */
import type { LayoutDirection, NodeBox, Point } from './types.js';

/** Fraction along the side for handle `index` of `count`: evenly spaced, a single one centred. */
export function handleFraction(index: number, count: number): number {
  const n = Number.isFinite(count) ? Math.floor(count) : 0;
  if (n <= 0 || !Number.isInteger(index) || index < 0 || index >= n) return 0.5;
  return (index + 1) / (n + 1);
}

/**
 * Absolute point of handle `index` of `count` on `box`. Direction 'right': inputs on the left
 * side, outputs on the right, top to bottom in stream order. Direction 'down': inputs on the
 * top, outputs on the bottom, left to right. An index out of range gives the side's centre.
 */
export function handlePoint(
  box: Pick<NodeBox, 'x' | 'y' | 'width' | 'height'>,
  side: 'in' | 'out',
  index: number,
  count: number,
  direction: LayoutDirection,
): Point {
  const f = handleFraction(index, count);
  if (direction === 'down') {
    return { x: box.x + box.width * f, y: side === 'in' ? box.y : box.y + box.height };
  }
  return { x: side === 'in' ? box.x : box.x + box.width, y: box.y + box.height * f };
}
