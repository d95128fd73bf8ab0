import type { Decimal } from '../engine/decimal.js';

/** How a column's values read to a person; machine formats always get the raw value. */
export type ColumnKind =
  | 'text'
  | 'decimal' // aligned on the decimal point
  | 'signed' // like decimal, with a sign and up/down color
  | 'percent' // signed, two decimals, a % sign
  | 'quantity' // whole numbers with thousands separators
  | 'time' // UTC epoch ms, shown in the display time zone
  | 'date'; // UTC epoch ms, shown as YYYY-MM-DD (UTC)

export type CellValue = string | number | boolean | Decimal | undefined;

export interface Column<Row> {
  /** camelCase name, used as the CSV header. */
  readonly key: string;
  /** Header in human tables. */
  readonly header: string;
  readonly kind: ColumnKind;
  readonly value: (row: Row) => CellValue;
  /** Longest text a human table shows before an ellipsis. */
  readonly maxWidth?: number;
  /** Shown only in human tables (a marker column, say), never in CSV/TSV. */
  readonly humanOnly?: boolean;
  /**
   * When a human table is wider than the terminal, columns are dropped lowest priority first;
   * a column without one is never dropped. Machine formats always carry every column.
   */
  readonly priority?: number;
}

/**
 * What a command hands to the output module: rows, their columns for tables and CSV, and their
 * JSON form. `record` gives one NDJSON object per row; `document` the single `--json` document
 * (by default the array of records).
 */
export interface Dataset<Row> {
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly record: (row: Row) => Record<string, unknown>;
  readonly document?: () => unknown;
}

/** ISO 8601 UTC text of epoch ms, the only time form JSON and CSV carry. */
export function isoTime(tsMs: number): string {
  return new Date(tsMs).toISOString();
}
