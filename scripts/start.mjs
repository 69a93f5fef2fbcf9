// `npm start`: the Fluss dev server (dev-server/main.ts through tsx, child process) and Vite
// serving demo/ together. The demo reads the endpoint and the dev token from
// /__fluss-dev-server.json (served by Vite here; dev only). Prints the page URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const token = process.env.FLUSS_DEV_TOKEN ?? 'dev-token';
const devPort = process.env.FLUSS_DEV_PORT ?? '8090';
const pagePort = Number(process.env.DEMO_PORT ?? 5173);

const child = spawn(process.execPath, ['--import', 'tsx', 'dev-server/main.ts', '--port', devPort], {
  cwd: root,
  env: { ...process.env, FLUSS_DEV_TOKEN: token },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stopChild = () => {
  if (child.exitCode === null) child.kill('SIGTERM');
};
process.once('exit', stopChild);

const info = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const line = out.split('\n').find((l) => l.startsWith('FLUSS_DEV_SERVER '));
    if (line) resolve(JSON.parse(line.slice('FLUSS_DEV_SERVER '.length)));
  });
  child.once('exit', (code) => reject(new Error(`the Fluss dev server exited (code ${code}); is port ${devPort} free? Set FLUSS_DEV_PORT.`)));
});

const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port: pagePort, host: '127.0.0.1' },
  plugins: [
    {
      name: 'fluss-dev-server-info',
      configureServer(server) {
        server.middlewares.use('/__fluss-dev-server.json', (_req, res) => {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify({ url: info.url, wsUrl: info.wsUrl, token }));
        });
      },
    },
  ],
});
await vite.listen();
const page = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${pagePort}/`;
console.log(`\n  Demo page:        ${page}`);
console.log(`  Fluss dev server: ${info.url}  (ws ${info.wsUrl}, token ${token === 'dev-token' ? 'dev-token' : '(from FLUSS_DEV_TOKEN)'})`);
console.log('  Scenarios:        POST /control/scenario, see dev-server/README.md\n');

const shutdown = async () => {
  stopChild();
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
