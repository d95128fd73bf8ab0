import type { Interval } from '../../engine/interval.js';
import { ConfigError } from '../../errors.js';
import type { StreamAdapter, StreamAdapterOptions, StreamChannels } from '../stream/types.js';
import { batches, chooseFeed, requireStreamKey, wantedChannels } from '../ws-channels.js';
import { unsupportedSymbol } from '../symbols.js';
import { ALPACA, toAlpacaSymbol } from './symbols.js';
import { parseFrame } from './ws-parse.js';

/**
 * Alpaca market data stream (docs.alpaca.markets, "Real-time stock/crypto data"). After
 * `[{"T":"success","msg":"connected"}]` the client sends `{"action":"auth","key","secret"}`
 * (within 10 s, else error 404 "auth timeout"), waits for `authenticated`, then subscribes with
 * `{"action":"subscribe","trades":[...],"quotes":[...],"bars":[...]}`. Auth failures come back as
 * error 402 (or 404), which the parser reports as `auth-failed`.
 */
const HOST = 'wss://stream.data.alpaca.markets';

/** `iex` (free, the default), `sip` (all US exchanges, paid) or `crypto` (v1beta3, US crypto venues). */
export const ALPACA_FEEDS = ['iex', 'sip', 'crypto'] as const;
type AlpacaFeed = (typeof ALPACA_FEEDS)[number];

const PATH: Readonly<Record<AlpacaFeed, string>> = {
  iex: '/v2/iex',
  sip: '/v2/sip',
  crypto: '/v1beta3/crypto/us',
};

/** Minute bars (`bars`, T `b`) and the day's bar so far (`dailyBars`, T `d`). */
const BAR_LISTS: Partial<Record<Interval, 'bars' | 'dailyBars'>> = { '1m': 'bars', '1d': 'dailyBars' };
const CHANNELS = { quotes: true, bars: Object.keys(BAR_LISTS) as Interval[] };

// Undocumented for the stream; the account's REST budget is 200 requests a minute.
const CONTROL_MESSAGES_PER_SECOND = 3;
// No documented cap per message. The free plan allows 30 trade and quote channels at a time
// (error 405 past that; minute bars unlimited) and one connection per feed (error 406).
const SYMBOLS_PER_MESSAGE = 100;
// Alpaca sends nothing on a quiet stream, so we ping; a minute of silence is a dead connection.
const PING_INTERVAL_MS = 20_000;
const SILENCE_TIMEOUT_MS = 60_000;

/** `KEY_ID:SECRET_KEY` split in two; the error never repeats the credential. */
function splitCredential(credential: string): { key: string; secret: string } {
  const colon = credential.indexOf(':');
  const key = colon > 0 ? credential.slice(0, colon).trim() : '';
  const secret = colon > 0 ? credential.slice(colon + 1).trim() : '';
  if (key === '' || secret === '') {
    throw new ConfigError('the alpaca key must be KEY_ID:SECRET_KEY (both parts, joined by a colon)', {
      hint: 'set it again with: stockato keys set alpaca',
    });
  }
  return { key, secret };
}

/** The feed's form of a symbol: the crypto feed carries pairs only, the stock feeds shares only. */
function feedSymbol(feed: AlpacaFeed, symbol: string): string {
  const wire = toAlpacaSymbol(symbol);
  if (wire.includes('/') === (feed === 'crypto')) return wire;
  const carries = feed === 'crypto' ? 'crypto pairs' : 'US shares';
  throw unsupportedSymbol(
    ALPACA,
    symbol,
    `the ${feed} feed carries ${carries} only`,
    'shares and crypto stream on separate feeds (iex or sip, and crypto)',
  );
}

export function createAlpacaStreamAdapter(options: StreamAdapterOptions = {}): StreamAdapter {
  const feed = chooseFeed(ALPACA, options.feed, ALPACA_FEEDS);
  const { key, secret } = splitCredential(requireStreamKey(ALPACA, options.apiKey));
  const url = options.url ?? `${HOST}${PATH[feed]}`;

  const frames = (action: 'subscribe' | 'unsubscribe', symbols: readonly string[], channels: StreamChannels) => {
    const wanted = wantedChannels(channels, CHANNELS);
    const barList = wanted.bars ? BAR_LISTS[wanted.bars] : undefined;
    const wire = symbols.map((symbol) => feedSymbol(feed, symbol));
    if (!wanted.trades && !wanted.quotes && !barList) return [];
    return batches(wire, SYMBOLS_PER_MESSAGE).map((batch) =>
      JSON.stringify({
        action,
        ...(wanted.trades && { trades: batch }),
        ...(wanted.quotes && { quotes: batch }),
        ...(barList && { [barList]: batch }),
      }),
    );
  };

  return {
    id: ALPACA,
    url: () => url,
    openFrames: () => [JSON.stringify({ action: 'auth', key, secret })],
    awaitsAuthentication: true,
    subscribeFrames: (symbols, channels) => frames('subscribe', symbols, channels),
    unsubscribeFrames: (symbols, channels) => frames('unsubscribe', symbols, channels),
    parse: (text) => parseFrame(text),
    // Alpaca has no keep-alive message to answer.
    reply: () => undefined,
    heartbeat: { kind: 'ping', intervalMs: PING_INTERVAL_MS, timeoutMs: SILENCE_TIMEOUT_MS },
    limits: { controlMessagesPerSecond: CONTROL_MESSAGES_PER_SECOND, symbolsPerMessage: SYMBOLS_PER_MESSAGE },
  };
}
