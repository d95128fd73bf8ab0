import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { findDemoInstrument } from './instruments.js';
import type { DemoMarket } from './market.js';
import { DemoTickFeed } from './tick-feed.js';
import { DEMO_EXCHANGE_NAME, tradeFrame } from './ws-protocol.js';

/** A client buffering more than this is not keeping up: its ticks are skipped until it drains. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface DemoExchangeOptions {
  readonly market: DemoMarket;
  /** The exchange's time, UTC epoch ms (an advancing clock; STOCKATO_NOW only sets its start). */
  readonly nowMs: () => number;
  /** Trades per second per symbol during sessions (default 4; up to 1000). */
  readonly rate?: number;
  readonly port?: number;
  readonly host?: string;
  /** When set, clients must send {"op":"auth","token"} with it before subscribing. */
  readonly token?: string;
}

export interface DemoExchange {
  /** `ws://host:port` to connect to. */
  readonly url: string;
  readonly port: number;
  /** Connected clients right now. */
  readonly clients: number;
  /** Every control message received, in order (for tests of batching and pacing). */
  readonly controlMessages: readonly { readonly atMs: number; readonly text: string }[];
  /** Trades sent since start, over all clients. */
  readonly tradesSent: number;
  close(): Promise<void>;
}

interface Client {
  readonly socket: WebSocket;
  authenticated: boolean;
  /** Symbol -> time from which its trades are still to send. */
  readonly symbols: Map<string, number>;
}

/**
 * The demo market as a real WebSocket exchange on `host:port` (127.0.0.1 and an ephemeral port by
 * default). Trades come from each instrument's `DemoTickFeed`, so bars built from them equal the
 * demo history; a timer sends, per client and subscribed symbol, every trade due since the last
 * round.
 */
export async function startDemoExchange(options: DemoExchangeOptions): Promise<DemoExchange> {
  const rate = options.rate ?? 4;
  if (!(rate > 0 && rate <= 1000))
    throw new RangeError(`rate must be from 0 to 1000 trades a second, received ${rate}`);
  const stepMs = 1000 / rate;
  const server = new WebSocketServer({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const feeds = new Map<string, DemoTickFeed>();
  const clients = new Set<Client>();
  const controlMessages: { atMs: number; text: string }[] = [];
  let tradesSent = 0;

  const feedFor = (symbol: string): DemoTickFeed | undefined => {
    let feed = feeds.get(symbol);
    const simulation = options.market.simulation(symbol);
    if (!feed && simulation) {
      feed = new DemoTickFeed(simulation, stepMs);
      feeds.set(symbol, feed);
    }
    return feed;
  };

  server.on('connection', (socket) => {
    const client: Client = { socket, authenticated: options.token === undefined, symbols: new Map() };
    clients.add(client);
    socket.on('close', () => clients.delete(client));
    socket.on('error', () => clients.delete(client));
    socket.send(
      JSON.stringify({
        type: 'welcome',
        exchange: DEMO_EXCHANGE_NAME,
        seed: options.market.seed,
        auth: !client.authenticated,
      }),
    );
    socket.on('message', (data) => {
      const text = data.toString();
      controlMessages.push({ atMs: Date.now(), text });
      handleControl(client, text, options, feedFor);
    });
  });

  const round = () => {
    const nowMs = options.nowMs();
    for (const client of clients) {
      if (client.socket.readyState !== client.socket.OPEN) continue;
      const skip = client.socket.bufferedAmount > MAX_BUFFERED_BYTES;
      for (const [symbol, fromMs] of client.symbols) {
        client.symbols.set(symbol, nowMs);
        if (skip) continue;
        feeds.get(symbol)?.forEach(fromMs, nowMs, (trade) => {
          tradesSent++;
          client.socket.send(tradeFrame(symbol, trade.tsMs, trade.price.toString(), trade.size.toString()));
        });
      }
    }
  };
  const timer = setInterval(round, Math.max(1, Math.min(250, stepMs)));

  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `ws://${host}:${port}`,
    port,
    get clients() {
      return clients.size;
    },
    controlMessages,
    get tradesSent() {
      return tradesSent;
    },
    close: async () => {
      clearInterval(timer);
      for (const client of clients) client.socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function handleControl(
  client: Client,
  text: string,
  options: DemoExchangeOptions,
  feedFor: (symbol: string) => DemoTickFeed | undefined,
): void {
  const send = (frame: object) => client.socket.send(JSON.stringify(frame));
  let message: { op?: unknown; token?: unknown; symbols?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    send({ type: 'error', code: 'bad-request', message: 'frames must be JSON' });
    return;
  }
  if (message.op === 'auth') {
    client.authenticated = message.token === options.token;
    send(client.authenticated ? { type: 'auth', ok: true } : { type: 'auth', ok: false, message: 'invalid token' });
    if (!client.authenticated) client.socket.close(4001, 'invalid token');
    return;
  }
  if (!client.authenticated) {
    send({ type: 'error', code: 'unauthenticated', message: 'send {"op":"auth","token":"..."} first' });
    return;
  }
  if ((message.op !== 'subscribe' && message.op !== 'unsubscribe') || !Array.isArray(message.symbols)) {
    send({ type: 'error', code: 'bad-request', message: 'expected {"op":"subscribe"|"unsubscribe","symbols":[...]}' });
    return;
  }
  const known: string[] = [];
  for (const entry of message.symbols) {
    const instrument = typeof entry === 'string' ? findDemoInstrument(entry) : undefined;
    if (!instrument) {
      send({ type: 'error', code: 'unknown-symbol', message: `unknown symbol ${JSON.stringify(entry)}` });
      continue;
    }
    known.push(instrument.symbol);
    if (message.op === 'unsubscribe') client.symbols.delete(instrument.symbol);
    else if (!client.symbols.has(instrument.symbol) && feedFor(instrument.symbol)) {
      client.symbols.set(instrument.symbol, options.nowMs());
    }
  }
  if (message.op === 'subscribe') send({ type: 'subscribed', symbols: known });
}
