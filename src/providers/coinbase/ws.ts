import type { StreamAdapter, StreamAdapterOptions, StreamChannels } from '../stream/types.js';
import { batches, chooseFeed, wantedChannels } from '../ws-channels.js';
import { COINBASE, toCoinbaseProduct } from './symbols.js';
import { parseFrame } from './ws-parse.js';

/**
 * Coinbase Exchange market data feed (docs.cdp.coinbase.com/exchange/websocket-feed). Public
 * channels need no key. Trades are the `ticker` channel: one message per match with the last
 * price and size and the best bid and ask. There is no public quote channel (level2 now needs
 * authentication), so a request for quotes alone subscribes to nothing and the best bid and ask
 * ride on the ticker ticks; the Exchange feed builds no bars, so bars come from the
 * multiplexer's aggregation of those ticks. `heartbeat` sends one message a second per product,
 * which is how a quiet product's connection proves it is alive.
 */
const ENDPOINT = 'wss://ws-feed.exchange.coinbase.com';
const CHANNELS = ['ticker', 'heartbeat'] as const;

/** The Exchange feed is the only one; `exchange` may be named explicitly. */
const FEEDS = ['exchange'] as const;

// Exchange websocket-feed/rate-limits: 8 requests a second per IP (burst 20); subscribes count.
const CONTROL_MESSAGES_PER_SECOND = 8;
// No documented cap on product_ids per subscribe; 100 keeps each frame and each ack small.
const SYMBOLS_PER_MESSAGE = 100;
// The heartbeat channel sends one heartbeat a second for each subscribed product.
const HEARTBEAT_INTERVAL_MS = 1_000;
// Ten missed heartbeats.
const SILENCE_TIMEOUT_MS = 10_000;

export function createCoinbaseStreamAdapter(options: StreamAdapterOptions = {}): StreamAdapter {
  chooseFeed(COINBASE, options.feed, FEEDS);
  const url = options.url ?? ENDPOINT;

  const frames = (type: 'subscribe' | 'unsubscribe', symbols: readonly string[], channels: StreamChannels) => {
    const productIds = symbols.map(toCoinbaseProduct);
    if (!wantedChannels(channels, { quotes: false, bars: [] }).trades) return [];
    return batches(productIds, SYMBOLS_PER_MESSAGE).map((batch) =>
      JSON.stringify({ type, product_ids: batch, channels: CHANNELS }),
    );
  };

  return {
    id: COINBASE,
    url: () => url,
    openFrames: () => [],
    awaitsAuthentication: false,
    subscribeFrames: (symbols, channels) => frames('subscribe', symbols, channels),
    unsubscribeFrames: (symbols, channels) => frames('unsubscribe', symbols, channels),
    parse: (text) => parseFrame(text),
    // Heartbeats are one-way: nothing to answer.
    reply: () => undefined,
    heartbeat: { kind: 'server', intervalMs: HEARTBEAT_INTERVAL_MS, timeoutMs: SILENCE_TIMEOUT_MS },
    limits: { controlMessagesPerSecond: CONTROL_MESSAGES_PER_SECOND, symbolsPerMessage: SYMBOLS_PER_MESSAGE },
  };
}
