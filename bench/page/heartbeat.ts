// A requestAnimationFrame heartbeat: the gaps between frames while work runs (goal L3).

/** Starts recording frame gaps; the returned function stops and returns them (ms). */
export function heartbeat(): () => number[] {
  const gaps: number[] = [];
  let last = performance.now();
  let on = true;
  const tick = (t: number): void => {
    gaps.push(t - last);
    last = t;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    return gaps;
  };
}
