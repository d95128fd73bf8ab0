import type { Decimal } from '../engine/decimal.js';
import { quoteChange, type Quote } from '../engine/quote.js';

/** Display strings of one quote for the watchlist (all exact decimals, formatted as text). */
export interface QuoteCells {
  readonly last: string;
  readonly change: string;
  readonly changePercent: string;
  readonly volume: string;
  readonly direction: 'up' | 'down' | 'flat';
}

export function quoteCells(quote: Quote): QuoteCells {
  const { change, changePercent } = quoteChange(quote);
  const places = decimalPlaces(quote.last);
  const sign = change.gt(0) ? '+' : '';
  return {
    last: quote.last.toFixed(places),
    change: `${sign}${change.toFixed(places)}`,
    changePercent: changePercent === undefined ? '—' : `${sign}${changePercent.toFixed(2)}%`,
    volume: compactNumber(quote.volume.toNumber()),
    direction: change.gt(0) ? 'up' : change.lt(0) ? 'down' : 'flat',
  };
}

/** Places shown for a price: its own, at least 2, at most 6 (a coin at 0.000123 keeps its digits). */
function decimalPlaces(value: Decimal): number {
  const text = value.toString();
  const dot = text.indexOf('.');
  const own = dot < 0 ? 0 : text.length - dot - 1;
  return Math.min(6, Math.max(2, own));
}

/** `5361959` -> `5.36M`; under 10,000 as it is. */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs < 10_000) return String(Math.round(value));
  for (const [unit, size] of [
    ['T', 1e12],
    ['B', 1e9],
    ['M', 1e6],
    ['K', 1e3],
  ] as const) {
    if (abs >= size) return `${(value / size).toFixed(abs / size >= 100 ? 0 : 2)}${unit}`;
  }
  return String(value);
}

/** A chart axis label with about 6 significant digits. */
export function axisLabel(value: number): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  const places = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 || abs === 0 ? 2 : 4;
  return value.toFixed(places);
}

/** `HH:MM:SS` of an epoch ms in UTC. */
export function clockText(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(11, 19);
}

export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const cut = text.length > width ? text.slice(0, Math.max(0, width - 1)) + '…' : text;
  return align === 'left' ? cut.padEnd(width) : cut.padStart(width);
}
