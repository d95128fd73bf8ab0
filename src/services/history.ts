import type { Bar } from '../engine/bar.js';
import type { Clock } from '../engine/clock.js';
import type { Instrument } from '../engine/instrument.js';
import { intervalMs, type Interval } from '../engine/interval.js';
import type { History, HistoryRequest, MarketDataProvider } from '../providers/provider.js';
import { gaps, type TimeRange } from '../store/coverage-ranges.js';
import type { Store } from '../store/store.js';
import {
  FETCHED_NOW,
  freshWithinMs,
  mayServeStale,
  staleFreshness,
  type CachePolicy,
  type Freshness,
} from './freshness.js';

export interface HistoryResult {
  readonly instrument: Instrument;
  readonly interval: Interval;
  readonly bars: readonly Bar[];
  /** The provider that answered (or, from the cache, the one that last did). */
  readonly source: string;
  /** True when every bar came from the cache without asking the provider. */
  readonly fromCache: boolean;
  /** True when the bars are simulated (the demo market). */
  readonly demo: boolean;
  readonly freshness: Freshness;
  /** The ranges that were fetched (empty when served from the cache). */
  readonly fetched: readonly TimeRange[];
}

export interface HistoryDeps {
  readonly provider: MarketDataProvider;
  /** The cache; without one (no SQLite driver) every call asks the provider. */
  readonly store: Store | undefined;
  readonly clock: Clock;
  /** How long a fetched range stays fresh for this interval, and --max-age. */
  readonly policy: CachePolicy;
}

/**
 * History through the SQLite cache, refreshed incrementally: only the parts of the range that
 * were never fetched, or that were still forming when last fetched more than a TTL ago, are
 * asked for (see missingRanges). Bars, coverage and instrument are written in one transaction,
 * so a failure leaves nothing half-written. When the refresh fails retryably and bars of the
 * range are cached, they are served stale with their age (or refused past --max-age).
 */
export async function getHistory(request: HistoryRequest, deps: HistoryDeps): Promise<HistoryResult> {
  const { store, provider, clock } = deps;
  const nowMs = clock.nowMs();
  const toMs = Math.min(request.toMs, nowMs);
  const demo = provider.capabilities.simulated;
  if (!store) {
    const history = await provider.getHistory({ ...request, toMs });
    const fetched = [{ fromMs: request.fromMs, toMs }];
    return {
      ...history,
      source: history.source ?? provider.id,
      fromCache: false,
      demo,
      freshness: FETCHED_NOW,
      fetched,
    };
  }
  const { symbol, interval, fromMs } = request;
  const cachedInstrument = store.instruments.get(symbol);
  const missing = missingRanges(store, request, toMs, nowMs - freshWithinMs(deps.policy));
  const fromStore = (instrument: Instrument, freshness: Freshness, fetched: readonly TimeRange[]): HistoryResult => ({
    instrument,
    interval,
    bars: store.bars.getBars(symbol, interval, fromMs, toMs),
    source: lastSource(store, request, toMs) ?? provider.id,
    fromCache: fetched.length === 0,
    demo,
    freshness,
    fetched,
  });
  if (cachedInstrument && missing.length === 0) {
    return fromStore(cachedInstrument, freshnessOf(store, request, toMs, nowMs), []);
  }
  // Without its instrument a covered range is refetched whole (the description comes with it).
  const ranges = missing.length > 0 ? missing : [{ fromMs, toMs }];
  let parts: History[];
  try {
    parts = await fetchRanges(provider, request, ranges);
  } catch (error) {
    const fetchedAtMs = lastFetchMs(store, request, toMs);
    if (!mayServeStale(error) || !cachedInstrument || fetchedAtMs === undefined) throw error;
    return fromStore(cachedInstrument, staleFreshness(symbol, fetchedAtMs, nowMs, deps.policy, error), []);
  }
  const instrument = save(store, request, ranges, parts, { providerId: provider.id, nowMs });
  return fromStore(instrument, FETCHED_NOW, ranges);
}

/** One range after another: most refreshes are one (the newest bars), and providers dislike bursts. */
async function fetchRanges(
  provider: MarketDataProvider,
  request: HistoryRequest,
  ranges: readonly TimeRange[],
): Promise<History[]> {
  const parts: History[] = [];
  for (const range of ranges) {
    parts.push(await provider.getHistory({ symbol: request.symbol, interval: request.interval, ...range }));
  }
  return parts;
}

/** Writes every fetched part with its coverage, and the newest instrument, in one transaction. */
function save(
  store: Store,
  request: HistoryRequest,
  ranges: readonly TimeRange[],
  parts: readonly History[],
  at: { readonly providerId: string; readonly nowMs: number },
): Instrument {
  const { symbol, interval } = request;
  const last = parts[parts.length - 1] as History;
  store.transaction(() => {
    parts.forEach((part, i) => {
      const range = ranges[i] as TimeRange;
      store.bars.upsertBars(symbol, interval, part.bars);
      store.coverage.record(symbol, interval, part.source ?? at.providerId, range.fromMs, range.toMs, at.nowMs);
    });
    store.instruments.upsert(last.instrument, last.source ?? at.providerId, at.nowMs);
  });
  return last.instrument;
}

/**
 * What must be fetched for [fromMs, toMs). A piece fetched within the TTL counts in full, and
 * when it ran up to its own "now" it also stands for the bars still forming since (else a range
 * ending now would never come from the cache). Of an older piece only the bars that were
 * already complete when it was fetched count (they end at least one bar before the fetch): a
 * closed bar does not change, so a refresh asks only for the recent end, not the whole range.
 */
function missingRanges(store: Store, request: HistoryRequest, toMs: number, freshSinceMs: number): TimeRange[] {
  const span = intervalMs(request.interval);
  const known = store.coverage.pieces(request.symbol, request.interval).flatMap((piece): TimeRange[] => {
    if (piece.fetchedAtMs >= freshSinceMs) {
      const reachedNow = piece.toMs >= piece.fetchedAtMs;
      return [{ fromMs: piece.fromMs, toMs: reachedNow ? Math.max(piece.toMs, toMs) : piece.toMs }];
    }
    const settledToMs = Math.min(piece.toMs, piece.fetchedAtMs - span);
    return settledToMs > piece.fromMs ? [{ fromMs: piece.fromMs, toMs: settledToMs }] : [];
  });
  return gaps(known, request.fromMs, toMs);
}

/** The coverage pieces of the asked range, of any source and age. */
function piecesOf(store: Store, request: HistoryRequest, toMs: number) {
  return store.coverage
    .pieces(request.symbol, request.interval)
    .filter((piece) => piece.fromMs < toMs && piece.toMs > request.fromMs);
}

/** When bars of the range were last fetched, or undefined when none ever were. */
function lastFetchMs(store: Store, request: HistoryRequest, toMs: number): number | undefined {
  const times = piecesOf(store, request, toMs).map((piece) => piece.fetchedAtMs);
  return times.length === 0 ? undefined : Math.max(...times);
}

function lastSource(store: Store, request: HistoryRequest, toMs: number): string | undefined {
  const pieces = piecesOf(store, request, toMs).sort((a, b) => b.fetchedAtMs - a.fetchedAtMs);
  return pieces[0]?.source;
}

function freshnessOf(store: Store, request: HistoryRequest, toMs: number, nowMs: number): Freshness {
  const fetchedAtMs = lastFetchMs(store, request, toMs);
  return { stale: false, ageMs: fetchedAtMs === undefined ? 0 : Math.max(0, nowMs - fetchedAtMs) };
}
