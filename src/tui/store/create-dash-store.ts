import type { Clock } from '../../engine/clock.js';
import { isIntraday } from '../../engine/interval.js';
import { rangeStart } from '../../engine/range.js';
import type { MarketDataProvider } from '../../providers/provider.js';
import type { LiveStream } from '../../providers/stream/types.js';
import { getHistory } from '../../services/history.js';
import type { Store } from '../../store/store.js';
import { CHART_RANGES } from '../chart/ranges.js';
import { DashStore } from './dash-store.js';
import type { PriceFeed, Timers } from './feed.js';
import { memoryWatchlists } from './memory-watchlists.js';
import { createPollFeed } from './poll-feed.js';
import { ALERTS_WAITING, type AlertsPort, type HistoryPort } from './ports.js';
import { storeAlerts } from './store-alerts.js';
import { createStreamFeed } from './stream-feed.js';

export const DEMO_WATCHLIST = ['ACME', 'GLOBX', 'QBTX', 'DTMX', '^DEMO', 'ZORK-USD', 'QUX-USD', 'NBL-USD', 'EURUSD=X'];
export const DEFAULT_WATCHLIST = ['AAPL', 'MSFT', 'NVDA', 'SPY', 'BTC-USD', 'ETH-USD'];

/** The demo market's quotes move with the clock: poll it fast. */
export const DEMO_POLL_MS = 1_000;

export interface DashWiring {
  readonly provider: MarketDataProvider;
  /** The SQLite store; without one watchlists live in memory for this run only. */
  readonly store: Store | undefined;
  readonly clock: Clock;
  /** Poll interval for a provider without a stream. */
  readonly refreshMs: number;
  readonly dailyTtlMs: number;
  readonly intradayTtlMs: number;
  /** The process's stream multiplexer, when the provider streams; else quotes are polled. */
  readonly liveStream?: LiveStream;
  readonly alerts?: AlertsPort;
  readonly timers?: Timers;
}

/** The feed for this provider: its live stream when there is one, else a poll of getQuotes. */
export function chooseFeed(wiring: DashWiring): PriceFeed {
  const { provider, clock } = wiring;
  if (wiring.liveStream) {
    return createStreamFeed({
      stream: wiring.liveStream,
      source: provider.id,
      clock,
      snapshot: (symbols) => provider.getQuotes(symbols),
    });
  }
  const intervalMs = provider.capabilities.simulated ? DEMO_POLL_MS : wiring.refreshMs;
  return createPollFeed({ provider, clock, intervalMs, ...(wiring.timers ? { timers: wiring.timers } : {}) });
}

/** The dashboard store wired to real parts: provider, history cache, watchlists in SQLite. */
export function createDashStore(wiring: DashWiring, feed: PriceFeed = chooseFeed(wiring)): DashStore {
  const { provider, store, clock } = wiring;
  const history: HistoryPort = async (symbol, label) => {
    const range = CHART_RANGES.find((r) => r.label === label) ?? CHART_RANGES[2];
    const nowMs = clock.nowMs();
    const result = await getHistory(
      { symbol, interval: range.interval, fromMs: rangeStart(range.range, nowMs), toMs: nowMs },
      {
        provider,
        store,
        clock,
        policy: { ttlMs: isIntraday(range.interval) ? wiring.intradayTtlMs : wiring.dailyTtlMs },
      },
    );
    return result.bars;
  };
  const getNews = provider.getNews?.bind(provider);
  const dash = new DashStore({
    clock,
    feed,
    watchlists: store?.watchlists ?? memoryWatchlists(),
    history,
    news: provider.capabilities.news && getNews ? (symbol) => getNews(symbol) : undefined,
    alerts: wiring.alerts ?? (store ? storeAlerts({ store, provider, clock }) : ALERTS_WAITING),
    search: (text) => provider.search(text),
    demo: provider.capabilities.simulated,
    defaultSymbols: provider.capabilities.simulated ? DEMO_WATCHLIST : DEFAULT_WATCHLIST,
    ...(wiring.timers ? { timers: wiring.timers } : {}),
  });
  if (!store) dash.notify('no SQLite driver: watchlist changes last only for this run', 'error');
  return dash;
}
