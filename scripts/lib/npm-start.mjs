// Starts `npm start` (dev server + demo page) on free loopback ports in its own process group,
// waits for the page URL it prints, and stops the whole tree. Shared by the smoke test and the
// demo screenshots.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';

/** CHROME_PATH or the system Chromium, or null. */
export function findChromium() {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p)) ?? null;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs `npm start` in `cwd`. Returns `{ url, output, stop }` once the demo page URL is printed:
 * `output()` is everything it printed so far, `stop()` ends the process group (SIGTERM, then
 * SIGKILL after 5 s). Ctrl-C stops it too.
 */
export async function startDemo({ cwd = process.cwd(), timeoutMs = 180_000 } = {}) {
  const [devPort, pagePort] = [await freePort(), await freePort()];
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, FLUSS_DEV_PORT: String(devPort), DEMO_PORT: String(pagePort), BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npm, scripts/start.mjs, Vite and the dev server die together
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));

  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no page URL within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        const m = stripVTControlCharacters(output).match(/Demo page:\s+(http:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', check);
      child.once('exit', (code) => reject(new Error(`npm start exited early (code ${code})`)));
    });
    return { url, output: () => output, stop };
  } catch (err) {
    await stop();
    err.output = output;
    throw err;
  }
}
