import type { MarketData, NewsHeadline } from '../../engine/alerts/index.js';
import type { Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import type { Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { AppError, ProviderError } from '../../errors.js';
import type { MarketDataProvider } from '../../providers/provider.js';
import type { Store } from '../../store/store.js';
import { getHistory } from '../history.js';
import { historyStartMs, type GroupNeeds } from './lookback.js';

export interface MarketDataDeps {
  readonly provider: MarketDataProvider;
  readonly store: Store | undefined;
  readonly clock: Clock;
  /** Cache freshness for an interval (cache.daily-ttl or cache.intraday-ttl). */
  readonly ttlMs: (interval: Interval) => number;
  /** History requests in flight at once. */
  readonly concurrency?: number;
}

export interface Group {
  readonly symbol: string;
  readonly interval: Interval;
  readonly needs: GroupNeeds;
}

export const groupKey = (symbol: string, interval: Interval) => `${symbol} ${interval}`;

export interface GatheredData {
  /** Market data by groupKey. */
  readonly data: Map<string, MarketData>;
  /** Why a group's data is missing, by groupKey. */
  readonly failures: Map<string, AppError>;
  /** Requests made to the provider: quote batches, history and news fetches not served by the cache. */
  readonly requests: { quotes: number; history: number; news: number };
}

/**
 * Fetches what the groups need with as few provider requests as possible: one quote request per
 * `maxSymbolsPerQuote` symbols (only for symbols whose rules read the price), one history request
 * per symbol and interval over the longest lookback (through the cache), news once per symbol.
 * A failure of one symbol is recorded and never stops the others. Each group's data is handed to
 * `visit` as soon as it is gathered and is not kept, so a check over thousands of symbols holds
 * the bars of a few at a time.
 */
export async function visitMarketData(
  groups: readonly Group[],
  deps: MarketDataDeps,
  visit: (key: string, data: MarketData) => void,
): Promise<Omit<GatheredData, 'data'>> {
  const { provider } = deps;
  const nowMs = deps.clock.nowMs();
  const failures = new Map<string, AppError>();
  const requests = { quotes: 0, history: 0, news: 0 };
  const failSymbol = (symbol: string, error: AppError) => {
    for (const group of groups) if (group.symbol === symbol) failures.set(groupKey(symbol, group.interval), error);
  };

  const quoteSymbols = [...new Set(groups.filter((g) => g.needs.quote).map((g) => g.symbol))];
  const quotes = await fetchQuotes(quoteSymbols, provider, failSymbol, requests);
  const newsSymbols = [...new Set(groups.filter((g) => g.needs.news).map((g) => g.symbol))];
  const news = await fetchNews(newsSymbols, provider, failSymbol, requests);

  const pending = groups.filter((group) => !failures.has(groupKey(group.symbol, group.interval)));
  const worker = async () => {
    for (let group = pending.shift(); group !== undefined; group = pending.shift()) {
      const key = groupKey(group.symbol, group.interval);
      if (!provider.capabilities.intervals.includes(group.interval)) {
        failures.set(
          key,
          new AppError('interval-unavailable', `${provider.id} has no ${group.interval} bars for ${group.symbol}`),
        );
        continue;
      }
      try {
        const request = {
          symbol: group.symbol,
          interval: group.interval,
          fromMs: historyStartMs(group.interval, group.needs, nowMs),
          toMs: nowMs,
        };
        const ttlMs = deps.ttlMs(group.interval);
        let bars = cachedTail(deps.store, request, group.needs, nowMs - ttlMs);
        if (bars === undefined) {
          const history = await getHistory(request, {
            provider,
            store: deps.store,
            clock: deps.clock,
            policy: { ttlMs },
          });
          if (!history.fromCache) requests.history++;
          bars = history.bars;
        }
        const quote = quotes.get(group.symbol);
        visit(key, {
          bars,
          ...(quote === undefined ? {} : { quote: { price: quote.last.toNumber(), tsMs: quote.tsMs } }),
          ...(group.needs.news ? { news: news.get(group.symbol) ?? [] } : {}),
          cache: new Map(),
        });
      } catch (error) {
        failures.set(key, asAppError(error));
      }
    }
  };
  await Promise.all(Array.from({ length: deps.concurrency ?? 4 }, worker));
  return { failures, requests };
}

/** visitMarketData, with every group's data kept by groupKey. */
export async function gatherMarketData(groups: readonly Group[], deps: MarketDataDeps): Promise<GatheredData> {
  const data = new Map<string, MarketData>();
  const gathered = await visitMarketData(groups, deps, (key, value) => data.set(key, value));
  return { ...gathered, data };
}

/**
 * The bars getHistory would serve from the cache (same test: the instrument is known and the
 * range was fetched within the TTL), cut to what the rules read: the last `lookbackBars` bars,
 * which every operand but `change(...)` stays within (an indicator over its own lookback,
 * avg_volume over period + 1, fields and news at the last two bars), so evaluation is the same
 * as over the whole range. With a `change(...)` the whole range. Read lazily (getRecentBars).
 * Undefined when getHistory has to ask the provider.
 */
function cachedTail(
  store: Store | undefined,
  request: { symbol: string; interval: Interval; fromMs: number; toMs: number },
  needs: GroupNeeds,
  freshSinceMs: number,
): readonly Bar[] | undefined {
  const { symbol, interval, fromMs, toMs } = request;
  if (store === undefined || store.instruments.get(symbol) === undefined) return undefined;
  if (!store.coverage.isCovered(symbol, interval, fromMs, toMs, freshSinceMs)) return undefined;
  return store.bars.getRecentBars(symbol, interval, fromMs, toMs, needs.changeMs > 0 ? undefined : needs.lookbackBars);
}

async function fetchQuotes(
  symbols: readonly string[],
  provider: MarketDataProvider,
  failSymbol: (symbol: string, error: AppError) => void,
  requests: { quotes: number },
): Promise<Map<string, Quote>> {
  const quotes = new Map<string, Quote>();
  const failed = new Set<string>();
  const fail = (symbol: string, error: AppError) => {
    failed.add(symbol);
    failSymbol(symbol, error);
  };
  const size = Math.max(1, provider.capabilities.maxSymbolsPerQuote);
  for (let start = 0; start < symbols.length; start += size) {
    const chunk = symbols.slice(start, start + size);
    try {
      requests.quotes++;
      const batch = await provider.getQuotes(chunk);
      for (const quote of batch.quotes) quotes.set(quote.symbol, quote);
      for (const failure of batch.failures) fail(failure.symbol, failure.error);
    } catch (error) {
      for (const symbol of chunk) fail(symbol, asAppError(error));
    }
  }
  for (const symbol of symbols) {
    if (!quotes.has(symbol) && !failed.has(symbol))
      failSymbol(
        symbol,
        new ProviderError(provider.id, 'no-quote', `${provider.id} gave no quote for ${symbol}`, true),
      );
  }
  return quotes;
}

async function fetchNews(
  symbols: readonly string[],
  provider: MarketDataProvider,
  failSymbol: (symbol: string, error: AppError) => void,
  requests: { news: number },
): Promise<Map<string, NewsHeadline[]>> {
  const news = new Map<string, NewsHeadline[]>();
  for (const symbol of symbols) {
    if (!provider.capabilities.news || provider.getNews === undefined) {
      failSymbol(
        symbol,
        new AppError('news-unavailable', `${provider.id} gives no news, which the rules on ${symbol} read`, 1, {
          hint: 'use a provider with news, e.g. --provider yahoo',
        }),
      );
      continue;
    }
    try {
      requests.news++;
      const items = await provider.getNews(symbol);
      news.set(
        symbol,
        items.map((item) => ({ title: item.title, publishedMs: item.publishedMs })),
      );
    } catch (error) {
      failSymbol(symbol, asAppError(error));
    }
  }
  return news;
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  throw error;
}
