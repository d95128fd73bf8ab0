import { blankGrid, type Cell, type Grid } from './cells.js';
import { toStep, type ValueScale } from './scale.js';

/** OHLC as plain numbers: charts need positions, not exact money. */
export interface Candle {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * Merges consecutive candles so that at most `columns` remain, the latest group ending on the
 * latest candle (groups are counted from the right, so the newest candle is never split).
 */
export function fitCandles(candles: readonly Candle[], columns: number): Candle[] {
  return groupBounds(candles.length, columns).map(([start, end]) => mergeCandles(candles.slice(start, end)));
}

/**
 * Splits indexes 0..count-1 into at most `columns` consecutive groups [start, end) of equal size,
 * counted from the right so the newest item ends the last group; the leftmost group may be short.
 */
export function groupBounds(count: number, columns: number): Array<[number, number]> {
  if (columns <= 0) return [];
  const size = Math.max(1, Math.ceil(count / columns));
  const out: Array<[number, number]> = [];
  for (let end = count; end > 0; end -= size) out.unshift([Math.max(0, end - size), end]);
  return out;
}

function mergeCandles(group: readonly Candle[]): Candle {
  const first = group[0] as Candle;
  const last = group[group.length - 1] as Candle;
  let high = -Infinity;
  let low = Infinity;
  let volume = 0;
  for (const c of group) {
    high = Math.max(high, c.high);
    low = Math.min(low, c.low);
    volume += c.volume;
  }
  return { open: first.open, high, low, close: last.close, volume };
}

/**
 * Candles in a width x height grid, one per `slot` columns and right-aligned (the newest at the right
 * edge), at half-row resolution: a body is drawn with █ ▀ ▄, a wick with │ (╵ ╷ for half rows).
 * Rising candles (close >= open) have tone 'up', falling ones 'down'. Give at most `width`
 * candles (see fitCandles); extra ones on the left are dropped.
 */
export function candleGrid(
  candles: readonly Candle[],
  scale: ValueScale,
  width: number,
  height: number,
  slot = 1,
): Grid {
  const grid = blankGrid(width, height);
  const steps = height * 2;
  const { shown, column } = place(candles, width, slot);
  shown.forEach((candle, i) => {
    const tone = candle.close >= candle.open ? 'up' : 'down';
    const wick = span(toStep(candle.low, scale, steps), toStep(candle.high, scale, steps));
    const body = span(
      toStep(Math.min(candle.open, candle.close), scale, steps),
      toStep(Math.max(candle.open, candle.close), scale, steps),
    );
    for (let row = 0; row < height; row++) {
      const lower = (height - 1 - row) * 2; // half-step index of the lower half of this row
      const ch = cellChar(body, wick, lower);
      if (ch !== ' ') (grid[row] as Cell[])[column(i)] = { ch, tone };
    }
  });
  return grid;
}

/**
 * The candles that fit `width` cells at `slot` cells each (the newest at the right edge) and the
 * column of each: with a slot over 1, the candle sits at the slot's left and the rest is a gap.
 */
function place(candles: readonly Candle[], width: number, slot: number) {
  const count = Math.floor(width / slot);
  const shown = candles.slice(-count);
  const offset = width - shown.length * slot;
  return { shown, column: (i: number) => offset + i * slot };
}

/** Cells per candle so that few candles still spread over the pane: 1 to 3. */
export function candleSlot(count: number, width: number): number {
  return count <= 0 ? 1 : Math.max(1, Math.min(3, Math.floor(width / count)));
}

function span(a: number, b: number): { from: number; to: number } {
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

function inside(range: { from: number; to: number }, step: number): boolean {
  return step >= range.from && step <= range.to;
}

function cellChar(body: { from: number; to: number }, wick: { from: number; to: number }, lower: number): string {
  const bodyLow = inside(body, lower);
  const bodyHigh = inside(body, lower + 1);
  if (bodyLow && bodyHigh) return '█';
  if (bodyHigh) return '▀';
  if (bodyLow) return '▄';
  const wickLow = inside(wick, lower);
  const wickHigh = inside(wick, lower + 1);
  if (wickLow && wickHigh) return '│';
  if (wickHigh) return '╵';
  return wickLow ? '╷' : ' ';
}

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * Volume bars under candles, one per column and right-aligned like candleGrid, in eighths of a
 * row; the tallest candle fills the pane. A non-zero volume always shows at least ▁.
 */
export function volumeGrid(candles: readonly Candle[], width: number, height: number, slot = 1): Grid {
  const grid = blankGrid(width, height);
  const { shown, column } = place(candles, width, slot);
  const top = Math.max(0, ...shown.map((c) => c.volume));
  if (top <= 0) return grid;
  shown.forEach((candle, i) => {
    const tone = candle.close >= candle.open ? 'up' : 'down';
    let eighths = Math.round((candle.volume / top) * height * 8);
    if (candle.volume > 0) eighths = Math.max(1, eighths);
    for (let row = height - 1; row >= 0 && eighths > 0; row--) {
      const fill = Math.min(8, eighths);
      (grid[row] as Cell[])[column(i)] = { ch: EIGHTHS[fill] as string, tone };
      eighths -= fill;
    }
  });
  return grid;
}

/**
 * A one-row sparkline of the newest `width` values in `width` cells with ▁..█ (NaN shows as a
 * space), right-aligned; scaled to the shown values' own low and high.
 */
export function sparkline(values: readonly number[], width: number): string {
  const points = values.length > width ? values.slice(-width) : values;
  const finite = points.filter(Number.isFinite);
  if (finite.length === 0 || width <= 0) return ' '.repeat(Math.max(0, width));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const text = points
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (max === min) return EIGHTHS[4];
      return EIGHTHS[1 + Math.round(((v - min) / (max - min)) * 7)];
    })
    .join('');
  return text.padStart(width, ' ');
}
