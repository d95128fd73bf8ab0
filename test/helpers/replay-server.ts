import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers by route with recorded payloads, so
 * transport tests exercise undici, sockets and timeouts without reaching the internet.
 *
 *   const server = await startReplayServer({
 *     '/v7/finance/quote': [{ status: 401, fixture: 'yahoo/error-401-invalid-crumb.json' },
 *                           { fixture: 'yahoo/quote-AAPL.json' }],
 *     '/v8/finance/chart/*': { hang: 'before-headers' },
 *   });
 *   ... createHttpClient({ baseUrl: server.url, ... }) ...
 *   expect(server.requestsTo('/v7/finance/quote')).toHaveLength(2);
 *   await server.close();
 *
 * Routes match the path without the query: exactly, or by prefix when the key ends in `*`
 * (the longest matching key wins). A request no route matches gets a 404 `no replay route` and
 * is recorded like any other.
 */

/** One answer. Without `body`, `json` or `fixture` the body is empty. */
export interface ReplayResponse {
  /** Default 200. */
  readonly status?: number;
  /** Sent as given; `content-type` defaults from the body kind (fixture extension, json, text). */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Buffer;
  /** Serialized with JSON.stringify. */
  readonly json?: unknown;
  /** A file under the shared fixtures folder, such as `yahoo/quote-AAPL.json`. */
  readonly fixture?: string;
  /** Waits this long before answering. */
  readonly delayMs?: number;
  /**
   * Never completes: `before-headers` sends nothing at all; `mid-body` sends the status, the
   * headers (with the full Content-Length) and the first half of the body, then stalls.
   */
  readonly hang?: 'before-headers' | 'mid-body';
  /** A complete response whose body is cut to its first n bytes (Content-Length n). */
  readonly truncateAt?: number;
  /** Declares the full Content-Length, sends n bytes, then destroys the connection. */
  readonly dropAfter?: number;
}

/** A fixed answer, a sequence (request i gets entry i; the last repeats), or a function. */
export type ReplayHandler =
  ReplayResponse | readonly ReplayResponse[] | ((request: RecordedRequest) => ReplayResponse | Promise<ReplayResponse>);

export interface RecordedRequest {
  readonly method: string;
  /** Path without the query (`/v7/finance/quote`). */
  readonly path: string;
  /** Query parameters (the last value wins for repeated names; see `url` for all). */
  readonly query: Readonly<Record<string, string>>;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** Every request received, in order of arrival. */
  readonly requests: readonly RecordedRequest[];
  /** The requests whose path is exactly `path`. */
  requestsTo(path: string): RecordedRequest[];
  /** Adds a route or replaces the one with the same key (its sequence starts again). */
  route(key: string, handler: ReplayHandler): void;
  /** Stops listening and drops open connections, hanging ones included. Safe to call twice. */
  close(): Promise<void>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a shared fixture: `fixturePath('yahoo', 'quote-AAPL.json')`. */
export function fixturePath(...parts: string[]): string {
  return resolve(REPO_ROOT, '../shared/fixtures', ...parts);
}

/** A shared fixture as text. */
export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

export async function startReplayServer(routes: Readonly<Record<string, ReplayHandler>> = {}): Promise<ReplayServer> {
  const table = new Map<string, { handler: ReplayHandler; served: number }>();
  const route = (key: string, handler: ReplayHandler) => table.set(key, { handler, served: 0 });
  for (const [key, handler] of Object.entries(routes)) route(key, handler);
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`replay server failed: ${String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await record(req);
    requests.push(recorded);
    const entry = pickRoute(table, recorded.path);
    if (!entry) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end(`no replay route for ${recorded.method} ${recorded.path}`);
      return;
    }
    const response = await answerFor(entry, recorded);
    if (response.delayMs) await sleep(response.delayMs, timers);
    send(res, response);
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    route,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await stopped;
    },
  };
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://replay.invalid');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    url: req.url ?? '/',
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

function pickRoute(
  table: Map<string, { handler: ReplayHandler; served: number }>,
  path: string,
): { handler: ReplayHandler; served: number } | undefined {
  const exact = table.get(path);
  if (exact) return exact;
  const prefixes = [...table.keys()]
    .filter((key) => key.endsWith('*') && path.startsWith(key.slice(0, -1)))
    .sort((a, b) => b.length - a.length);
  return prefixes[0] === undefined ? undefined : table.get(prefixes[0]);
}

async function answerFor(
  entry: { handler: ReplayHandler; served: number },
  request: RecordedRequest,
): Promise<ReplayResponse> {
  const index = entry.served++;
  const { handler } = entry;
  if (typeof handler === 'function') return handler(request);
  if (isSequence(handler)) {
    const response = handler[Math.min(index, handler.length - 1)];
    if (!response) throw new Error('a replay route sequence must not be empty');
    return response;
  }
  return handler;
}

function isSequence(handler: ReplayHandler): handler is readonly ReplayResponse[] {
  return Array.isArray(handler);
}

function send(res: ServerResponse, response: ReplayResponse): void {
  if (response.hang === 'before-headers') return;
  const { body, contentType } = bodyOf(response);
  const sent = response.truncateAt === undefined ? body : body.subarray(0, response.truncateAt);
  res.writeHead(response.status ?? 200, {
    'content-type': contentType,
    'content-length': String(sent.length),
    ...response.headers,
  });
  if (response.hang === 'mid-body') {
    res.write(sent.subarray(0, Math.floor(sent.length / 2)));
    return;
  }
  if (response.dropAfter !== undefined) {
    res.write(sent.subarray(0, response.dropAfter), () => res.destroy());
    return;
  }
  res.end(sent);
}

function bodyOf(response: ReplayResponse): { body: Buffer; contentType: string } {
  if (response.fixture !== undefined) {
    const type = extname(response.fixture) === '.json' ? 'application/json' : 'text/plain; charset=utf-8';
    return { body: readFileSync(fixturePath(response.fixture)), contentType: type };
  }
  if (response.json !== undefined) {
    return { body: Buffer.from(JSON.stringify(response.json)), contentType: 'application/json' };
  }
  return { body: Buffer.from(response.body ?? ''), contentType: 'text/plain; charset=utf-8' };
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      done();
    }, ms);
    timers.add(timer);
  });
}
