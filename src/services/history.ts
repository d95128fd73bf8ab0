import type { Bar } from '../engine/bar.js';
import type { Clock } from '../engine/clock.js';
import type { Instrument } from '../engine/instrument.js';
import type { Interval } from '../engine/interval.js';
import type { HistoryRequest, MarketDataProvider } from '../providers/provider.js';
import type { Store } from '../store/store.js';

export interface HistoryResult {
  readonly instrument: Instrument;
  readonly interval: Interval;
  readonly bars: readonly Bar[];
  readonly source: string;
  /** True when every bar came from the cache without asking the provider. */
  readonly fromCache: boolean;
  /** True when the bars are simulated (the demo market). */
  readonly demo: boolean;
}

export interface HistoryDeps {
  readonly provider: MarketDataProvider;
  /** The cache; without one (no SQLite driver) every call asks the provider. */
  readonly store: Store | undefined;
  readonly clock: Clock;
  /** How long a fetched range stays fresh for this interval. */
  readonly ttlMs: number;
}

/**
 * History through the SQLite cache: served from the store when the whole range was fetched
 * within the TTL, otherwise fetched and written (bars, coverage and instrument in one
 * transaction, so a failure leaves nothing half-written).
 */
export async function getHistory(request: HistoryRequest, deps: HistoryDeps): Promise<HistoryResult> {
  const { store, provider, clock } = deps;
  const nowMs = clock.nowMs();
  const toMs = Math.min(request.toMs, nowMs);
  const freshSinceMs = nowMs - deps.ttlMs;
  if (!store) {
    const history = await provider.getHistory({ ...request, toMs });
    return { ...history, source: provider.id, fromCache: false, demo: provider.capabilities.simulated };
  }
  const cachedInstrument = store.instruments.get(request.symbol);
  if (
    cachedInstrument &&
    store.coverage.isCovered(request.symbol, request.interval, request.fromMs, toMs, freshSinceMs)
  ) {
    return {
      instrument: cachedInstrument,
      interval: request.interval,
      bars: store.bars.getBars(request.symbol, request.interval, request.fromMs, toMs),
      source: provider.id,
      fromCache: true,
      demo: provider.capabilities.simulated,
    };
  }
  const history = await provider.getHistory({ ...request, toMs });
  store.transaction(() => {
    store.bars.upsertBars(request.symbol, request.interval, history.bars);
    store.coverage.record(request.symbol, request.interval, provider.id, request.fromMs, toMs, nowMs);
    store.instruments.upsert(history.instrument, provider.id, nowMs);
  });
  return {
    instrument: history.instrument,
    interval: request.interval,
    bars: history.bars,
    source: provider.id,
    fromCache: false,
    demo: provider.capabilities.simulated,
  };
}
