// Storybook's Vite plugin for the live-run story. Dev: starts the Fluss dev server on a free port
// (node --import tsx dev-server/main.ts, a child process stopped with Storybook) on the first
// request and answers /fluss-dev-server.json with {url, wsUrl, token}. Build: emits a placeholder
// {url: null} so a static Storybook never requests a server that is not there.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const INFO_PATH = '/fluss-dev-server.json';
const PLACEHOLDER = JSON.stringify({ url: null, hint: 'npm run dev-server -- --port 8090' });

/** Starts the dev server once; resolves with its info line. */
function startDevServer(token) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev-server/main.ts', '--port', '0'], {
    cwd: root,
    env: { ...process.env, FLUSS_DEV_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { stop(); process.exit(0); });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('FLUSS_DEV_SERVER '));
      if (line) resolve({ ...JSON.parse(line.slice('FLUSS_DEV_SERVER '.length)), token });
    });
    child.once('exit', (code) => reject(new Error(`the Fluss dev server exited (code ${code})`)));
  });
}

/** @param {boolean} dev start the dev server (storybook dev) or emit the placeholder (build) */
export function devServerInfoPlugin(dev) {
  let info = null;
  return {
    name: 'fluss-storybook-dev-server',
    configureServer(server) {
      if (!dev) return;
      server.middlewares.use(INFO_PATH, (_req, res) => {
        info ??= startDevServer(process.env.FLUSS_DEV_TOKEN ?? 'dev-token');
        info.then(
          (i) => {
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Cache-Control', 'no-store');
            res.end(JSON.stringify({ url: i.url, wsUrl: i.wsUrl, token: i.token }));
          },
          () => {
            res.setHeader('Content-Type', 'application/json');
            res.end(PLACEHOLDER);
          },
        );
      });
    },
    generateBundle() {
      if (dev) return;
      this.emitFile({ type: 'asset', fileName: INFO_PATH.slice(1), source: PLACEHOLDER });
    },
  };
}
