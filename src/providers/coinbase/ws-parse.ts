import type { StreamEvent, Tick } from '../../engine/tick.js';
import { ProviderError } from '../../errors.js';
import { Wire } from '../wire-guards.js';
import { COINBASE, fromCoinbaseProduct } from './symbols.js';
import type {
  CoinbaseAdvancedCandle,
  CoinbaseAdvancedEnvelope,
  CoinbaseAdvancedHeartbeat,
  CoinbaseAdvancedTicker,
  CoinbaseAdvancedTrade,
  CoinbaseExchangeError,
  CoinbaseExchangeMatch,
  CoinbaseExchangeTicker,
} from './ws-wire.js';

/** Exchange and Advanced Trade messages this app reads nothing from (order books, user orders). */
const UNUSED = new Set(['l2update', 'snapshot', 'received', 'open', 'done', 'change', 'activate', 'status']);
const UNUSED_CHANNELS = new Set(['l2_data', 'level2', 'user', 'status', 'futures_balance_summary']);

/** One Coinbase WebSocket text frame (Exchange or Advanced Trade) as stream events. Never throws. */
export function parseFrame(text: string): StreamEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return [{ type: 'malformed', reason: 'not JSON', source: COINBASE }];
  }
  try {
    const frame = Wire.root(COINBASE, body, 'frame');
    return 'channel' in frame.record()
      ? parseEnvelope(frame as Wire<CoinbaseAdvancedEnvelope>)
      : [parseExchange(frame)];
  } catch (error) {
    if (error instanceof ProviderError) return [{ type: 'malformed', reason: error.message, source: COINBASE }];
    throw error;
  }
}

function unknownEvent(reason: string): StreamEvent {
  return { type: 'unknown', reason, source: COINBASE };
}

function parseExchange(frame: Wire): StreamEvent {
  const type = frame.record().type;
  switch (type) {
    case 'ticker':
      return { type: 'tick', tick: exchangeTicker(frame as Wire<CoinbaseExchangeTicker>) };
    case 'match':
    case 'last_match':
      return { type: 'tick', tick: exchangeMatch(frame as Wire<CoinbaseExchangeMatch>) };
    case 'heartbeat':
      return { type: 'status', status: 'heartbeat', source: COINBASE };
    case 'subscriptions':
      return { type: 'status', status: 'subscribed', source: COINBASE };
    case 'error':
      return exchangeError(frame as Wire<CoinbaseExchangeError>);
    default:
      if (typeof type === 'string' && UNUSED.has(type)) return unknownEvent(`${type}: not used`);
      return unknownEvent(`message type ${JSON.stringify(type)}`);
  }
}

function exchangeTicker(frame: Wire<CoinbaseExchangeTicker>): Tick {
  const size = frame.get('last_size').optional();
  return {
    symbol: fromCoinbaseProduct(frame.get('product_id').string()),
    tsMs: frame.get('time').isoTimeMs(),
    kind: 'ticker',
    price: frame.get('price').price(),
    size: size?.quantity(),
    ...book(frame.get('best_bid'), frame.get('best_ask'), frame.get('best_bid_size'), frame.get('best_ask_size')),
    source: COINBASE,
  };
}

function exchangeMatch(frame: Wire<CoinbaseExchangeMatch>): Tick {
  return {
    symbol: fromCoinbaseProduct(frame.get('product_id').string()),
    tsMs: frame.get('time').isoTimeMs(),
    kind: 'trade',
    price: frame.get('price').price(),
    size: frame.get('size').quantity(),
    source: COINBASE,
  };
}

function exchangeError(frame: Wire<CoinbaseExchangeError>): StreamEvent {
  const reason = frame.get('reason').optional()?.string();
  const message = frame.get('message').string();
  return { type: 'status', status: 'error', source: COINBASE, message: reason ? `${message}: ${reason}` : message };
}

