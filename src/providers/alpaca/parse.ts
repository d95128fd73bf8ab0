import type { Bar } from '../../engine/bar.js';
import { Decimal } from '../../engine/decimal.js';
import type { Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../../errors.js';
import type { NewsItem, QuoteBatch, SymbolFailure } from '../provider.js';
import { currencyOf, requireCanonical } from '../symbols.js';
import { weekAwareBarStartMs } from '../week-start.js';
import { Wire, oldestFirst, type MarketStateOf } from '../wire-guards.js';
import { ALPACA, fromAlpacaSymbol, toAlpacaSymbol } from './symbols.js';
import type { AlpacaBar, AlpacaBars, AlpacaLatestBars, AlpacaNews, AlpacaSnapshot, AlpacaSnapshots } from './wire.js';

export { classifyError } from './errors.js';

export interface BarsPage {
  /** Canonical symbol -> bars oldest first (also for `sort=desc` pages). */
  readonly bars: Map<string, Bar[]>;
  /** More bars follow, possibly for a symbol already in this page. */
  readonly nextPageToken?: string;
}

/** Stock or crypto bars -> bars per canonical symbol; daily bars start at 00:00 UTC of their date. */
export function parseBars(body: unknown, interval: Interval): BarsPage {
  const page = Wire.root<AlpacaBars>(ALPACA, body, 'bars');
  const bars = new Map<string, Bar[]>();
  for (const [wire, rows] of page.get('bars').entries()) {
    const parsed = rows.items().map((row) => toBar(row, interval));
    bars.set(fromAlpacaSymbol(wire), oldestFirst(ALPACA, parsed, `bars.${wire}`));
  }
  const token = page.get('next_page_token').optional()?.nonEmptyString();
  return token === undefined ? { bars } : { bars, nextPageToken: token };
}

/** Latest minute bar per canonical symbol. */
export function parseLatestBars(body: unknown): Map<string, Bar> {
  const page = Wire.root<AlpacaLatestBars>(ALPACA, body, 'bars/latest');
  return new Map(
    page
      .get('bars')
      .entries()
      .map(([wire, row]) => [fromAlpacaSymbol(wire), toBar(row, '1m')]),
  );
}

function toBar(row: Wire<AlpacaBar>, interval: Interval): Bar {
  return {
    tsMs: weekAwareBarStartMs(interval, row.get('t').isoTimeMs()),
    open: row.get('o').price(),
    high: row.get('h').price(),
    low: row.get('l').price(),
    close: row.get('c').price(),
    volume: row.get('v').quantity(),
  };
}

export interface SnapshotOptions {
  /** The canonical symbols asked for; any Alpaca left out or sent as null is an unknown symbol. */
  readonly symbols: readonly string[];
  /** Alpaca's snapshot does not say whether the market is open (crypto is always `regular`). */
  readonly marketState: MarketStateOf;
}

/**
 * Stock snapshots (symbol -> snapshot) or crypto snapshots (the same inside `snapshots`) -> one
 * quote per symbol asked for; a malformed snapshot fails only its symbol.
 */
export function parseSnapshots(body: unknown, options: SnapshotOptions): QuoteBatch {
  const root = Wire.root<AlpacaSnapshots>(ALPACA, body, 'snapshots');
  // A stock symbol is never lower case, so the crypto wrapper key cannot be a symbol.
  const inner = root.get('snapshots').optional() as Wire<AlpacaSnapshots> | undefined;
  const snapshots = new Map((inner ?? root).entries());
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  for (const symbol of options.symbols) {
    try {
      const snapshot = snapshots.get(toAlpacaSymbol(symbol))?.optional();
      if (snapshot) quotes.push(snapshotToQuote(snapshot, symbol, options.marketState));
      else failures.push({ symbol, error: new UnknownSymbolError(ALPACA, symbol) });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol, error });
    }
  }
  return { quotes, failures };
}

/**
 * last = the latest trade (any session, so it can lie outside the regular day's range); open,
 * high, low and volume = the daily bar; previousClose = the previous daily bar's close. Without a
 * trade, the minute bar's close stands in; without a daily bar (no trade yet), the range is last.
 */
function snapshotToQuote(snapshot: Wire<AlpacaSnapshot>, symbol: string, marketState: MarketStateOf): Quote {
  const canonical = requireCanonical(ALPACA, symbol);
  const trade = snapshot.get('latestTrade').optional();
  const minute = snapshot.get('minuteBar').optional();
  const day = snapshot.get('dailyBar').optional();
  const bar = minute ?? snapshot.get('dailyBar');
  const last = trade ? trade.get('p').price() : bar.get('c').price();
  const tsMs = trade ? trade.get('t').isoTimeMs() : bar.get('t').isoTimeMs();
  return {
    symbol,
    name: symbol,
    // toAlpacaSymbol admitted only US shares (USD) and crypto pairs (their quote), so this is known.
    currency: currencyOf(canonical) ?? 'USD',
    last,
    open: day ? day.get('o').price() : last,
    high: day ? day.get('h').price() : last,
    low: day ? day.get('l').price() : last,
    previousClose: snapshot.get('prevDailyBar').get('c').price(),
    volume: day ? day.get('v').quantity() : Decimal.ZERO,
    tsMs,
    marketState: canonical.kind === 'crypto' ? 'regular' : marketState(tsMs),
    source: ALPACA,
    demo: false,
  };
}

export interface NewsPage {
  readonly news: NewsItem[];
  readonly nextPageToken?: string;
}

/** `/v1beta1/news` -> news as sent (newest first); the publisher is Alpaca's `source` (Benzinga). */
export function parseNews(body: unknown): NewsPage {
  const page = Wire.root<AlpacaNews>(ALPACA, body, 'news');
  const news = page
    .get('news')
    .items()
    .map((item) => ({
      id: String(item.get('id').integer()),
      title: item.get('headline').nonEmptyString(),
      publisher: item.get('source').nonEmptyString(),
      url: item.get('url').string(),
      publishedMs: item.get('created_at').isoTimeMs(),
      symbols: item
        .get('symbols')
        .items()
        .flatMap((wire) => canonicalOrNothing(wire.string())),
    }));
  const token = page.get('next_page_token').optional()?.nonEmptyString();
  return token === undefined ? { news } : { news, nextPageToken: token };
}

function canonicalOrNothing(wire: string): string[] {
  try {
    return [fromAlpacaSymbol(wire)];
  } catch {
    return [];
  }
}
