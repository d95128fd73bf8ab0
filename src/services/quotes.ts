import type { Clock } from '../engine/clock.js';
import type { Quote } from '../engine/quote.js';
import type { AppError } from '../errors.js';
import type { MarketDataProvider, QuoteBatch } from '../providers/provider.js';
import type { ResponseCacheRepository } from '../store/response-cache-repository.js';
import { decodeQuote, encodeQuote } from './cache-codec.js';
import {
  FETCHED_NOW,
  freshWithinMs,
  mayServeStale,
  staleFreshness,
  type CachePolicy,
  type Freshness,
} from './freshness.js';

export interface ServedQuote {
  readonly quote: Quote;
  readonly freshness: Freshness;
}

export interface QuoteResult {
  /** In the order asked for. */
  readonly quotes: readonly ServedQuote[];
  readonly failures: readonly { readonly symbol: string; readonly error: AppError }[];
}

export interface QuoteDeps {
  readonly provider: MarketDataProvider;
  /** Without one (no SQLite driver) every quote is asked for and none can be served stale. */
  readonly cache: ResponseCacheRepository | undefined;
  readonly clock: Clock;
  readonly policy: CachePolicy;
}

/**
 * Quotes through the response cache: a quote fetched within the TTL is served as it is; the rest
 * are asked for, and each good answer is cached. A symbol whose refresh failed retryably gets its
 * last good quote, stale with its age (or a StaleDataError past --max-age). Simulated quotes (the
 * demo market, computed offline) are never cached.
 */
export async function getQuotes(symbols: readonly string[], deps: QuoteDeps): Promise<QuoteResult> {
  const cache = deps.provider.capabilities.simulated ? undefined : deps.cache;
  const nowMs = deps.clock.nowMs();
  const served = new Map<string, ServedQuote>();
  const failures = new Map<string, AppError>();
  const toAsk: string[] = [];
  for (const symbol of symbols) {
    const cached = cache?.get('quote', symbol);
    const quote = cached && nowMs - cached.fetchedAtMs <= freshWithinMs(deps.policy) && decodeQuote(cached.body);
    if (quote) served.set(symbol, { quote, freshness: { stale: false, ageMs: nowMs - (cached?.fetchedAtMs ?? 0) } });
    else toAsk.push(symbol);
  }
  const batch = toAsk.length > 0 ? await askProvider(deps.provider, toAsk) : { quotes: [], failures: [] };
  for (const quote of batch.quotes) {
    cache?.put('quote', quote.symbol, { source: quote.source, fetchedAtMs: nowMs, body: encodeQuote(quote) });
    served.set(quote.symbol, { quote, freshness: FETCHED_NOW });
  }
  for (const { symbol, error } of batch.failures) {
    const cached = mayServeStale(error) ? cache?.get('quote', symbol) : undefined;
    const quote = cached && decodeQuote(cached.body);
    if (!cached || !quote) {
      failures.set(symbol, error);
      continue;
    }
    try {
      served.set(symbol, { quote, freshness: staleFreshness(symbol, cached.fetchedAtMs, nowMs, deps.policy, error) });
    } catch (tooOld) {
      failures.set(symbol, tooOld as AppError);
    }
  }
  return {
    quotes: symbols.flatMap((symbol) => served.get(symbol) ?? []),
    failures: symbols.flatMap((symbol) => {
      const error = failures.get(symbol);
      return error ? [{ symbol, error }] : [];
    }),
  };
}

/**
 * Asks in batches of the size the provider accepts; failures stay per symbol, and a batch that
 * fails as a whole fails for each of its symbols (so each can still be served stale).
 */
async function askProvider(provider: MarketDataProvider, symbols: readonly string[]): Promise<QuoteBatch> {
  const size = Math.max(1, provider.capabilities.maxSymbolsPerQuote);
  const batches: Promise<QuoteBatch>[] = [];
  for (let i = 0; i < symbols.length; i += size) {
    const slice = symbols.slice(i, i + size);
    batches.push(
      provider.getQuotes(slice).catch((error: unknown) => {
        if (!mayServeStale(error)) throw error;
        return { quotes: [], failures: slice.map((symbol) => ({ symbol, error })) };
      }),
    );
  }
  const results = await Promise.all(batches);
  return { quotes: results.flatMap((r) => r.quotes), failures: results.flatMap((r) => r.failures) };
}
