import type { Bar } from '../engine/bar.js';
import { Decimal } from '../engine/decimal.js';
import { UsageError } from '../errors.js';

/** Columns an OHLCV CSV must have (any order, any case); `time`/`timestamp`/`datetime` also name the date. */
export const OHLCV_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
type OhlcvColumn = (typeof OHLCV_COLUMNS)[number];

const DATE_ALIASES = ['date', 'time', 'timestamp', 'datetime'];
/** Epoch numbers below this are seconds (up to the year 5138), at or above it milliseconds (from 1973). */
const SECONDS_LIMIT = 100_000_000_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes as `""` and line
 * breaks; CRLF or LF line ends; a leading byte-order mark is ignored). Each record carries the
 * 1-based line it starts on. Blank lines are skipped.
 */
export function splitCsv(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += char;
    }
  }
  if (quoted) throw new UsageError(`CSV line ${start}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A time cell: `YYYY-MM-DD` (UTC midnight), an ISO 8601 time (UTC unless it names a zone), or epoch seconds/ms. */
export function parseTimeCell(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value < SECONDS_LIMIT ? value * 1000 : value;
  }
  if (DATE_ONLY.test(text)) return Date.parse(`${text}T00:00:00Z`);
  if (!ISO_TIME.test(text)) return undefined;
  const normalized = text.replace(' ', 'T');
  const tsMs = Date.parse(HAS_ZONE.test(normalized) ? normalized : `${normalized}Z`);
  return Number.isNaN(tsMs) ? undefined : tsMs;
}

function columnIndexes(header: readonly string[]): Record<OhlcvColumn, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const find = (column: OhlcvColumn): number =>
    column === 'date' ? names.findIndex((name) => DATE_ALIASES.includes(name)) : names.indexOf(column);
  const indexes = Object.fromEntries(OHLCV_COLUMNS.map((column) => [column, find(column)])) as Record<
    OhlcvColumn,
    number
  >;
  const missing = OHLCV_COLUMNS.filter((column) => indexes[column] < 0);
  if (missing.length > 0) {
    throw new UsageError(`CSV header (line 1) lacks ${missing.join(', ')}: it has ${names.join(', ') || 'nothing'}`, {
      hint: `the header needs ${OHLCV_COLUMNS.join(', ')} in any order (date may be called time); other columns are ignored`,
    });
  }
  return indexes;
}

const rowError = (line: number, column: string, message: string): UsageError =>
  new UsageError(`CSV line ${line}, column ${column}: ${message}`);

function parseRow(line: number, fields: readonly string[], at: Record<OhlcvColumn, number>, width: number): Bar {
  if (fields.length !== width) {
    throw new UsageError(`CSV line ${line}: ${fields.length} fields, but the header has ${width}`);
  }
  const cell = (column: OhlcvColumn): string => (fields[at[column]] ?? '').trim();
  const tsMs = parseTimeCell(cell('date'));
  if (tsMs === undefined) {
    throw rowError(line, 'date', `"${cell('date')}" is not a date (YYYY-MM-DD), an ISO 8601 time or epoch seconds/ms`);
  }
  const number = (column: OhlcvColumn): Decimal => {
    const text = cell(column);
    if (!NUMBER.test(text)) throw rowError(line, column, `"${text}" is not a number`);
    return Decimal.of(text);
  };
  const [open, high, low, close, volume] = (['open', 'high', 'low', 'close', 'volume'] as const).map(number) as [
    Decimal,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
  ];
  if (low.gt(high)) throw rowError(line, 'low', `low ${low.toString()} is above high ${high.toString()}`);
  if (volume.isNegative()) throw rowError(line, 'volume', `volume ${volume.toString()} is negative`);
  return { tsMs, open, high, low, close, volume };
}

/**
 * Bars from OHLCV CSV text with a header row naming `date, open, high, low, close, volume` in any
 * order (extra columns ignored). Times must increase from row to row. Any bad row is a UsageError
 * (exit 2) naming its line and column; nothing is returned half-read.
 */
export function parseOhlcvCsv(text: string): Bar[] {
  const [header, ...records] = splitCsv(text);
  if (header === undefined) throw new UsageError('the CSV input is empty: expected a header row and bars');
  const at = columnIndexes(header.fields);
  const bars: Bar[] = [];
  let previous: { line: number; tsMs: number } | undefined;
  for (const { line, fields } of records) {
    const bar = parseRow(line, fields, at, header.fields.length);
    if (previous !== undefined && bar.tsMs <= previous.tsMs) {
      throw rowError(line, 'date', `times must increase, but this row is not after line ${previous.line}`);
    }
    previous = { line, tsMs: bar.tsMs };
    bars.push(bar);
  }
  return bars;
}
