// Dev server: HTTP (/graphql POST, /schema, /ht, /control/*) and graphql-ws on the same /graphql
// path, with Fluss-like bearer auth and CORS. `startDevServer` is the programmatic entry point.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, getOperationAST, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { handleControl } from './control.js';
import { Faults, type FaultOptions } from './faults.js';
import { buildDevSchema, DEV_SCHEMA_SDL, mutationRoot, rootValue, type DevContext } from './graphql.js';
import { seedStore, type SeedInfo } from './seed/index.js';
import { Simulator } from './simulator.js';
import { DevStore } from './store.js';

export interface DevServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** The bearer token clients must present. Default `dev-token`. */
  readonly token?: string;
  /** Seed the store (default true); a number changes the generator seed. */
  readonly seed?: boolean | number;
  /** Faults active from the start. */
  readonly faults?: FaultOptions;
  /** Logs one line per notable event (default: silent). */
  readonly log?: (line: string) => void;
}

/** Counters the tests read (also at GET /control/stats). */
export interface DevServerStats {
  httpRequests: number;
  graphqlRequests: number;
  httpAuthFailures: number;
  wsConnections: number;
  wsAuthFailures: number;
  /** Request targets (path and query) of the last 500 HTTP requests and upgrades. */
  requestLog: string[];
}

