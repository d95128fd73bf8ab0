import type { StreamAdapter, StreamAdapterOptions, StreamChannels } from '../stream/types.js';
import { batches, chooseFeed, wantedChannels } from '../ws-channels.js';
import { BINANCE_INTERVAL, BINANCE_INTERVALS } from './intervals.js';
import { BINANCE, toBinanceSymbol } from './symbols.js';
import { parseFrame } from './ws-parse.js';

/**
 * Binance Spot market streams (web-socket-streams.md). The combined endpoint wraps every event as
 * `{stream, data}`, so one connection carries many symbols; streams are added and removed live
 * with `{"method":"SUBSCRIBE","params":[...],"id":n}`, each answered by `{"result":null,"id":n}`.
 * Market data needs no key.
 */
const ENDPOINT = 'wss://stream.binance.com:9443/stream';

/**
 * Which stream stands for `trades`: `trade` (every print, the default), `aggTrade` (prints at one
 * price from one taker order summed: fewer messages, the same prices) or `miniTicker` (one rolling
 * 24-hour ticker a second per symbol, the lightest).
 */
export const BINANCE_TRADE_FEEDS = ['trade', 'aggTrade', 'miniTicker'] as const;

/**
 * "A single connection can listen to a maximum of 1024 streams." StreamLimits has no field for
 * it; the multiplexer must open a second connection past it (3 streams per symbol at most here).
 */
export const BINANCE_MAX_STREAMS_PER_CONNECTION = 1024;

// "WebSocket connections have a limit of 5 incoming messages per second", and PING, PONG and
// JSON control messages all count; one is left for the pongs ws sends to the server's pings.
const CONTROL_MESSAGES_PER_SECOND = 4;
// No documented cap per SUBSCRIBE; 300 symbols x 3 streams stays under the 1024 per connection.
const SYMBOLS_PER_MESSAGE = 300;
// "A single connection to stream.binance.com is only valid for 24 hours; expect to be disconnected at the 24 hour mark."
const MAX_CONNECTION_AGE_MS = 24 * 60 * 60_000;
// "The WebSocket server will send a ping frame every 20 seconds. If the WebSocket server does not
// receive a pong frame back from the connection within a minute the connection will be disconnected."
const SERVER_PING_INTERVAL_MS = 20_000;
const SILENCE_TIMEOUT_MS = 60_000;

export function createBinanceStreamAdapter(options: StreamAdapterOptions = {}): StreamAdapter {
  const tradeStream = chooseFeed(BINANCE, options.feed, BINANCE_TRADE_FEEDS);
  const url = options.url ?? ENDPOINT;
  // Ids only pair a request with its answer; one counter per adapter keeps them unique per connection.
  let nextId = 1;

  const streamsOf = (symbols: readonly string[], channels: StreamChannels): string[] => {
    const wanted = wantedChannels(channels, { quotes: true, bars: BINANCE_INTERVALS });
    return symbols.flatMap((symbol) => {
      const name = toBinanceSymbol(symbol).toLowerCase();
      const streams: string[] = [];
      if (wanted.trades) streams.push(`${name}@${tradeStream}`);
      if (wanted.quotes) streams.push(`${name}@bookTicker`);
      if (wanted.bars) streams.push(`${name}@kline_${BINANCE_INTERVAL[wanted.bars]}`);
      return streams;
    });
  };

  const methodFrames = (method: 'SUBSCRIBE' | 'UNSUBSCRIBE', symbols: readonly string[], channels: StreamChannels) =>
    batches(symbols, SYMBOLS_PER_MESSAGE).map((batch) =>
      JSON.stringify({ method, params: streamsOf(batch, channels), id: nextId++ }),
    );

  return {
    id: BINANCE,
    url: () => url,
    openFrames: () => [],
    awaitsAuthentication: false,
    subscribeFrames: (symbols, channels) => methodFrames('SUBSCRIBE', symbols, channels),
    unsubscribeFrames: (symbols, channels) => methodFrames('UNSUBSCRIBE', symbols, channels),
    parse: (text, receivedMs) => parseFrame(text, receivedMs),
    // Binance's keep-alive is a WebSocket ping control frame, which ws answers by itself.
    reply: () => undefined,
    heartbeat: { kind: 'server', intervalMs: SERVER_PING_INTERVAL_MS, timeoutMs: SILENCE_TIMEOUT_MS },
    limits: {
      controlMessagesPerSecond: CONTROL_MESSAGES_PER_SECOND,
      symbolsPerMessage: SYMBOLS_PER_MESSAGE,
      maxConnectionAgeMs: MAX_CONNECTION_AGE_MS,
    },
  };
}
