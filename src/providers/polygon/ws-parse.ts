import { quotePrice, type StreamEvent, type StreamStatusKind, type Tick } from '../../engine/tick.js';
import { ProviderError } from '../../errors.js';
import { parseJsonKeepingBigIntegers, Wire } from '../wire-guards.js';
import { cryptoSymbol } from '../symbols.js';
import { POLYGON, fromPolygonTicker } from './symbols.js';
import type {
  PolygonWsAggregate,
  PolygonWsCryptoAggregate,
  PolygonWsCryptoQuote,
  PolygonWsCryptoTrade,
  PolygonWsQuote,
  PolygonWsStatus,
  PolygonWsTrade,
} from './ws-wire.js';

type AnyTrade = PolygonWsTrade | PolygonWsCryptoTrade;
type AnyQuote = PolygonWsQuote | PolygonWsCryptoQuote;
type AnyAggregate = PolygonWsAggregate | PolygonWsCryptoAggregate;

/** Polygon's connection statuses in the stream vocabulary; `success` is handled apart (see parseStatus). */
const STATUS_OF: Readonly<Record<string, StreamStatusKind>> = {
  connected: 'connected',
  auth_success: 'authenticated',
  auth_failed: 'auth-failed',
  auth_timeout: 'auth-failed',
  max_connections: 'error',
  error: 'error',
};

/** Events this app reads nothing from yet. */
const UNUSED: Readonly<Record<string, string>> = {
  A: 'second aggregates (no one-second interval in the engine)',
  XAS: 'second aggregates (no one-second interval in the engine)',
  LULD: 'LULD bands',
  NOI: 'imbalances',
  FMV: 'fair market value',
};

/** One Polygon WebSocket text frame as stream events, one per event in its array. Never throws. */
export function parseFrame(text: string): StreamEvent[] {
  let body: unknown;
  try {
    // LULD times are nanoseconds past 2^53: keep them exact even though nothing reads them yet.
    body = parseJsonKeepingBigIntegers(text);
  } catch {
    return [malformedEvent('not JSON')];
  }
  return guarded(() => Wire.root(POLYGON, body, 'frame').items()).flatMap((item) =>
    item instanceof Wire ? guarded(() => [parseEvent(item)]) : [item],
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
  return { type: 'malformed', reason, source: POLYGON };
}

function parseEvent(event: Wire): StreamEvent {
  const ev = event.record().ev;
  switch (ev) {
    case 'status':
      return parseStatus(event as Wire<PolygonWsStatus>);
    case 'T':
    case 'XT':
      return { type: 'tick', tick: parseTrade(event as Wire<AnyTrade>) };
    case 'Q':
    case 'XQ':
      return { type: 'tick', tick: parseQuote(event as Wire<AnyQuote>) };
    case 'AM':
    case 'XA':
      return parseMinuteAggregate(event as Wire<AnyAggregate>);
    default: {
      const known = typeof ev === 'string' ? UNUSED[ev] : undefined;
      const reason = known ? `${known}: not used` : `event type ${JSON.stringify(ev)}`;
      return { type: 'unknown', reason, source: POLYGON };
    }
  }
}

function parseStatus(event: Wire<PolygonWsStatus>): StreamEvent {
  const code = event.get('status').string();
  const message = event.get('message').optional()?.string();
  // `success` answers every subscribe and unsubscribe; only the words tell them apart.
  const status = code === 'success' ? (message?.startsWith('subscribed') ? 'subscribed' : undefined) : STATUS_OF[code];
  if (!status) return { type: 'unknown', reason: `status ${JSON.stringify(code)}`, source: POLYGON };
  return { type: 'status', status, source: POLYGON, code, ...(message !== undefined && { message }) };
}

/** Stocks events name a ticker in `sym`; crypto events a `BASE-QUOTE` pair in `pair`. */
function eventSymbol(event: Wire<AnyTrade | AnyQuote | AnyAggregate>): string {
  if (!('pair' in event.record()))
    return fromPolygonTicker((event as Wire<PolygonWsTrade>).get('sym').nonEmptyString());
  const pair = (event as Wire<PolygonWsCryptoTrade>).get('pair');
  const [, base, quote] = /^([A-Z0-9]+)-([A-Z0-9]+)$/.exec(pair.nonEmptyString()) ?? [];
  return base && quote ? cryptoSymbol(base, quote) : pair.fail('a pair such as BTC-USD');
}

function parseTrade(event: Wire<AnyTrade>): Tick {
  return {
    symbol: eventSymbol(event),
    tsMs: event.get('t').epochMs(),
    kind: 'trade',
    price: event.get('p').price(),
    size: event.get('s').quantity(),
    source: POLYGON,
  };
}

function parseQuote(event: Wire<AnyQuote>): Tick {
  const bid = event.get('bp').quantity();
  const ask = event.get('ap').quantity();
  const price = quotePrice(bid, ask) ?? event.get('bp').fail('a bid or an ask above zero');
  return {
    symbol: eventSymbol(event),
    tsMs: event.get('t').epochMs(),
    kind: 'quote',
    price,
    size: undefined,
    bid,
    ask,
    bidSize: event.get('bs').quantity(),
    askSize: event.get('as').quantity(),
    source: POLYGON,
  };
}

function parseMinuteAggregate(event: Wire<AnyAggregate>): StreamEvent {
  return {
    type: 'bar',
    symbol: eventSymbol(event),
    interval: '1m',
    bar: {
      tsMs: event.get('s').epochMs(),
      open: event.get('o').price(),
      high: event.get('h').price(),
      low: event.get('l').price(),
      close: event.get('c').price(),
      volume: event.get('v').quantity(),
    },
    // Sent once, after the minute ends.
    closed: true,
    source: POLYGON,
  };
}
