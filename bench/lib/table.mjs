// Rows and statistics for the bench runner: median / min / max, ratio rows and the printed table.
export const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/**
 * One result row. `values`/`anchors` are the per-run figures (ms unless `unit` says otherwise);
 * `ratio` defaults to median/median; `met` to ratio <= goalRatio and every extra check.
 */
export function row({ id, scenario, values, anchors = null, unit = 'ms', goal, goalRatio = null, ratio = null, checks = [], note = '' }) {
  const med = median(values);
  const anc = anchors ? median(anchors) : null;
  const r = ratio ?? (anc ? med / anc : null);
  const failed = checks.filter((c) => !c.ok).map((c) => c.what);
  const ratioOk = goalRatio === null || (r !== null && r <= goalRatio);
  return {
    id,
    scenario,
    ratio: r === null ? null : round(r, 3),
    goal,
    met: ratioOk && failed.length === 0,
    median_ms: round(med, 3),
    anchor_ms: anc === null ? null : round(anc, 3),
    runs: values.length,
    min: round(Math.min(...values), 3),
    max: round(Math.max(...values), 3),
    anchor_min: anchors ? round(Math.min(...anchors), 3) : null,
    anchor_max: anchors ? round(Math.max(...anchors), 3) : null,
    unit,
    failed,
    note,
  };
}

export function printTable(rows) {
  const head = ['id', 'scenario', 'median', 'min–max', 'anchor (min–max)', 'ratio', 'goal', 'met'];
  const lines = rows.map((r) => [
    r.id,
    r.scenario,
    `${r.median_ms} ${r.unit}`,
    `${r.min}–${r.max}`,
    r.anchor_ms === null ? '—' : `${r.anchor_ms} (${r.anchor_min}–${r.anchor_max})`,
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.goal,
    r.met ? 'yes' : `NO${r.failed.length ? ` (${r.failed.join('; ')})` : ''}`,
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (l) => `| ${l.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  console.log(fmt(head));
  console.log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) if (r.note) console.log(`  ${r.id}: ${r.note}`);
}
