import type { Bar } from '../../engine/bar.js';
import type { Decimal } from '../../engine/decimal.js';
import type { Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../../errors.js';
import { currencyOf, requireCanonical, unsupportedSymbol } from '../symbols.js';
import { weekAwareBarStartMs } from '../week-start.js';
import { Wire, oldestFirst, type MarketStateOf } from '../wire-guards.js';
import { throwIfErrorBody } from './errors.js';
import { POLYGON, fromPolygonTicker } from './symbols.js';
import type {
  PolygonAgg,
  PolygonAggregates,
  PolygonDailyOpenClose,
  PolygonSnapshot,
  PolygonSnapshotList,
  PolygonSnapshotTicker,
} from './wire.js';

export { classifyError } from './errors.js';
export { parseMarketStatus, parseNews, type PolygonMarketStates } from './parse-reference.js';

export interface AggregatesPage {
  /** Oldest first; daily bars moved from midnight New York to 00:00 UTC of the same date. */
  readonly bars: Bar[];
  /** The next page, when Polygon cut the answer short (it carries no API key). */
  readonly nextUrl?: string;
}

/** `/v2/aggs/ticker/{T}/range/{n}/{span}/{from}/{to}` -> bars. No `results` means no bars in range. */
export function parseAggregates(body: unknown, interval: Interval): AggregatesPage {
  const page = Wire.root<PolygonAggregates>(POLYGON, throwIfErrorBody(body), 'aggs');
  const results = page.get('results').optional()?.items() ?? [];
  const bars = oldestFirst(
    POLYGON,
    results.map((agg) => aggToBar(agg, interval)),
    'aggs.results',
  );
  const nextUrl = page.get('next_url').optional()?.string();
  return nextUrl === undefined ? { bars } : { bars, nextUrl };
}

function aggToBar(agg: Wire<PolygonAgg>, interval: Interval): Bar {
  return {
    tsMs: weekAwareBarStartMs(interval, agg.get('t').epochMs()),
    open: agg.get('o').price(),
    high: agg.get('h').price(),
    low: agg.get('l').price(),
    close: agg.get('c').price(),
    volume: agg.get('v').quantity(),
  };
}

/** `/v2/aggs/ticker/{T}/prev` -> the previous session's daily bar; no result means an unknown ticker. */
export function parsePreviousClose(body: unknown, symbol: string): Bar {
  const page = Wire.root<PolygonAggregates>(POLYGON, throwIfErrorBody(body), 'aggs/prev');
  const [first] = page.get('results').optional()?.items() ?? [];
  if (!first) throw new UnknownSymbolError(POLYGON, symbol);
  return aggToBar(first, '1d');
}

/**
 * `/v2/aggs/grouped/locale/us/market/stocks/{date}` -> one daily bar per canonical symbol. The
 * whole market comes at once, so tickers with no canonical form (preferreds such as `ABRpD`,
 * warrants) are left out rather than failing the rest.
 */
export function parseGroupedDaily(body: unknown): Map<string, Bar> {
  const page = Wire.root<PolygonAggregates>(POLYGON, throwIfErrorBody(body), 'aggs/grouped');
  const bars = new Map<string, Bar>();
  for (const agg of page.get('results').optional()?.items() ?? []) {
    const symbol = canonicalOrUndefined(agg.get('T').nonEmptyString());
    if (symbol !== undefined) bars.set(symbol, aggToBar(agg, '1d'));
  }
  return bars;
}

function canonicalOrUndefined(ticker: string): string | undefined {
  try {
    return fromPolygonTicker(ticker);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'unsupported-symbol') return undefined;
    throw error;
  }
}

export interface DailyOpenClose {
  readonly bar: Bar;
  readonly preMarket?: Decimal;
  readonly afterHours?: Decimal;
}

/** `/v1/open-close/{T}/{date}` -> that day's bar (00:00 UTC of the date) and its extended-hours prices. */
export function parseDailyOpenClose(body: unknown): DailyOpenClose {
  const day = Wire.root<PolygonDailyOpenClose>(POLYGON, throwIfErrorBody(body), 'open-close');
  const preMarket = day.get('preMarket').optional()?.price();
  const afterHours = day.get('afterHours').optional()?.price();
  return {
    bar: {
      tsMs: day.get('from').dateMs(),
      open: day.get('open').price(),
      high: day.get('high').price(),
      low: day.get('low').price(),
      close: day.get('close').price(),
      volume: day.get('volume').quantity(),
    },
    ...(preMarket ? { preMarket } : {}),
    ...(afterHours ? { afterHours } : {}),
  };
}

export interface SnapshotOptions {
  /** Polygon's snapshot does not say whether the market is open (crypto is always `regular`). */
  readonly marketState: MarketStateOf;
}

/** `/v2/snapshot/.../tickers/{T}` -> Quote; see snapshotToQuote. */
export function parseSnapshot(body: unknown, options: SnapshotOptions): Quote {
  const snapshot = Wire.root<PolygonSnapshot>(POLYGON, throwIfErrorBody(body), 'snapshot');
  return snapshotToQuote(snapshot.get('ticker'), options);
}

/** `/v2/snapshot/.../tickers?tickers=`, `/gainers`, `/losers` -> quotes in wire order. */
export function parseSnapshotList(body: unknown, options: SnapshotOptions): Quote[] {
  const list = Wire.root<PolygonSnapshotList>(POLYGON, throwIfErrorBody(body), 'snapshot');
  return list
    .get('tickers')
    .items()
    .map((ticker) => snapshotToQuote(ticker, options));
}

/**
 * A snapshot ticker -> Quote. last = the last trade (else the day's or minute's close when the plan
 * has no trades); tsMs = that trade's time (else `updated`), from nanoseconds. The day's open, high
 * and low are all 0 before the first trade of the day: they are then reported as the last price.
 */
function snapshotToQuote(ticker: Wire<PolygonSnapshotTicker>, options: SnapshotOptions): Quote {
  const symbol = fromPolygonTicker(ticker.get('ticker').nonEmptyString());
  const canonical = requireCanonical(POLYGON, symbol);
  const trade = ticker.get('lastTrade').optional();
  const day = ticker.get('day');
  const last = trade?.get('p').price() ?? fallbackPrice(ticker);
  const tsMs = (trade?.get('t') ?? ticker.get('updated')).epochNanosMs();
  const traded = day.get('o').decimal().gt(0);
  const currency = currencyOf(canonical);
  if (!currency) throw unsupportedSymbol(POLYGON, symbol, 'its currency is unknown');
  return {
    symbol,
    name: symbol,
    currency,
    last,
    open: traded ? day.get('o').price() : last,
    high: traded ? day.get('h').price() : last,
    low: traded ? day.get('l').price() : last,
    previousClose: ticker.get('prevDay').get('c').price(),
    volume: day.get('v').quantity(),
    tsMs,
    marketState: canonical.kind === 'crypto' ? 'regular' : options.marketState(tsMs),
    source: POLYGON,
    demo: false,
  };
}

function fallbackPrice(ticker: Wire<PolygonSnapshotTicker>): Decimal {
  const dayClose = ticker.get('day').get('c');
  if (dayClose.decimal().gt(0)) return dayClose.price();
  const minute = ticker.get('min').optional();
  return minute ? minute.get('c').price() : dayClose.price();
}
