/** Shared by the package tests: a static file server on loopback and the Fluss dev server as a child. */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';

const TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.json', 'application/json'],
  ['.css', 'text/css'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.woff2', 'font/woff2'],
  ['.map', 'application/json'],
  ['.ico', 'image/x-icon'],
]);

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (free port). `routes` answer exact paths with JSON first. */
export async function serveStatic(dir: string, routes: ReadonlyMap<string, () => unknown> = new Map(), headers: Record<string, string> = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const route = routes.get(path);
    if (route) {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(route()));
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES.get(extname(file)) ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface DevServerChild {
  readonly url: string;
  readonly wsUrl: string;
  readonly token: string;
  stop(): void;
}

/** Starts `dev-server/main.ts` on a free port (child process) and waits for its info line. */
export async function startDevServerChild(token = 'package-test-token'): Promise<DevServerChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'dev-server/main.ts', '--port', '0'], {
    env: { ...process.env, FLUSS_DEV_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  const info = await new Promise<{ url: string; wsUrl: string }>((ok, fail) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('FLUSS_DEV_SERVER '));
      if (line) ok(JSON.parse(line.slice('FLUSS_DEV_SERVER '.length)));
    });
    child.once('exit', (code) => fail(new Error(`dev server exited (${code})`)));
  });
  return { ...info, token, stop };
}
