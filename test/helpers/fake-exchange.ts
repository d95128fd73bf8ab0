import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { StreamEvent } from '../../src/engine/tick.js';
import type { StreamAdapter, StreamChannels } from '../../src/providers/stream/types.js';

/**
 * A real WebSocket server on 127.0.0.1 (a free port) playing an exchange: it records what each
 * client sent and answers with scripted frames (recorded ones from ../shared/fixtures), so stream
 * tests exercise ws, sockets and the adapters' handshakes without reaching the internet.
 *
 *   const exchange = await startFakeExchange({
 *     onConnection: (client) => client.send('[{"ev":"status","status":"connected"}]'),
 *     onMessage: (client, text) => {
 *       if (text.includes('"auth"')) client.send(authSuccess);
 *       else client.send(...trades).close();
 *     },
 *   });
 *   ... connect to exchange.url ...
 *   expect(exchange.connections[0]?.received).toEqual([authFrame, subscribeFrame]);
 *   await exchange.close();
 */

/** One client as the exchange sees it. */
export interface FakeExchangeClient {
  /** Path and query of the upgrade request (`/v2/iex`, `/?token=...`). */
  readonly url: string;
  /** Text frames the client sent, in order. */
  readonly received: readonly string[];
  /** WebSocket pong frames the client sent (ws answers pings by itself). */
  readonly pongs: number;
  /** Sends text frames in order; returns the client for chaining. */
  send(...frames: readonly string[]): FakeExchangeClient;
  /** A WebSocket ping control frame, as Binance sends every 20 s. */
  ping(): FakeExchangeClient;
  /** Resolves at the next pong the client sends. */
  nextPong(): Promise<void>;
  /** Closes after the frames already sent (1000 unless told). */
  close(code?: number, reason?: string): void;
}

export interface FakeExchangeScript {
  /** Runs when a client connects: greetings such as Alpaca's and Polygon's `connected`. */
  onConnection?(client: FakeExchangeClient): void;
  /** Runs for each text frame a client sends, after it is recorded. */
  onMessage?(client: FakeExchangeClient, text: string): void;
}

export interface FakeExchange {
  /** `ws://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** Every client that connected, in order. */
  readonly connections: readonly FakeExchangeClient[];
  /** Stops listening and terminates open connections. Safe to call twice. */
  close(): Promise<void>;
}

export async function startFakeExchange(script: FakeExchangeScript = {}): Promise<FakeExchange> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const connections: FakeExchangeClient[] = [];
  server.on('connection', (socket, request) => {
    const client = fakeClient(socket, request.url ?? '/');
    connections.push(client);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      (client.received as string[]).push(rawText(data));
      script.onMessage?.(client, rawText(data));
    });
    script.onConnection?.(client);
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `ws://127.0.0.1:${port}`,
    connections,
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

function fakeClient(socket: WebSocket, url: string): FakeExchangeClient {
  const client = {
    url,
    received: [] as string[],
    pongs: 0,
    send(...frames: readonly string[]) {
      for (const frame of frames) socket.send(frame);
      return client;
    },
    ping() {
      socket.ping();
      return client;
    },
    nextPong() {
      return new Promise<void>((resolve) => socket.once('pong', () => resolve()));
    },
    close(code = 1000, reason = '') {
      socket.close(code, reason);
    },
  };
  socket.on('pong', () => {
    client.pongs += 1;
  });
  return client;
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** The frames of a source that greets, then wants an auth frame before anything else. */
export interface AuthFrames {
  readonly connected: string;
  readonly auth: string;
  readonly authenticated: string;
}

/**
 * An exchange that greets with `connected` and answers `auth` late, past the multiplexer's
 * control pacing, so a subscribe sent before the auth was answered shows in `early`. Every
 * other frame goes to `answer`.
 */
export async function startLateAuthExchange(
  frames: AuthFrames,
  answer: (client: FakeExchangeClient, text: string) => void,
): Promise<{ exchange: FakeExchange; early: string[] }> {
  let authenticated = false;
  const early: string[] = [];
  const exchange = await startFakeExchange({
    onConnection: (client) => client.send(frames.connected),
    onMessage: (client, text) => {
      if (!authenticated && text !== frames.auth) early.push(text);
      if (text === frames.auth)
        setTimeout(() => {
          authenticated = true;
          client.send(frames.authenticated);
        }, 600);
      else answer(client, text);
    },
  });
  return { exchange, early };
}

export interface AdapterSessionOptions {
  readonly symbols: readonly string[];
  readonly channels?: StreamChannels;
  /** Receive time handed to parse (default: a fixed instant, so events do not depend on the clock). */
  readonly receivedMs?: number;
  /** Runs on every WebSocket ping from the server, after ws has answered it. */
  readonly onPing?: () => void;
}

export interface AdapterSession {
  /** Everything parse returned, in order of arrival. */
  readonly events: StreamEvent[];
  /** The close code the session ended with. */
  readonly closeCode: number;
}

/** Receive time the session uses when not told: 2026-01-01T00:00:00Z. */
export const SESSION_RECEIVED_MS = Date.UTC(2026, 0, 1);

/**
 * The smallest client an adapter can drive: connect to `adapter.url()`, send its open frames,
 * subscribe (after `authenticated` when the adapter awaits it), answer keep-alives with `reply`,
 * parse every frame, and end when the server closes or authentication fails. What a real
 * multiplexer adds (heartbeats, reconnects, conflation) is absent on purpose.
 */
export function runAdapterSession(adapter: StreamAdapter, options: AdapterSessionOptions): Promise<AdapterSession> {
  const channels = options.channels ?? {};
  const receivedMs = options.receivedMs ?? SESSION_RECEIVED_MS;
  const events: StreamEvent[] = [];
  const socket = new WebSocket(adapter.url());
  const subscribe = () => {
    for (const frame of adapter.subscribeFrames(options.symbols, channels)) socket.send(frame);
  };
  socket.on('open', () => {
    for (const frame of adapter.openFrames()) socket.send(frame);
    if (!adapter.awaitsAuthentication) subscribe();
  });
  socket.on('ping', () => options.onPing?.());
  socket.on('message', (data) => {
    const text = rawText(data);
    const answer = adapter.reply?.(text);
    if (answer !== undefined) socket.send(answer);
    for (const event of adapter.parse(text, receivedMs)) {
      events.push(event);
      if (event.type !== 'status') continue;
      if (event.status === 'authenticated' && adapter.awaitsAuthentication) subscribe();
      if (event.status === 'auth-failed') socket.close(1000, 'authentication failed');
    }
  });
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', (closeCode) => resolve({ events, closeCode }));
  });
}
