import type { Interval } from '../../engine/interval.js';
import type { StreamAdapter, StreamAdapterOptions, StreamChannels } from '../stream/types.js';
import { requireCanonical, unsupportedSymbol } from '../symbols.js';
import { batches, chooseFeed, requireStreamKey, wantedChannels } from '../ws-channels.js';
import { POLYGON, toPolygonTicker } from './symbols.js';
import { parseFrame } from './ws-parse.js';

/**
 * Polygon.io (now Massive) WebSocket clusters (massive.com/docs/websocket). The server greets
 * with `[{"ev":"status","status":"connected"}]`; the client sends `{"action":"auth","params":KEY}`,
 * waits for `auth_success` (`auth_failed` otherwise), then subscribes with
 * `{"action":"subscribe","params":"T.AAPL,Q.AAPL"}`. Every frame is an array of events.
 *
 * One concurrent connection per cluster and account by default: a second one gets the
 * `max_connections` status and is closed (1008), so the multiplexer must keep every
 * symbol of a cluster on one connection (StreamLimits has no field for that yet).
 */
const HOST = 'wss://socket.massive.com';

/** The cluster: `stocks` (the default) or `crypto`. */
export const POLYGON_FEEDS = ['stocks', 'crypto'] as const;
type PolygonCluster = (typeof POLYGON_FEEDS)[number];

/** Channel prefixes per cluster: trades, quotes and minute aggregates (`A.`/`XAS.` seconds: no engine interval). */
const PREFIX: Readonly<Record<PolygonCluster, { trades: string; quotes: string; minuteBars: string }>> = {
  stocks: { trades: 'T', quotes: 'Q', minuteBars: 'AM' },
  crypto: { trades: 'XT', quotes: 'XQ', minuteBars: 'XA' },
};
const CHANNELS = { quotes: true, bars: ['1m'] as Interval[] };

// Undocumented; five a second is far more than a watch list's changes need.
const CONTROL_MESSAGES_PER_SECOND = 5;
// `params` is one comma-separated string with no documented cap; 100 symbols keeps it short.
const SYMBOLS_PER_MESSAGE = 100;
// Polygon sends nothing on a quiet subscription (outside market hours), so we ping.
const PING_INTERVAL_MS = 20_000;
const SILENCE_TIMEOUT_MS = 60_000;

/** The cluster's form of a symbol: `AAPL`/`BRK.B` on stocks, `BTC-USD` on crypto. */
function clusterSymbol(cluster: PolygonCluster, symbol: string): string {
  const canonical = requireCanonical(POLYGON, symbol);
  if (cluster === 'crypto' && canonical.kind === 'crypto') return `${canonical.base}-${canonical.quote}`;
  if (cluster === 'stocks' && canonical.kind === 'security') return toPolygonTicker(symbol);
  const carries = cluster === 'crypto' ? 'crypto pairs' : 'US shares';
  throw unsupportedSymbol(
    POLYGON,
    symbol,
    `the ${cluster} cluster carries ${carries} only`,
    'each cluster is its own feed',
  );
}

export function createPolygonStreamAdapter(options: StreamAdapterOptions = {}): StreamAdapter {
  const cluster = chooseFeed(POLYGON, options.feed, POLYGON_FEEDS);
  const key = requireStreamKey(POLYGON, options.apiKey);
  const url = options.url ?? `${HOST}/${cluster}`;
  const prefix = PREFIX[cluster];

  const frames = (action: 'subscribe' | 'unsubscribe', symbols: readonly string[], channels: StreamChannels) => {
    const wanted = wantedChannels(channels, CHANNELS);
    const prefixes = [
      ...(wanted.trades ? [prefix.trades] : []),
      ...(wanted.quotes ? [prefix.quotes] : []),
      ...(wanted.bars ? [prefix.minuteBars] : []),
    ];
    const wire = symbols.map((symbol) => clusterSymbol(cluster, symbol));
    if (prefixes.length === 0) return [];
    return batches(wire, SYMBOLS_PER_MESSAGE).map((batch) =>
      JSON.stringify({ action, params: batch.flatMap((name) => prefixes.map((p) => `${p}.${name}`)).join(',') }),
    );
  };

  return {
    id: POLYGON,
    url: () => url,
    openFrames: () => [JSON.stringify({ action: 'auth', params: key })],
    awaitsAuthentication: true,
    subscribeFrames: (symbols, channels) => frames('subscribe', symbols, channels),
    unsubscribeFrames: (symbols, channels) => frames('unsubscribe', symbols, channels),
    parse: (text) => parseFrame(text),
    // Polygon has no keep-alive message to answer.
    reply: () => undefined,
    heartbeat: { kind: 'ping', intervalMs: PING_INTERVAL_MS, timeoutMs: SILENCE_TIMEOUT_MS },
    limits: { controlMessagesPerSecond: CONTROL_MESSAGES_PER_SECOND, symbolsPerMessage: SYMBOLS_PER_MESSAGE },
  };
}
