import type { Bar } from '../engine/bar.js';
import { findPatterns, type PatternName } from '../engine/candles/patterns.js';
import {
  columnValue,
  computeIndicator,
  formatIndicatorSpec,
  indicatorColumns,
  type IndicatorSpec,
} from '../engine/indicators/index.js';
import type { Column, Dataset } from '../output/dataset.js';
import { barColumns, barRecord } from './history.js';

/** One bar with its indicator values (null while warming up) and the patterns it completes. */
export interface IndicatorRow {
  readonly bar: Bar;
  readonly values: ReadonlyArray<number | null>;
  readonly patterns: readonly PatternName[];
}

export interface IndicatorTable {
  /** Column names, in the order of `values` (`rsi_14`, `macd_12_26_9`, ...). */
  readonly columns: readonly string[];
  readonly rows: readonly IndicatorRow[];
}

/** Computes every spec (batch form) and the asked patterns over the bars; columns de-duplicated. */
export function indicatorTable(
  bars: readonly Bar[],
  specs: readonly IndicatorSpec[],
  patterns: readonly PatternName[] | undefined,
): IndicatorTable {
  const series = specs.flatMap((spec) => {
    const outputs = computeIndicator(spec, bars) as unknown[];
    return indicatorColumns(spec).map((column) => ({
      name: column.name,
      values: outputs.map((output) => columnValue(column, output)),
    }));
  });
  const found = patterns === undefined ? undefined : findPatterns(bars, patterns);
  return {
    columns: series.map((s) => s.name),
    rows: bars.map((bar, i) => ({
      bar,
      values: series.map((s) => s.values[i] ?? null),
      patterns: found?.[i] ?? [],
    })),
  };
}

export interface TableSource {
  readonly symbol: string | undefined;
  readonly interval: string | undefined;
  readonly source: string;
  readonly demo: boolean;
}

const DAY_MS = 86_400_000;
const BAR_PRIORITY: Readonly<Record<string, number>> = { volume: 1, open: 2, high: 3, low: 3 };

/**
 * Rows as a dataset: bar columns, one column per indicator output, then `patterns` when asked.
 * JSON carries numbers (null in warm-up) and the patterns as an array; CSV leaves warm-up cells
 * empty and joins patterns with spaces. `humanDigits` rounds values for a terminal table only.
 */
export function indicatorDataset(
  table: IndicatorTable,
  meta: TableSource & { readonly specs: readonly IndicatorSpec[]; readonly patterns?: readonly PatternName[] },
  humanDigits?: number,
): Dataset<IndicatorRow> {
  const intraday = table.rows.some((row) => row.bar.tsMs % DAY_MS !== 0);
  // On a narrow terminal volume, then open, then high and low give way; indicator columns never do.
  const bars: Array<Column<IndicatorRow>> = barColumns(intraday).map((column) => ({
    ...column,
    priority: BAR_PRIORITY[column.key],
    value: (row) => column.value(row.bar),
  }));
  const values: Array<Column<IndicatorRow>> = table.columns.map((name, i) => ({
    key: name,
    header: name.toUpperCase(),
    kind: 'decimal',
    value: (row) => {
      const value = row.values[i] ?? null;
      if (value === null) return undefined;
      return humanDigits === undefined || Number.isInteger(value) ? value : value.toFixed(humanDigits);
    },
  }));
  const patternColumn: Column<IndicatorRow> = {
    key: 'patterns',
    header: 'PATTERNS',
    kind: 'text',
    value: (row) => (row.patterns.length === 0 ? undefined : row.patterns.join(' ')),
  };
  const record = (row: IndicatorRow): Record<string, unknown> => ({
    ...(meta.symbol === undefined ? {} : { symbol: meta.symbol }),
    ...barRecord(row.bar),
    ...Object.fromEntries(table.columns.map((name, i) => [name, row.values[i] ?? null])),
    ...(meta.patterns === undefined ? {} : { patterns: row.patterns }),
  });
  return {
    rows: table.rows,
    columns: [...bars, ...values, ...(meta.patterns === undefined ? [] : [patternColumn])],
    record: (row) => record(row),
    document: () => ({
      symbol: meta.symbol ?? null,
      interval: meta.interval ?? null,
      source: meta.source,
      demo: meta.demo,
      indicators: meta.specs.map(formatIndicatorSpec),
      columns: table.columns,
      ...(meta.patterns === undefined ? {} : { patterns: meta.patterns }),
      bars: table.rows.map((row) => {
        const { symbol: _symbol, ...rest } = record(row);
        return rest;
      }),
    }),
  };
}
