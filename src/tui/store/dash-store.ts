import type { Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import type { Instrument } from '../../engine/instrument.js';
import type { NewsItem } from '../../providers/provider.js';
import type { Watchlist } from '../../store/watchlist-repository.js';
import type { ChartRangeLabel } from '../chart/ranges.js';
import { systemTimers, type FeedEvent, type FeedState, type PriceFeed, type Timers } from './feed.js';
import { emptyRow, withQuote, withTick, type MarketRow } from './market-row.js';
import type { AlertFiringView, AlertsPort, AlertView, HistoryPort, NewsPort, WatchlistPort } from './ports.js';
import { watchlistActions } from './watchlist-actions.js';

const SEARCH_PAUSE_MS = 120;

export interface ConnectionView {
  readonly source: string;
  readonly state: FeedState;
  readonly message?: string;
}

export interface ChartView {
  readonly symbol: string | undefined;
  readonly range: ChartRangeLabel;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly bars: readonly Bar[];
  readonly error?: string;
}

export interface NewsView {
  readonly symbol: string | undefined;
  readonly status: 'unavailable' | 'loading' | 'ready' | 'error';
  readonly items: readonly NewsItem[];
  readonly message?: string;
}

export interface AlertsView {
  readonly unavailable?: string;
  readonly alerts: readonly AlertView[];
  readonly firings: readonly AlertFiringView[];
}

export interface SearchView {
  readonly query: string;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly results: readonly Instrument[];
  readonly message?: string;
}

/** Everything the dashboard shows that is not view state (selection, focus live in the UI reducer). */
export interface DashState {
  readonly nowMs: number;
  readonly demo: boolean;
  readonly connections: readonly ConnectionView[];
  readonly watchlists: readonly Watchlist[];
  readonly activeWatchlist: number;
  readonly rows: ReadonlyMap<string, MarketRow>;
  readonly chart: ChartView;
  readonly news: NewsView;
  readonly alerts: AlertsView;
  readonly search: SearchView;
  /** A one-line note for the status bar ("added ACME", "unknown symbol XYZ"). */
  readonly notice?: { readonly text: string; readonly level: 'info' | 'error'; readonly atMs: number };
}

export interface DashStoreOptions {
  readonly clock: Clock;
  readonly feed: PriceFeed;
  readonly watchlists: WatchlistPort;
  readonly history: HistoryPort;
  readonly news: NewsPort;
  readonly alerts: AlertsPort;
  /** Instruments matching a text (the provider's search). */
  readonly search: (text: string) => Promise<readonly Instrument[]>;
  readonly demo: boolean;
  /** Symbols for the first watchlist when there is none yet. */
  readonly defaultSymbols: readonly string[];
  /** Longest time between two renders' worth of updates; 100 ms = at most ~10 updates a second. */
  readonly flushMs?: number;
  /** How often the clock in the header (and stale ages) move. */
  readonly tickMs?: number;
  readonly timers?: Timers;
}

/**
 * The dashboard's live state, outside React. Feed events are buffered and applied in one batch
 * at most every `flushMs`, so however fast prices stream, React sees ~10 snapshots a second.
 * `subscribe`/`getSnapshot` are the useSyncExternalStore contract: the snapshot is immutable and
 * replaced whole on each change.
 */
export class DashStore {
  readonly #options: DashStoreOptions;
  readonly #timers: Timers;
  readonly #listeners = new Set<() => void>();
  #state: DashState;
  #pending: FeedEvent[] = [];
  #flushTimer: unknown;
  #tickTimer: unknown;
  #chartRequest = 0;
  #newsRequest = 0;
  #searchRequest = 0;
  #searchTimer: unknown;
  #closed = false;
  readonly watchlist: ReturnType<typeof watchlistActions>;

  constructor(options: DashStoreOptions) {
    this.#options = options;
    this.#timers = options.timers ?? systemTimers;
    let lists = options.watchlists.list();
    if (lists.length === 0) {
      options.watchlists.create('Main', options.defaultSymbols);
      lists = options.watchlists.list();
    }
    this.#state = {
      nowMs: options.clock.nowMs(),
      demo: options.demo,
      connections: [{ source: options.feed.source, state: 'connecting' }],
      watchlists: lists,
      activeWatchlist: 0,
      rows: new Map(),
      chart: { symbol: undefined, range: '1M', status: 'idle', bars: [] },
      news: { symbol: undefined, status: options.news ? 'loading' : 'unavailable', items: [] },
      alerts: this.#alertsView(),
      search: { query: '', status: 'idle', results: [] },
    };
    this.watchlist = watchlistActions({
      port: options.watchlists,
      get: () => this.#state,
      set: (patch) => this.#set(patch),
      watch: () => this.#watchActive(),
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): DashState => this.#state;

  /** Connects the feed to the active watchlist and starts the clock. */
  start(): void {
    this.#options.feed.onEvents((events) => this.#receive(events));
    this.#watchActive();
    this.#scheduleTick();
  }

  close(): void {
    this.#closed = true;
    this.#options.feed.close();
    if (this.#flushTimer !== undefined) this.#timers.clearTimeout(this.#flushTimer);
    if (this.#tickTimer !== undefined) this.#timers.clearTimeout(this.#tickTimer);
    if (this.#searchTimer !== undefined) this.#timers.clearTimeout(this.#searchTimer);
    this.#listeners.clear();
  }

  /** Loads the chart of `symbol` over `range` (a newer request wins over an older one still running). */
  showChart(symbol: string, range: ChartRangeLabel): void {
    const { chart } = this.#state;
    if (chart.symbol === symbol && chart.range === range && chart.status !== 'error') return;
    const request = ++this.#chartRequest;
    const keep = chart.symbol === symbol ? chart.bars : [];
    this.#set({ chart: { symbol, range, status: 'loading', bars: keep } });
    this.#options.history(symbol, range).then(
      (bars) => {
        if (request === this.#chartRequest) this.#set({ chart: { symbol, range, status: 'ready', bars } });
      },
      (error: unknown) => {
        if (request !== this.#chartRequest) return;
        this.#set({ chart: { symbol, range, status: 'error', bars: [], error: messageOf(error) } });
      },
    );
    this.#loadNews(symbol);
  }

  /** Searches `query` after a short pause in typing; only the latest query's answer is shown. */
  search(query: string): void {
    const request = ++this.#searchRequest;
    if (this.#searchTimer !== undefined) this.#timers.clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    if (query.trim() === '') {
      this.#set({ search: { query, status: 'idle', results: [] } });
      return;
    }
    this.#set({ search: { ...this.#state.search, query, status: 'loading' } });
    this.#searchTimer = this.#timers.setTimeout(() => {
      this.#searchTimer = undefined;
      this.#options.search(query).then(
        (results) => {
          if (request === this.#searchRequest) this.#set({ search: { query, status: 'ready', results } });
        },
        (error: unknown) => {
          if (request !== this.#searchRequest) return;
          this.#set({ search: { query, status: 'error', results: [], message: messageOf(error) } });
        },
      );
    }, SEARCH_PAUSE_MS);
  }

  notify(text: string, level: 'info' | 'error' = 'info'): void {
    this.#set({ notice: { text, level, atMs: this.#options.clock.nowMs() } });
  }

  addAlert(symbol: string, rule: string): void {
    this.#options.alerts.add(symbol, rule).then(
      (result) => {
        if (result.ok) this.notify(`alert added: ${symbol} ${rule}`);
        else this.notify(result.message, 'error');
        this.#set({ alerts: this.#alertsView() });
      },
      (error: unknown) => this.notify(`alert not added: ${messageOf(error)}`, 'error'),
    );
  }

  toggleAlert(id: string): void {
    const alert = this.#state.alerts.alerts.find((a) => a.id === id);
    if (!alert) return;
    this.#options.alerts.setEnabled(id, !alert.enabled);
    this.#set({ alerts: this.#alertsView() });
  }

  #alertsView(): AlertsView {
    const port = this.#options.alerts;
    return {
      ...(port.unavailable !== undefined ? { unavailable: port.unavailable } : {}),
      alerts: port.list(),
      firings: port.recentFirings(20),
    };
  }

  #loadNews(symbol: string): void {
    const port = this.#options.news;
    if (!port || this.#state.news.symbol === symbol) return;
    const request = ++this.#newsRequest;
    this.#set({ news: { symbol, status: 'loading', items: [] } });
    port(symbol).then(
      (items) => {
        if (request === this.#newsRequest) this.#set({ news: { symbol, status: 'ready', items } });
      },
      (error: unknown) => {
        if (request === this.#newsRequest) {
          this.#set({ news: { symbol, status: 'error', items: [], message: messageOf(error) } });
        }
      },
    );
  }

  #watchActive(): void {
    const list = this.#state.watchlists[this.#state.activeWatchlist];
    const symbols = list?.symbols ?? [];
    const rows = new Map<string, MarketRow>();
    for (const symbol of symbols) rows.set(symbol, this.#state.rows.get(symbol) ?? emptyRow(symbol));
    this.#set({ rows });
    this.#options.feed.watch(symbols);
  }

  #receive(events: FeedEvent[]): void {
    if (this.#closed) return;
    for (const event of events) this.#pending.push(event);
    this.#flushTimer ??= this.#timers.setTimeout(() => this.#flush(), this.#options.flushMs ?? 100);
  }

  #flush(): void {
    this.#flushTimer = undefined;
    const events = this.#pending;
    this.#pending = [];
    if (events.length === 0 || this.#closed) return;
    const rows = new Map(this.#state.rows);
    let connections = this.#state.connections;
    for (const event of events) {
      if (event.type === 'status') {
        connections = upsertConnection(connections, event);
        continue;
      }
      const symbol =
        event.type === 'quote' ? event.quote.symbol : event.type === 'tick' ? event.tick.symbol : event.symbol;
      const row = rows.get(symbol);
      if (!row) continue; // no longer watched
      if (event.type === 'quote') rows.set(symbol, withQuote(row, event.quote, event.receivedMs));
      else if (event.type === 'tick') rows.set(symbol, withTick(row, event.tick, event.receivedMs));
      else rows.set(symbol, { ...row, error: event.message });
    }
    this.#set({ rows, connections, nowMs: this.#options.clock.nowMs() });
  }

  #scheduleTick(count = 0): void {
    this.#tickTimer = this.#timers.setTimeout(() => {
      if (this.#closed) return;
      // Firings also come from other processes (cron's `alerts check`): look again every 5 s.
      const alerts = count % 5 === 4 ? { alerts: this.#alertsView() } : {};
      this.#set({ nowMs: this.#options.clock.nowMs(), ...alerts });
      this.#scheduleTick(count + 1);
    }, this.#options.tickMs ?? 1000);
  }

  #set(patch: Partial<DashState>): void {
    if (this.#closed) return;
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}

function upsertConnection(
  connections: readonly ConnectionView[],
  event: Extract<FeedEvent, { type: 'status' }>,
): ConnectionView[] {
  const next: ConnectionView = {
    source: event.source,
    state: event.state,
    ...(event.message !== undefined ? { message: event.message } : {}),
  };
  const others = connections.filter((c) => c.source !== event.source);
  return [...others, next].sort((a, b) => a.source.localeCompare(b.source));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
