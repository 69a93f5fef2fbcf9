/**
 * Row geometry of the windowed event list: rows have one fixed height, except expanded rows,
 * which add their measured extra height. Offsets, the total height, the row at a scroll offset
 * and the window of rows to render. Pure.
 */

/** The rows to render: `[start, end)` and the spacer heights above and below them. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
  readonly top: number;
  readonly bottom: number;
}

/** Heights of `count` rows of `rowHeight` px, some taller by `extras` (row index → extra px). */
export class RowHeights {
  /** Extra heights sorted by row index (only rows taller than the fixed height). */
  private readonly extras: readonly (readonly [number, number])[];

  constructor(
    readonly count: number,
    readonly rowHeight: number,
    extras: Iterable<readonly [number, number]> = [],
  ) {
    this.extras = [...extras].filter(([i, px]) => i >= 0 && i < count && px !== 0).sort((a, b) => a[0] - b[0]);
  }

  /** Height of row `i`. */
  heightOf(i: number): number {
    let h = this.rowHeight;
    for (const [j, px] of this.extras) if (j === i) h += px;
    return h;
  }

  /** Top of row `i` (i = count gives the total height). */
  offsetOf(i: number): number {
    let y = i * this.rowHeight;
    for (const [j, px] of this.extras) {
      if (j >= i) break;
      y += px;
    }
    return y;
  }

  /** Total height of all rows. */
  get total(): number {
    return this.offsetOf(this.count);
  }

  /** The row at offset `y` (clamped to the rows). */
  indexAt(y: number): number {
    if (this.count === 0) return 0;
    const h = this.rowHeight;
    let acc = 0;
    for (const [j, px] of this.extras) {
      const top = j * h + acc;
      if (y < top) break;
      if (y < top + h + px) return j;
      acc += px;
    }
    return Math.min(this.count - 1, Math.max(0, Math.floor((y - acc) / h)));
  }

  /** The rows covering `[scrollTop, scrollTop + viewHeight)` plus `overscan` rows each side. */
  window(scrollTop: number, viewHeight: number, overscan: number): RowWindow {
    if (this.count === 0) return { start: 0, end: 0, top: 0, bottom: 0 };
    const start = Math.max(0, this.indexAt(scrollTop) - overscan);
    const end = Math.min(this.count, this.indexAt(scrollTop + Math.max(0, viewHeight - 1)) + 1 + overscan);
    const top = this.offsetOf(start);
    return { start, end, top, bottom: this.total - this.offsetOf(end) };
  }
}