/** Bid and ask fields, each only when present, so a `ticker_batch` item simply has no book. */
function book(bid: Wire, ask: Wire, bidSize: Wire, askSize: Wire): Partial<Tick> {
  const out: { bid?: Tick['bid']; ask?: Tick['ask']; bidSize?: Tick['bidSize']; askSize?: Tick['askSize'] } = {};
  if (bid.present()) out.bid = bid.quantity();
  if (ask.present()) out.ask = ask.quantity();
  if (bidSize.present()) out.bidSize = bidSize.quantity();
  if (askSize.present()) out.askSize = askSize.quantity();
  return out;
}

function parseEnvelope(frame: Wire<CoinbaseAdvancedEnvelope>): StreamEvent[] {
  const channel = frame.get('channel').string();
  const events = frame.get('events').items();
  switch (channel) {
    case 'ticker':
    case 'ticker_batch': {
      const tsMs = frame.get('timestamp').isoTimeMs();
      return events.flatMap((event) =>
        (event as Wire<{ tickers: CoinbaseAdvancedTicker[] }>)
          .get('tickers')
          .items()
          .map((item) => ({ type: 'tick' as const, tick: advancedTicker(item, tsMs) })),
      );
    }
    case 'market_trades':
      return events.flatMap((event) =>
        (event as Wire<{ trades: CoinbaseAdvancedTrade[] }>)
          .get('trades')
          .items()
          .map((item) => ({ type: 'tick' as const, tick: advancedTrade(item) })),
      );
    case 'candles':
      return events.flatMap((event) =>
        (event as Wire<{ candles: CoinbaseAdvancedCandle[] }>).get('candles').items().map(advancedCandle),
      );
    case 'heartbeats':
      return events.map((event) => advancedHeartbeat(event as Wire<CoinbaseAdvancedHeartbeat>));
    case 'subscriptions':
      return [{ type: 'status', status: 'subscribed', source: COINBASE }];
    default:
      return [
        unknownEvent(UNUSED_CHANNELS.has(channel) ? `${channel}: not used` : `channel ${JSON.stringify(channel)}`),
      ];
  }
}

function advancedTicker(item: Wire<CoinbaseAdvancedTicker>, tsMs: number): Tick {
  return {
    symbol: fromCoinbaseProduct(item.get('product_id').string()),
    // Ticker items carry no time of their own: the envelope's is when Coinbase sent them.
    tsMs,
    kind: 'ticker',
    price: item.get('price').price(),
    size: undefined,
    ...book(item.get('best_bid'), item.get('best_ask'), item.get('best_bid_quantity'), item.get('best_ask_quantity')),
    source: COINBASE,
  };
}

function advancedTrade(item: Wire<CoinbaseAdvancedTrade>): Tick {
  return {
    symbol: fromCoinbaseProduct(item.get('product_id').string()),
    tsMs: item.get('time').isoTimeMs(),
    kind: 'trade',
    price: item.get('price').price(),
    size: item.get('size').quantity(),
    source: COINBASE,
  };
}

function advancedCandle(item: Wire<CoinbaseAdvancedCandle>): StreamEvent {
  return {
    type: 'bar',
    symbol: fromCoinbaseProduct(item.get('product_id').string()),
    interval: '5m',
    bar: {
      tsMs: item.get('start').epochSecondsMs(),
      open: item.get('open').price(),
      high: item.get('high').price(),
      low: item.get('low').price(),
      close: item.get('close').price(),
      volume: item.get('volume').quantity(),
    },
    // Updates repeat for the candle in progress and no message marks its end; a consumer closes
    // a candle when one with a later start arrives.
    closed: false,
    source: COINBASE,
  };
}

function advancedHeartbeat(event: Wire<CoinbaseAdvancedHeartbeat>): StreamEvent {
  const counter = event.get('heartbeat_counter');
  const text = typeof counter.value === 'number' ? String(counter.integer()) : counter.string();
  if (!/^\d+$/.test(text)) counter.fail('a counter (whole number or its text)');
  return { type: 'status', status: 'heartbeat', source: COINBASE, code: text };
}
