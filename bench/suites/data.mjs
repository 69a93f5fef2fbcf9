// Data suite (Node): J1 (parse a 3,000-node workflow vs JSON.parse of it, same process) and
// E1/E2 from bench/run-log-filter.ts (the log engineer's benchmark, run as a child process; its
// anchors are measured in that same process), read back from its printed tables.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { root } from '../lib/browser.mjs';
import { row } from '../lib/table.mjs';

export const ids = ['J1', 'E1', 'E2'];

/** Runs a command, returns its stdout (rejects on a non-zero exit). */
export function runChild(cmd, args, timeoutMs = 600_000) {
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGTERM'), timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) res(out);
      else rej(new Error(`${args.join(' ')} exited ${code}: ${err.slice(-400)}`));
    });
  });
}

export async function run(want, opts, rows = []) {
  if (want.has('J1')) {
    const dir = mkdtempSync(join(tmpdir(), 'fluss-bench-'));
    try {
      const outfile = join(dir, 'j1.mjs');
      await build({ entryPoints: [resolve(root, 'bench/node/j1.ts')], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'silent', minify: true });
      const { runJ1 } = await import(pathToFileURL(outfile).href);
      const r = runJ1(3000, opts.quick ? 11 : 31);
      rows.push(row({ id: 'J1', scenario: 'parse a 3,000-node workflow', values: r.ours, anchors: r.anchor, goal: '≤ 2× JSON.parse', goalRatio: 2, note: `${r.nodes} nodes, ${r.edges} edges, ${(r.bytes / 1e6).toFixed(1)} MB` }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (want.has('E1') || want.has('E2')) {
    const out = await runChild(process.execPath, ['--import', 'tsx', 'bench/run-log-filter.ts', '1000000']);
    const num = (re) => {
      const m = out.match(re);
      if (!m) throw new Error(`run-log-filter output changed: ${re}`);
      return m.slice(1).map(Number);
    };
    if (want.has('E1')) {
      const [aMed, aMin] = num(/\| anchor: raw indexed query[^|]*\| ([\d.]+) \| ([\d.]+) \|/);
      const [oMed, oMin] = num(/\| E1 engine\.query[^|]*\| ([\d.]+) \| ([\d.]+) \|/);
      const [sMed] = num(/\| baseline: plain scan \(scanFilter\) \| ([\d.]+) \|/);
      const r = row({ id: 'E1', scenario: 'filter 1,000,000 events (nodes + kinds + t range)', values: [oMed], anchors: [aMed], goal: '≤ 2× indexed query, < 4 ms', goalRatio: 2, checks: [{ ok: oMed < 4, what: `${oMed} ms` }], note: `from bench/run-log-filter.ts (15 runs, medians; min ours ${oMin}, anchor ${aMin} ms); plain scan ${sMed} ms` });
      rows.push({ ...r, runs: 15, min: oMin, max: null, anchor_min: aMin, anchor_max: null });
    }
    if (want.has('E2')) {
      const [build] = num(/index build ÷ n \(Map by source\) \| ([\d.]+) ns\/event/);
      const [sync] = num(/kind-index sync per event \| ([\d.]+) ns\/event/);
      // "longest sync of one page | L ms" or "sync of one page: p95 / longest | P / L ms"
      const m = out.match(/sync of one page[^|]*\| ([\d.]+)(?: \/ ([\d.]+))? ms/);
      if (!m) throw new Error('run-log-filter output changed: page sync');
      const p95 = m[2] ? Number(m[1]) : null;
      const longest = Number(m[2] ?? m[1]);
      const r = row({ id: 'E2', scenario: 'events streaming in: index upkeep per event (ns)', values: [sync], anchors: [build], unit: 'ns', goal: '≤ 1.2× build ÷ n, no task > 16 ms', goalRatio: 1.2, checks: [{ ok: longest <= 16, what: `longest page ${longest} ms` }], note: `from bench/run-log-filter.ts; 1M events in 10,000-event pages, page sync ${p95 === null ? '' : `p95 ${p95} / `}longest ${longest} ms` });
      rows.push(r);
    }
  }
  return rows;
}
