import { quoteChange } from '../../engine/quote.js';
import type { DashState } from './dash-store.js';
import type { MarketRow } from './market-row.js';

export const SORT_COLUMNS = ['symbol', 'last', 'change', 'changePercent', 'volume'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface SortOrder {
  readonly column: SortColumn;
  readonly descending: boolean;
}

/** A row is stale when no price came for this long (a poll or stream that went quiet). */
export const STALE_AFTER_MS = 10_000;

/** The active watchlist's rows in stored order, or sorted; rows without a price sort last. */
export function visibleRows(state: DashState, sort: SortOrder | undefined): MarketRow[] {
  const list = state.watchlists[state.activeWatchlist];
  const rows = (list?.symbols ?? []).map((s) => state.rows.get(s) ?? { symbol: s, spark: [] });
  if (!sort) return rows;
  const key = (row: MarketRow): number | string | undefined => {
    const q = row.quote;
    if (sort.column === 'symbol') return row.symbol;
    if (!q) return undefined;
    if (sort.column === 'last') return q.last.toNumber();
    if (sort.column === 'volume') return q.volume.toNumber();
    const { change, changePercent } = quoteChange(q);
    return sort.column === 'change' ? change.toNumber() : changePercent?.toNumber();
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
    const order = ka < kb ? -1 : ka > kb ? 1 : 0;
    return sort.descending ? -order : order;
  });
}

/** Milliseconds since the row's last price, when that is long enough to call it stale. */
export function staleAgeMs(row: MarketRow, nowMs: number): number | undefined {
  if (row.receivedMs === undefined) return undefined;
  const age = nowMs - row.receivedMs;
  return age >= STALE_AFTER_MS ? age : undefined;
}

/** `83000` -> `1m`, `9000` -> `9s`, `7200000` -> `2h`. */
export function shortAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}
