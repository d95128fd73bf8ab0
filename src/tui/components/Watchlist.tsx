import { Box, Text } from 'ink';
import { memo } from 'react';
import { sparkline } from '../chart/candles.js';
import { fit, quoteCells } from '../format.js';
import type { MarketRow } from '../store/market-row.js';
import { shortAge, staleAgeMs, type SortOrder } from '../store/selectors.js';
import type { Theme } from '../theme.js';

export interface WatchlistProps {
  readonly rows: readonly MarketRow[];
  readonly selected: number;
  readonly focused: boolean;
  readonly sort: SortOrder | undefined;
  readonly nowMs: number;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

interface Column {
  readonly key: 'symbol' | 'last' | 'change' | 'changePercent' | 'volume' | 'spark' | 'age';
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

const COLUMNS: readonly Column[] = [
  { key: 'symbol', header: ' SYMBOL', width: 10, align: 'left' },
  { key: 'last', header: 'LAST', width: 11, align: 'right' },
  { key: 'change', header: 'CHG', width: 9, align: 'right' },
  { key: 'changePercent', header: 'CHG%', width: 8, align: 'right' },
  { key: 'volume', header: 'VOL', width: 7, align: 'right' },
  { key: 'spark', header: 'TREND', width: 11, align: 'left' },
  { key: 'age', header: 'AGE', width: 5, align: 'right' },
];
/** Dropped first when the pane is narrow. */
const DROP_ORDER: readonly Column['key'][] = ['spark', 'volume', 'change'];

/** Columns that fit `width` (one space between columns). */
export function watchlistColumns(width: number): Column[] {
  let columns = [...COLUMNS];
  const total = () => columns.reduce((sum, c) => sum + c.width + 1, 0);
  for (const key of DROP_ORDER) {
    if (total() <= width) break;
    columns = columns.filter((c) => c.key !== key);
  }
  return columns;
}

/** The active watchlist as a table; the selected row in inverse video, stale rows marked with their age. */
export const WatchlistPane = memo(function WatchlistPane(props: WatchlistProps) {
  const { rows, selected, focused, sort, nowMs, theme, width, height } = props;
  const inner = width - 2;
  const columns = watchlistColumns(inner);
  const bodyRows = Math.max(0, height - 3);
  const first = Math.max(0, Math.min(selected - bodyRows + 1, rows.length - bodyRows));
  const shown = rows.slice(Math.max(0, first), Math.max(0, first) + bodyRows);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.focusBorder : theme.border}
      overflow="hidden"
    >
      <Text bold color={theme.muted}>
        {columns.map((c) => fit(c.header + sortMark(c.key, sort), c.width, c.align)).join(' ')}
      </Text>
      {rows.length === 0 ? <Text color={theme.muted}>empty watchlist: press / to add a symbol</Text> : null}
      {shown.map((row, i) => (
        <WatchlistRow
          key={row.symbol}
          row={row}
          columns={columns}
          selected={first + i === selected}
          nowMs={nowMs}
          theme={theme}
        />
      ))}
    </Box>
  );
});

function sortMark(key: Column['key'], sort: SortOrder | undefined): string {
  if (!sort || sort.column !== key) return '';
  return sort.descending ? '▼' : '▲';
}

interface RowProps {
  readonly row: MarketRow;
  readonly columns: readonly Column[];
  readonly selected: boolean;
  readonly nowMs: number;
  readonly theme: Theme;
}

function WatchlistRow({ row, columns, selected, nowMs, theme }: RowProps) {
  const cells = row.quote ? quoteCells(row.quote) : undefined;
  const stale = staleAgeMs(row, nowMs);
  const tone = cells?.direction === 'up' ? theme.up : cells?.direction === 'down' ? theme.down : undefined;
  const text = (key: Column['key'], width: number): string => {
    switch (key) {
      case 'symbol':
        return `${selected ? '›' : ' '}${row.symbol}`;
      case 'last':
        return cells?.last ?? (row.error ? 'error' : '…');
      case 'change':
        return cells?.change ?? '';
      case 'changePercent':
        return cells?.changePercent ?? '';
      case 'volume':
        return cells?.volume ?? '';
      case 'spark':
        return sparkline(row.spark, width);
      case 'age':
        return stale === undefined ? '' : `⚠${shortAge(stale)}`;
    }
  };
  return (
    <Text inverse={selected} wrap="truncate">
      {columns.map((c, i) => {
        const value = fit(text(c.key, c.width), c.width, c.align) + (i < columns.length - 1 ? ' ' : '');
        const color =
          c.key === 'change' || c.key === 'changePercent' || c.key === 'spark'
            ? tone
            : c.key === 'age'
              ? theme.warning
              : c.key === 'last' && row.error && !cells
                ? theme.down
                : undefined;
        return (
          <Text key={c.key} color={color} bold={c.key === 'symbol'}>
            {value}
          </Text>
        );
      })}
    </Text>
  );
}
