import { Decimal } from '../engine/decimal.js';
import { type CellValue, type ColumnKind, isoTime } from './dataset.js';

/** Machine text of a cell: full precision, ISO 8601 UTC times, empty for missing. */
export function cellText(value: CellValue, kind: ColumnKind): string {
  if (value === undefined) return '';
  if ((kind === 'time' || kind === 'date') && typeof value === 'number') return isoTime(value);
  return String(value);
}

export interface HumanOptions {
  /** IANA zone, `UTC` or `local` (the system zone). */
  readonly timezone: string;
  /** Epoch ms of now, so times from today show as a clock time only. */
  readonly nowMs: number;
}

/** Person-facing text of a cell; color is applied by the table, not here. */
export function humanText(value: CellValue, kind: ColumnKind, options: HumanOptions): string {
  if (value === undefined) return '';
  switch (kind) {
    case 'signed':
      return signed(asDecimal(value).toString());
    case 'percent':
      return `${signed(asDecimal(value).toFixed(2))}%`;
    case 'quantity':
      return groupThousands(asDecimal(value).toString());
    case 'time':
      return typeof value === 'number' ? formatTime(value, options) : String(value);
    case 'date':
      return typeof value === 'number' ? isoTime(value).slice(0, 10) : String(value);
    default:
      return String(value);
  }
}

/** -1, 0 or 1 for coloring up/down columns. */
export function direction(value: CellValue): -1 | 0 | 1 {
  if (value === undefined || typeof value === 'boolean') return 0;
  const decimal = asDecimal(value);
  return decimal.isZero() ? 0 : decimal.isNegative() ? -1 : 1;
}

function asDecimal(value: CellValue): Decimal {
  return value instanceof Decimal ? value : Decimal.of(String(value));
}

function signed(text: string): string {
  return text.startsWith('-') || /^0(\.0*)?$/.test(text) ? text : `+${text}`;
}

function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatTime(tsMs: number, { timezone, nowMs }: HumanOptions): string {
  const zone = timezone === 'local' ? undefined : timezone;
  const day = (ms: number) => partsOf(ms, zone, 'day');
  const sameDay = day(tsMs) === day(nowMs);
  return partsOf(tsMs, zone, sameDay ? 'clock' : 'full');
}

function partsOf(tsMs: number, zone: string | undefined, shape: 'day' | 'clock' | 'full'): string {
  const cacheKey = `${zone ?? 'local'}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(cacheKey, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(tsMs).map((p) => [p.type, p.value]));
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const clock = `${parts['hour']}:${parts['minute']}:${parts['second']}`;
  if (shape === 'day') return date;
  return shape === 'clock' ? clock : `${date} ${clock.slice(0, 5)}`;
}
