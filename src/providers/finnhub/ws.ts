import type { StreamAdapter, StreamAdapterOptions, StreamChannels } from '../stream/types.js';
import { chooseFeed, requireStreamKey, wantedChannels } from '../ws-channels.js';
import { FINNHUB, toFinnhubSymbol } from './symbols.js';
import { parseFrame } from './ws-parse.js';

/**
 * Finnhub real-time trades (finnhub.io/docs/api/websocket-trades). The key goes in the URL as
 * `?token=`, the one place Finnhub reads it on a socket; nothing else the adapter exposes carries
 * it (the URL is for connecting only: anything that prints it must pass it through `redactUrl`).
 * Finnhub streams trades only: a request for quotes or bars alone subscribes to nothing (bars
 * come from the multiplexer's aggregation of the trades it asks for).
 */
const ENDPOINT = 'wss://ws.finnhub.io';
const FEEDS = ['trades'] as const;

// Undocumented for the socket; the REST cap is 30 calls a second, so stay well under it.
const CONTROL_MESSAGES_PER_SECOND = 10;
// `{"type":"subscribe","symbol":"AAPL"}` names one symbol; there is no list form.
const SYMBOLS_PER_MESSAGE = 1;
// Finnhub sends `{"type":"ping"}` on idle connections at an undocumented rate and expects no
// answer, so we ping as well (any server answers WebSocket pings) and call a minute of silence dead.
const PING_INTERVAL_MS = 20_000;
const SILENCE_TIMEOUT_MS = 60_000;

export function createFinnhubStreamAdapter(options: StreamAdapterOptions = {}): StreamAdapter {
  chooseFeed(FINNHUB, options.feed, FEEDS);
  const token = requireStreamKey(FINNHUB, options.apiKey);
  const endpoint = new URL(options.url ?? ENDPOINT);
  endpoint.searchParams.set('token', token);
  const url = endpoint.toString();

  const frames = (type: 'subscribe' | 'unsubscribe', symbols: readonly string[], channels: StreamChannels) => {
    const wire = symbols.map(toFinnhubSymbol);
    if (!wantedChannels(channels, { quotes: false, bars: [] }).trades) return [];
    return wire.map((symbol) => JSON.stringify({ type, symbol }));
  };

  return {
    id: FINNHUB,
    url: () => url,
    openFrames: () => [],
    awaitsAuthentication: false,
    subscribeFrames: (symbols, channels) => frames('subscribe', symbols, channels),
    unsubscribeFrames: (symbols, channels) => frames('unsubscribe', symbols, channels),
    parse: (text) => parseFrame(text),
    // Finnhub documents no answer to its ping; an undocumented `pong` could earn an error frame.
    reply: () => undefined,
    heartbeat: { kind: 'ping', intervalMs: PING_INTERVAL_MS, timeoutMs: SILENCE_TIMEOUT_MS },
    limits: { controlMessagesPerSecond: CONTROL_MESSAGES_PER_SECOND, symbolsPerMessage: SYMBOLS_PER_MESSAGE },
  };
}