export interface DevServer {
  /** http://host:port/graphql */
  readonly url: string;
  /** ws://host:port/graphql */
  readonly wsUrl: string;
  readonly origin: string;
  readonly token: string;
  readonly store: DevStore;
  readonly simulator: Simulator;
  readonly faults: Faults;
  readonly stats: DevServerStats;
  readonly seed: SeedInfo;
  /** Terminates every open WebSocket; returns how many. */
  dropSockets(): number;
  resetStats(): void;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** The token presented on an HTTP request (Authorization, authorization, X-Authorization). */
function bearer(req: IncomingMessage): string | undefined {
  const raw = req.headers['authorization'] ?? req.headers['x-authorization'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(value.trim());
  return m ? m[1] : undefined;
}

function cors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, X-Authorization, Content-Type, Accept');
  res.setHeader('Access-Control-Max-Age', '600');
}

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a JSON request body (1 MB max). */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('Request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts a Fluss-compatible dev server. */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? 'dev-token';
  const log = options.log ?? (() => {});
  const store = new DevStore();
  const simulator = new Simulator(store);
  const faults = new Faults();
  if (options.faults) faults.set(options.faults);
  const seedInfo: SeedInfo =
    options.seed === false ? { flows: new Map(), runs: new Map(), failNodes: new Map(), generatorNodes: new Map() } : seedStore(store, simulator, typeof options.seed === 'number' ? options.seed : 1);
  const schema = buildDevSchema(store, faults);
  const queryRoot = rootValue(store);
  const mutRoot = mutationRoot(store);
  const stats: DevServerStats = { httpRequests: 0, graphqlRequests: 0, httpAuthFailures: 0, wsConnections: 0, wsAuthFailures: 0, requestLog: [] };
  const note = (target: string): void => {
    stats.requestLog.push(target);
    if (stats.requestLog.length > 500) stats.requestLog.splice(0, stats.requestLog.length - 500);
  };

  const runGraphql = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.graphqlRequests++;
    if (bearer(req) !== token) {
      stats.httpAuthFailures++;
      sendJson(res, 401, { data: null, errors: [{ message: 'Authentication credentials were not provided or are invalid.', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST, OPTIONS');
      sendJson(res, 405, { errors: [{ message: 'Use POST with a JSON body.' }] });
      return;
    }
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = ((await readJson(req)) ?? {}) as typeof body;
    } catch (err) {
      sendJson(res, 400, { errors: [{ message: (err as Error).message }] });
      return;
    }
    const latency = faults.options.latencyMs;
    if (latency) await sleep(latency);
    const fault = faults.takeHttpStatus();
    if (fault) {
      const injected = fault.status;
      const extra: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {};
      if (injected >= 500 || injected === 429) {
        res.writeHead(injected, { 'Content-Type': 'text/html; charset=utf-8', ...extra });
        res.end(`<html><body><h1>${injected}</h1><p>Injected fault</p></body></html>`);
      } else sendJson(res, injected, { data: null, errors: [{ message: `Injected HTTP ${injected}`, extensions: { code: injected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } }] });
      return;
    }
    if (typeof body.query !== 'string') {
      sendJson(res, 400, { errors: [{ message: 'Missing query.' }] });
      return;
    }
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (err) {
      sendJson(res, 400, { errors: [{ message: (err as GraphQLError).message }] });
      return;
    }
    const validation = validate(schema, document);
    if (validation.length) {
      sendJson(res, 400, { errors: validation.map((e) => ({ message: e.message, locations: e.locations })) });
      return;
    }
    const opName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const op = getOperationAST(document, opName);
    if (!op) {
      sendJson(res, 400, { errors: [{ message: 'Could not determine the operation.' }] });
      return;
    }
    if (op.operation === 'subscription') {
      sendJson(res, 400, { errors: [{ message: 'Subscriptions are served over WebSocket (graphql-transport-ws) on this path.' }] });
      return;
    }
    const result: ExecutionResult = await execute({
      schema,
      document,
      rootValue: op.operation === 'mutation' ? mutRoot : queryRoot,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: opName,
      contextValue: {} satisfies DevContext,
    });
    const errorFault = faults.takeGraphqlError();
    const out: { data?: unknown; errors?: unknown[] } = { data: result.data ?? null };
    const errors: unknown[] = (result.errors ?? []).map((e) => e.toJSON());
    if (errorFault) {
      const first = op.selectionSet.selections[0];
      const path = first && first.kind === 'Field' ? [first.alias?.value ?? first.name.value] : [];
      errors.push({ message: 'Injected fault: part of this result could not be loaded.', path });
      if (errorFault === 'null-data') out.data = null;
    }
    if (errors.length) out.errors = errors;
    sendJson(res, 200, out);
  };

  const server = createServer((req, res) => {
    stats.httpRequests++;
    note(req.url ?? '');
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const done = (p: Promise<void>): void => {
      p.catch((err: unknown) => {
        log(`dev-server: request failed: ${(err as Error).message}`);
        sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      });
    };
    if (path === '/graphql' || path === '/graphql/') return done(runGraphql(req, res));
    if (path === '/schema' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(DEV_SCHEMA_SDL);
      return;
    }
    if (path === '/ht') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (path.startsWith('/control/')) {
      if (bearer(req) !== token) {
        stats.httpAuthFailures++;
        sendJson(res, 401, { errors: [{ message: 'Authentication credentials were not provided or are invalid.' }] });
        return;
      }
      return done(handleControl(req, res, path, api));
    }
    sendJson(res, 404, { errors: [{ message: 'Not found' }] });
  });

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('graphql-transport-ws') ? 'graphql-transport-ws' : false),
  });
  server.on('upgrade', (req, socket, head) => {
    note(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/graphql' && path !== '/graphql/') {
      socket.destroy();
      return;
    }
    stats.wsConnections++;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const wsServer = useServer(
    {
      schema,
      roots: { query: queryRoot as Record<string, never>, mutation: mutRoot as Record<string, never> },
      context: (ctx): DevContext => ({ terminate: () => (ctx.extra.socket as WebSocket).terminate() }),
      onConnect: (ctx) => {
        const params = ctx.connectionParams as { token?: unknown } | undefined;
        if (!params || params.token !== token) {
          stats.wsAuthFailures++;
          return false; // graphql-ws closes with 4403 Forbidden
        }
        return true;
      },
    },
    wss,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;

  const api: DevServer = {
    url: `${origin}/graphql`,
    wsUrl: `ws://${hostPart}:${address.port}/graphql`,
    origin,
    token,
    store,
    simulator,
    faults,
    stats,
    seed: seedInfo,
    dropSockets() {
      let n = 0;
      for (const client of wss.clients) {
        client.terminate();
        n++;
      }
      return n;
    },
    resetStats() {
      stats.httpRequests = 0;
      stats.graphqlRequests = 0;
      stats.httpAuthFailures = 0;
      stats.wsConnections = 0;
      stats.wsAuthFailures = 0;
      stats.requestLog = [];
    },
    async close() {
      simulator.stopAll();
      for (const client of wss.clients) client.terminate();
      try {
        await wsServer.dispose();
      } catch {
        /* already closed */
      }
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  log(`dev-server: listening on ${api.url}`);
  return api;
}
