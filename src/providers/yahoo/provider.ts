import type { Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import type { CorporateAction } from '../../engine/corporate-action.js';
import { INTERVALS } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import { HttpStatusError } from '../http/errors.js';
import type {
  History,
  HistoryRequest,
  MarketDataProvider,
  NewsItem,
  ProviderCapabilities,
  QuoteBatch,
  RequestOptions,
  SymbolFailure,
} from '../provider.js';
import { planHistory, type ChartWindow } from './history-plan.js';
import { createYahooTransport, QUOTE_BATCH_LIMIT, type YahooHttpOptions, type YahooTransport } from './http.js';
import { chartErrorOf, parseChart, parseQuotes, parseSearch } from './parse.js';
import { toYahooSymbol } from './symbols.js';
import { YAHOO } from './values.js';

export interface YahooProviderOptions {
  readonly clock: Clock;
  readonly http?: YahooHttpOptions;
}

/**
 * Intervals: 1m for the last 30 days (fetched in 7-day windows, Yahoo allows 8 per request),
 * 5m/15m/30m for 60 days, 1h for 730 days, 1d/1wk/1mo back to the first trade. Yahoo publishes
 * no quota; it blocks an IP for minutes after bursts, so quotes go in sequential batches.
 */
export const YAHOO_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['equity', 'etf', 'index', 'fx', 'future', 'fund', 'crypto'],
  intervals: INTERVALS,
  quotes: true,
  history: true,
  search: true,
  news: true,
  streaming: false,
  requiresKey: false,
  maxSymbolsPerQuote: QUOTE_BATCH_LIMIT,
  simulated: false,
};

const SEARCH_COUNTS = { quotes: 20, news: 0 };
const NEWS_COUNTS = { quotes: 0, news: 20 };
/** Yahoo has no keyless market-news endpoint; S&P 500 news is the closest to "the market". */
const MARKET_NEWS_QUERY = '^GSPC';

/** Yahoo Finance (keyless, unofficial): quotes, history with dividends and splits, search, news. */
export function createYahooProvider(options: YahooProviderOptions): MarketDataProvider {
  const transport = createYahooTransport({ ...options.http, clock: options.clock });
  return {
    id: YAHOO,
    displayName: 'Yahoo Finance',
    capabilities: YAHOO_CAPABILITIES,
    getQuotes: (symbols, request) => getQuotes(transport, symbols, request),
    getHistory: (request, requestOptions) => getHistory(transport, request, options.clock.nowMs(), requestOptions),
    search: async (text, request) => {
      // Yahoo cannot list everything; an empty query would only cost a request and an error.
      if (text.trim() === '') return [];
      return parseSearch(await transport.search(text.trim(), SEARCH_COUNTS, request?.signal)).instruments;
    },
    getNews: (symbol, request) => getNews(transport, symbol, request),
  };
}

/**
 * Quotes in batches of QUOTE_BATCH_LIMIT, one after another. A batch that fails as a whole puts
 * its symbols into `failures`; after a rate limit no further batch is sent (their symbols fail
 * with the same error). When nothing succeeded, the first whole-batch error is thrown instead, so
 * that a router can fall back to another provider for the lot.
 */
async function getQuotes(
  transport: YahooTransport,
  symbols: readonly string[],
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const { valid, failures } = canonicalSymbols(symbols);
  const quotes: Quote[] = [];
  let batchError: ProviderError | undefined;
  let rateLimit: RateLimitError | undefined;
  for (let start = 0; start < valid.length; start += QUOTE_BATCH_LIMIT) {
    const batch = valid.slice(start, start + QUOTE_BATCH_LIMIT);
    try {
      if (rateLimit) throw rateLimit; // sending more would only extend Yahoo's block
      const parsed = parseQuotes(await transport.quote(batch, options?.signal), batch);
      quotes.push(...parsed.quotes);
      failures.push(...parsed.failures);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      batchError ??= error;
      if (error instanceof RateLimitError) rateLimit = error;
      failures.push(...batch.map((symbol) => ({ symbol, error })));
    }
  }
  if (batchError && quotes.length === 0) throw batchError;
  return { quotes, failures };
}

function canonicalSymbols(symbols: readonly string[]): { valid: string[]; failures: SymbolFailure[] } {
  const valid = new Set<string>();
  const failures: SymbolFailure[] = [];
  for (const text of symbols) {
    const symbol = toYahooSymbol(text);
    if (symbol) valid.add(symbol);
    else failures.push({ symbol: text, error: new UnknownSymbolError(YAHOO, text) });
  }
  return { valid: [...valid], failures };
}

async function getHistory(
  transport: YahooTransport,
  request: HistoryRequest,
  nowMs: number,
  options?: RequestOptions,
): Promise<History> {
  const symbol = toYahooSymbol(request.symbol);
  if (!symbol) throw new UnknownSymbolError(YAHOO, request.symbol);
  const parts: History[] = [];
  for (const window of planHistory(request, nowMs)) {
    parts.push(await chartWindow(transport, { ...request, symbol }, window, options));
  }
  const last = parts[parts.length - 1] as History;
  const bars: Bar[] = parts.flatMap((part) => part.bars);
  const actions: CorporateAction[] = parts.flatMap((part) => part.actions ?? []);
  return { instrument: last.instrument, interval: request.interval, bars, actions };
}

async function chartWindow(
  transport: YahooTransport,
  request: HistoryRequest,
  window: ChartWindow,
  options?: RequestOptions,
): Promise<History> {
  try {
    const body = await transport.chart(request.symbol, window.query, options?.signal);
    return parseChart(body, { ...request, fromMs: window.fromMs, toMs: window.toMs });
  } catch (error) {
    throw error instanceof HttpStatusError && [400, 404, 422].includes(error.status)
      ? chartErrorOf(request.symbol, chartErrorBody(error.body), error.status)
      : error;
  }
}

/** The `chart.error` of an error body, or undefined when the body is not that JSON. */
function chartErrorBody(body: string): { code?: string; description?: string } | undefined {
  try {
    const parsed = JSON.parse(body) as { chart?: { error?: { code?: string; description?: string } } };
    return parsed.chart?.error ?? undefined;
  } catch {
    return undefined;
  }
}

async function getNews(
  transport: YahooTransport,
  symbol: string | undefined,
  options?: RequestOptions,
): Promise<readonly NewsItem[]> {
  const query = symbol === undefined ? MARKET_NEWS_QUERY : toYahooSymbol(symbol);
  if (!query) throw new UnknownSymbolError(YAHOO, symbol ?? '');
  return parseSearch(await transport.search(query, NEWS_COUNTS, options?.signal)).news;
}
