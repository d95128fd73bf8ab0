import type { Interval } from '../../engine/interval.js';
import { quotePrice, type StreamEvent, type Tick } from '../../engine/tick.js';
import { ProviderError } from '../../errors.js';
import { Wire } from '../wire-guards.js';
import { BINANCE_INTERVAL } from './intervals.js';
import { BINANCE, fromBinanceSymbol } from './symbols.js';
import type {
  BinanceWsAggTrade,
  BinanceWsBookTicker,
  BinanceWsCombined,
  BinanceWsKline,
  BinanceWsMiniTicker,
  BinanceWsResponse,
  BinanceWsTicker24hr,
  BinanceWsTrade,
} from './ws-wire.js';

/** Binance's interval names back to stockato's; names with no counterpart (3m, 2h, 1s) are absent. */
const INTERVAL_OF: ReadonlyMap<string, Interval> = new Map(
  Object.entries(BINANCE_INTERVAL).map(([ours, theirs]) => [theirs, ours as Interval]),
);

/** Events this app reads nothing from; recognised so they count as `unknown`, not `malformed`. */
const UNUSED_EVENTS = new Set(['depthUpdate', 'avgPrice', 'outboundAccountPosition', 'executionReport']);

/**
 * One Binance WebSocket text frame (raw or combined stream) as stream events. Never throws.
 *
 * `receivedMs` dates spot bookTicker quotes, which carry no time of their own; without it such a
 * frame comes back `unknown`, since inventing a time would break gap detection.
 */
export function parseFrame(text: string, receivedMs?: number): StreamEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return [malformedEvent('not JSON')];
  }
  try {
    return parseBody(Wire.root(BINANCE, body, 'frame'), receivedMs);
  } catch (error) {
    if (error instanceof ProviderError) return [malformedEvent(error.message)];
    throw error;
  }
}

function malformedEvent(reason: string): StreamEvent {
  return { type: 'malformed', reason, source: BINANCE };
}

function unknownEvent(reason: string): StreamEvent {
  return { type: 'unknown', reason, source: BINANCE };
}

function parseBody(frame: Wire, receivedMs: number | undefined): StreamEvent[] {
  // `!miniTicker@arr` (and `!ticker@arr`) arrive as a bare array, wrapped or not.
  if (Array.isArray(frame.value)) return frame.items().flatMap((item) => parseEvent(item, receivedMs));
  const record = frame.record();
  if ('stream' in record && 'data' in record) {
    return parseBody((frame as Wire<BinanceWsCombined>).get('data'), receivedMs);
  }
  // An error comes without an id when the request's own id was unreadable.
  if ('error' in record || ('id' in record && 'result' in record))
    return [parseResponse(frame as Wire<BinanceWsResponse>)];
  return parseEvent(frame, receivedMs);
}

function parseResponse(frame: Wire<BinanceWsResponse>): StreamEvent {
  const error = frame.get('error').optional();
  if (error) {
    return {
      type: 'status',
      status: 'error',
      source: BINANCE,
      message: error.get('msg').string(),
      code: String(error.get('code').integer()),
    };
  }
  return { type: 'status', status: 'subscribed', source: BINANCE };
}

function parseEvent(event: Wire, receivedMs: number | undefined): StreamEvent[] {
  const record = event.record();
  const type = record.e;
  switch (type) {
    case 'trade':
    case 'aggTrade':
      return [tickEvent(parseTrade(event as Wire<BinanceWsTrade | BinanceWsAggTrade>))];
    case 'kline':
      return [parseKline(event as Wire<BinanceWsKline>)];
    case '24hrMiniTicker':
    case '24hrTicker':
      return [tickEvent(parseTicker(event as Wire<BinanceWsMiniTicker | BinanceWsTicker24hr>))];
    case 'bookTicker':
      return [parseBookTicker(event as Wire<BinanceWsBookTicker>, receivedMs)];
    case 'serverShutdown':
      return [{ type: 'status', status: 'shutdown', source: BINANCE, message: 'server shutting down for maintenance' }];
    case undefined:
      // Spot bookTicker is the one event without `e`: recognise it by its fields.
      if ('u' in record && 'b' in record && 'a' in record && 's' in record)
        return [parseBookTicker(event as Wire<BinanceWsBookTicker>, receivedMs)];
      if ('lastUpdateId' in record) return [unknownEvent('partial order book depth: not used')];
      return [unknownEvent(`an object with no event type (keys ${Object.keys(record).slice(0, 6).join(', ')})`)];
    default:
      if (typeof type === 'string' && UNUSED_EVENTS.has(type)) return [unknownEvent(`${type}: not used`)];
      return [unknownEvent(`event type ${JSON.stringify(type)}`)];
  }
}

function tickEvent(tick: Tick): StreamEvent {
  return { type: 'tick', tick };
}

function parseTrade(event: Wire<BinanceWsTrade | BinanceWsAggTrade>): Tick {
  return {
    symbol: fromBinanceSymbol(event.get('s').nonEmptyString()),
    tsMs: event.get('T').epochMs(),
    kind: 'trade',
    price: event.get('p').price(),
    size: event.get('q').quantity(),
    source: BINANCE,
  };
}

function parseKline(event: Wire<BinanceWsKline>): StreamEvent {
  const k = event.get('k');
  const symbol = fromBinanceSymbol(k.get('s').nonEmptyString());
  const name = k.get('i').string();
  const interval = INTERVAL_OF.get(name);
  if (!interval) return unknownEvent(`kline interval ${JSON.stringify(name)}: no matching interval`);
  const bar = {
    tsMs: k.get('t').epochMs(),
    open: k.get('o').price(),
    high: k.get('h').price(),
    low: k.get('l').price(),
    close: k.get('c').price(),
    volume: k.get('v').quantity(),
  };
  const flag = k.get('x');
  const closed = typeof flag.value === 'boolean' ? flag.value : flag.fail('true or false');
  return { type: 'bar', symbol, interval, bar, closed, source: BINANCE };
}

function parseTicker(event: Wire<BinanceWsMiniTicker | BinanceWsTicker24hr>): Tick {
  const full = event.get('e').value === '24hrTicker' ? (event as Wire<BinanceWsTicker24hr>) : undefined;
  return {
    symbol: fromBinanceSymbol(event.get('s').nonEmptyString()),
    tsMs: event.get('E').epochMs(),
    kind: 'ticker',
    price: event.get('c').price(),
    size: full?.get('Q').quantity(),
    ...(full && {
      bid: full.get('b').quantity(),
      ask: full.get('a').quantity(),
      bidSize: full.get('B').quantity(),
      askSize: full.get('A').quantity(),
    }),
    source: BINANCE,
  };
}

function parseBookTicker(event: Wire<BinanceWsBookTicker>, receivedMs: number | undefined): StreamEvent {
  const time = event.get('T').optional() ?? event.get('E').optional();
  const tsMs = time ? time.epochMs() : receivedMs;
  if (tsMs === undefined) return unknownEvent('spot bookTicker carries no time and no receive time was given');
  const bid = event.get('b').price();
  const ask = event.get('a').price();
  return tickEvent({
    symbol: fromBinanceSymbol(event.get('s').nonEmptyString()),
    tsMs,
    kind: 'quote',
    price: quotePrice(bid, ask) ?? event.get('b').fail('a bid or an ask above zero'),
    size: undefined,
    bid,
    ask,
    bidSize: event.get('B').quantity(),
    askSize: event.get('A').quantity(),
    source: BINANCE,
  });
}
