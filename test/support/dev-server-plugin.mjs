// Web test runner plugin: starts the Fluss dev server (dev-server/main.ts, through tsx, in a child
// process) on a free loopback port, with a random canary token, the first time a test asks for
// /__fluss-dev-server.json (its URL and token), and stops it with the test run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const DEV_SERVER_INFO_PATH = '/__fluss-dev-server.json';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function devServerPlugin() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Promise<{url: string, wsUrl: string, token: string}> | undefined} */
  let info;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const kill = () => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
  };

  const start = () => {
    const token = `tok-CANARY-${randomBytes(9).toString('hex')}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'dev-server/main.ts', '--port', '0', '--host', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, FLUSS_DEV_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    process.once('exit', kill);
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('fluss dev server did not start within 30 s')), 30_000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.startsWith('FLUSS_DEV_SERVER '));
        if (line) {
          clearTimeout(timer);
          const parsed = JSON.parse(line.slice('FLUSS_DEV_SERVER '.length));
          resolve({ url: parsed.url, wsUrl: parsed.wsUrl, token });
        }
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk) => {
        if (!/listening on/.test(chunk)) process.stderr.write(`[fluss dev server] ${chunk}`);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`fluss dev server exited early (code ${code})`));
      });
    });
  };

  return {
    name: 'fluss-dev-server',
    async serverStop() {
      kill();
    },
    async serve(context) {
      if (context.path !== DEV_SERVER_INFO_PATH) return undefined;
      if (!info) info = start();
      const value = await info;
      return { body: JSON.stringify(value), type: 'application/json', headers: { 'cache-control': 'no-store' } };
    },
  };
}
