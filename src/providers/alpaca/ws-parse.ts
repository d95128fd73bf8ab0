import type { Interval } from '../../engine/interval.js';
import { quotePrice, type StreamEvent, type StreamStatusKind, type Tick } from '../../engine/tick.js';
import { ProviderError } from '../../errors.js';
import { barStartMs, Wire } from '../wire-guards.js';
import { ALPACA, fromAlpacaSymbol } from './symbols.js';
import type {
  AlpacaWsBar,
  AlpacaWsError,
  AlpacaWsQuote,
  AlpacaWsSuccess,
  AlpacaWsTrade,
  AlpacaWsTradingStatus,
} from './ws-wire.js';

/**
 * Codes that mean the key will not get in, so retrying the same key cannot help: 402 auth failed,
 * 404 auth timeout, and 409 insufficient subscription, which Alpaca sends at authentication when
 * the key's plan lacks the feed (the free plan on `sip`). Other codes are plain errors.
 */
const AUTH_FAILURES = new Set([402, 404, 409]);

/** Message types this app reads nothing from yet: LULD bands, cancels, corrections, news. */
const UNUSED: Readonly<Record<string, string>> = {
  l: 'LULD bands',
  x: 'trade cancel',
  c: 'trade correction',
  n: 'news',
  o: 'order book',
};

/**
 * One Alpaca market data WebSocket text frame (stocks, crypto or news) as stream events, one or
 * more per message in the frame's array. Never throws; a bad message spoils only itself.
 */
export function parseFrame(text: string): StreamEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return [malformedEvent('not JSON')];
  }
  return guarded(() => Wire.root(ALPACA, body, 'frame').items()).flatMap((item) =>
    item instanceof Wire ? guarded(() => [parseMessage(item)]) : [item],
  );
}

/** The result of `read`, or the malformed event its ProviderError describes. */
function guarded<T>(read: () => T[]): (T | StreamEvent)[] {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProviderError) return [malformedEvent(error.message)];
    throw error;
  }
}

function malformedEvent(reason: string): StreamEvent {
  return { type: 'malformed', reason, source: ALPACA };
}

function parseMessage(message: Wire): StreamEvent {
  const type = message.record().T;
  switch (type) {
    case 'success':
      return parseSuccess(message as Wire<AlpacaWsSuccess>);
    case 'error':
      return parseError(message as Wire<AlpacaWsError>);
    case 'subscription':
      return { type: 'status', status: 'subscribed', source: ALPACA };
    case 't':
      return { type: 'tick', tick: parseTrade(message as Wire<AlpacaWsTrade>) };
    case 'q':
      return { type: 'tick', tick: parseQuote(message as Wire<AlpacaWsQuote>) };
    case 'b':
    case 'u':
    case 'd':
      return parseBar(message as Wire<AlpacaWsBar>);
    case 's':
      return parseTradingStatus(message as Wire<AlpacaWsTradingStatus>);
    default: {
      const known = typeof type === 'string' ? UNUSED[type] : undefined;
      const reason = known ? `${known}: not used` : `message type ${JSON.stringify(type)}`;
      return { type: 'unknown', reason, source: ALPACA };
    }
  }
}

function parseSuccess(message: Wire<AlpacaWsSuccess>): StreamEvent {
  const msg = message.get('msg').string();
  const status: StreamStatusKind | undefined =
    msg === 'connected' ? 'connected' : msg === 'authenticated' ? 'authenticated' : undefined;
  if (!status) return { type: 'unknown', reason: `success ${JSON.stringify(msg)}`, source: ALPACA };
  return { type: 'status', status, source: ALPACA, message: msg };
}

function parseError(message: Wire<AlpacaWsError>): StreamEvent {
  const code = message.get('code').integer();
  return {
    type: 'status',
    status: AUTH_FAILURES.has(code) ? 'auth-failed' : 'error',
    source: ALPACA,
    message: message.get('msg').string(),
    code: String(code),
  };
}

function parseTrade(message: Wire<AlpacaWsTrade>): Tick {
  return {
    symbol: fromAlpacaSymbol(message.get('S').nonEmptyString()),
    tsMs: message.get('t').isoTimeMs(),
    kind: 'trade',
    price: message.get('p').price(),
    size: message.get('s').quantity(),
    source: ALPACA,
  };
}

function parseQuote(message: Wire<AlpacaWsQuote>): Tick {
  const bid = message.get('bp').quantity();
  const ask = message.get('ap').quantity();
  const price = quotePrice(bid, ask) ?? message.get('bp').fail('a bid or an ask above zero');
  return {
    symbol: fromAlpacaSymbol(message.get('S').nonEmptyString()),
    tsMs: message.get('t').isoTimeMs(),
    kind: 'quote',
    price,
    size: undefined,
    bid,
    ask,
    bidSize: message.get('bs').quantity(),
    askSize: message.get('as').quantity(),
    source: ALPACA,
  };
}

function parseBar(message: Wire<AlpacaWsBar>): StreamEvent {
  const daily = message.get('T').value === 'd';
  const interval: Interval = daily ? '1d' : '1m';
  return {
    type: 'bar',
    symbol: fromAlpacaSymbol(message.get('S').nonEmptyString()),
    interval,
    bar: {
      // Daily bars start at midnight New York on the wire; the engine's days start at 00:00 UTC.
      tsMs: barStartMs(interval, message.get('t').isoTimeMs()),
      open: message.get('o').price(),
      high: message.get('h').price(),
      low: message.get('l').price(),
      close: message.get('c').price(),
      volume: message.get('v').quantity(),
    },
    // Minute bars (`b`) and their corrections (`u`) arrive after the minute ends; the daily bar
    // is re-sent through the session, so it stays open.
    closed: !daily,
    source: ALPACA,
  };
}

function parseTradingStatus(message: Wire<AlpacaWsTradingStatus>): StreamEvent {
  const symbol = fromAlpacaSymbol(message.get('S').nonEmptyString());
  const code = message.get('sc').string();
  // A halt is worth showing some day, but no engine type carries it yet.
  return { type: 'unknown', reason: `trading status ${code} for ${symbol}: not used`, source: ALPACA };
}
