import type { Bar } from '../../engine/bar.js';
import type { NewsItem } from '../../providers/provider.js';
import type { Watchlist } from '../../store/watchlist-repository.js';
import type { ChartRangeLabel } from '../chart/ranges.js';

/** Where the dashboard keeps watchlists: `store.watchlists`, or an in-memory list without SQLite. */
export interface WatchlistPort {
  list(): Watchlist[];
  create(name: string, symbols?: readonly string[]): Watchlist;
  rename(id: number, name: string): void;
  addSymbol(id: number, symbol: string): void;
  removeSymbol(id: number, symbol: string): void;
  moveSymbol(id: number, symbol: string, to: number): void;
  move(id: number, to: number): void;
}

/** Bars for the chart of one symbol over one of the chart's ranges (through the history cache). */
export type HistoryPort = (symbol: string, range: ChartRangeLabel) => Promise<readonly Bar[]>;

/** News for a symbol, when the provider has any. */
export type NewsPort = ((symbol: string) => Promise<readonly NewsItem[]>) | undefined;

export interface AlertView {
  readonly id: string;
  readonly symbol: string;
  readonly rule: string;
  readonly enabled: boolean;
}

export interface AlertFiringView {
  readonly alertId: string;
  readonly symbol: string;
  readonly rule: string;
  readonly firedMs: number;
  readonly message: string;
}

/**
 * The alerts pane's view of the alert services (migration 4): `storeAlerts` over the SQLite
 * store; ALERTS_WAITING when there is no store (no SQLite driver), and the pane says so.
 */
export interface AlertsPort {
  /** Undefined when alerts work; otherwise why the pane cannot show them. */
  readonly unavailable?: string;
  list(): readonly AlertView[];
  recentFirings(limit: number): readonly AlertFiringView[];
  /** Adds a rule such as `price > 200`; resolves to an error message instead of throwing. */
  add(symbol: string, rule: string): Promise<{ ok: true } | { ok: false; message: string }>;
  setEnabled(id: string, enabled: boolean): void;
}

export const ALERTS_WAITING: AlertsPort = {
  unavailable: 'alerts need the database, and the SQLite driver is not built here',
  list: () => [],
  recentFirings: () => [],
  add: async () => ({ ok: false, message: 'alerts need the database (SQLite driver not built)' }),
  setEnabled: () => undefined,
};
