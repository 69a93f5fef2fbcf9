// Dev server CLI: `npm run dev-server -- --port 4000 --token secret [--host 127.0.0.1] [--seed 1]`.
// Also reads FLUSS_DEV_PORT, FLUSS_DEV_TOKEN, FLUSS_DEV_HOST. Prints the endpoint on one line.
import { startDevServer } from './server.js';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

const port = Number(arg('port') ?? process.env['FLUSS_DEV_PORT'] ?? 8090);
const token = arg('token') ?? process.env['FLUSS_DEV_TOKEN'] ?? 'dev-token';
const host = arg('host') ?? process.env['FLUSS_DEV_HOST'] ?? '127.0.0.1';
const seedArg = arg('seed');

const server = await startDevServer({
  port: Number.isFinite(port) ? port : 8090,
  token,
  host,
  seed: seedArg ? Number(seedArg) : true,
  log: (line) => console.error(line),
});
// One machine-readable line (the test plugin and scripts/start.mjs read it). The token is not printed
// unless it is the default one.
console.log(`FLUSS_DEV_SERVER ${JSON.stringify({ url: server.url, wsUrl: server.wsUrl, schema: `${server.origin}/schema` })}`);
console.log(`Fluss dev server: ${server.url} (ws ${server.wsUrl})${token === 'dev-token' ? ' token: dev-token' : ''}`);
console.log(`Seeded flows: ${[...server.seed.flows].map(([n, id]) => `${n}=${id}`).join(', ')}`);

const stop = (): void => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
