import type { Clock } from '../engine/clock.js';
import type { Instrument } from '../engine/instrument.js';
import type { MarketDataProvider, NewsItem } from '../providers/provider.js';
import type { CachedKind, ResponseCacheRepository } from '../store/response-cache-repository.js';
import { decodeInstruments, decodeNews, encodeList } from './cache-codec.js';
import {
  FETCHED_NOW,
  freshWithinMs,
  mayServeStale,
  staleFreshness,
  type CachePolicy,
  type Freshness,
} from './freshness.js';

export interface LookupDeps {
  readonly provider: MarketDataProvider;
  readonly cache: ResponseCacheRepository | undefined;
  readonly clock: Clock;
  readonly policy: CachePolicy;
}

export interface Served<T> {
  readonly value: T;
  readonly freshness: Freshness;
}

/** Instruments matching `text`, through the cache (key: the text in lower case). */
export function searchInstruments(text: string, deps: LookupDeps): Promise<Served<readonly Instrument[]>> {
  return cachedLookup(
    { kind: 'search', key: text.trim().toLowerCase(), subject: `search "${text}"`, decode: decodeInstruments },
    deps,
    () => deps.provider.search(text),
  );
}

/** Headlines for a symbol, or for the market when `symbol` is undefined, newest first. */
export async function getNews(symbol: string | undefined, deps: LookupDeps): Promise<Served<readonly NewsItem[]>> {
  const { provider } = deps;
  const served = await cachedLookup(
    {
      kind: 'news',
      key: symbol ?? '*market*',
      subject: symbol ? `news of ${symbol}` : 'market news',
      decode: decodeNews,
    },
    deps,
    () => {
      if (!provider.capabilities.news || !provider.getNews) return Promise.resolve([]);
      return provider.getNews(symbol);
    },
  );
  const value = [...served.value].sort((a, b) => b.publishedMs - a.publishedMs);
  return { value, freshness: served.freshness };
}

interface LookupKind<T> {
  readonly kind: CachedKind;
  readonly key: string;
  /** Names the request in a stale warning or a --max-age error. */
  readonly subject: string;
  readonly decode: (body: string) => T | undefined;
}

/**
 * A value fetched within the TTL is served from the cache; otherwise it is fetched and cached,
 * and when the fetch fails retryably the last good value is served stale (or refused past
 * --max-age). Simulated providers are computed offline and never cached.
 */
async function cachedLookup<T extends readonly Instrument[] | readonly NewsItem[]>(
  lookup: LookupKind<T>,
  deps: LookupDeps,
  fetch: () => Promise<T>,
): Promise<Served<T>> {
  const cache = deps.provider.capabilities.simulated ? undefined : deps.cache;
  const nowMs = deps.clock.nowMs();
  const cached = cache?.get(lookup.kind, lookup.key);
  const decoded = cached && lookup.decode(cached.body);
  if (cached && decoded && nowMs - cached.fetchedAtMs <= freshWithinMs(deps.policy)) {
    return { value: decoded, freshness: { stale: false, ageMs: nowMs - cached.fetchedAtMs } };
  }
  try {
    const value = await fetch();
    cache?.put(lookup.kind, lookup.key, { source: deps.provider.id, fetchedAtMs: nowMs, body: encodeList(value) });
    return { value, freshness: FETCHED_NOW };
  } catch (error) {
    if (!cached || !decoded || !mayServeStale(error)) throw error;
    return { value: decoded, freshness: staleFreshness(lookup.subject, cached.fetchedAtMs, nowMs, deps.policy, error) };
  }
}
