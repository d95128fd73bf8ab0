import { blankGrid, overlay, toSegments, type Grid, type Segment, type Tone } from './cells.js';
import { brailleLine } from './braille.js';
import { candleGrid, candleSlot, fitCandles, groupBounds, volumeGrid, type Candle } from './candles.js';
import { valueRange, type ValueScale } from './scale.js';

export type ChartMode = 'candles' | 'line';

/** A series to draw over the price pane (already computed, one value per candle; NaN in warm-up). */
export interface OverlaySeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** The lower pane: an oscillator with its own scale and optional guide levels (RSI 30/70). */
export interface SubPaneSeries {
  readonly label: string;
  readonly lines: readonly (readonly number[])[];
  readonly guides?: readonly number[];
  /** Fixed scale (RSI 0..100); by default the lines' own range. */
  readonly scale?: ValueScale;
}

export interface ChartInput {
  readonly candles: readonly Candle[];
  readonly mode: ChartMode;
  readonly overlays: readonly OverlaySeries[];
  readonly subPane?: SubPaneSeries;
  /** Cells available for plotting (the caller keeps room for the axis labels). */
  readonly width: number;
  readonly height: number;
}

export interface ChartPane {
  readonly rows: Segment[][];
  readonly scale: ValueScale;
}

export interface ChartPicture {
  readonly price: ChartPane;
  readonly volume: ChartPane | undefined;
  readonly sub: ChartPane | undefined;
}

const OVERLAY_TONES: readonly Tone[] = ['overlay1', 'overlay2', 'overlay3', 'overlay3'];

/**
 * Lays a chart out in `height` rows: price pane on top, then (when there is room) two rows of
 * volume and a sub-pane of a quarter of the height, whose first row is left for a separator
 * line (so `sub.rows` is one shorter). Pure: same input, same picture.
 */
export function drawChart(input: ChartInput): ChartPicture {
  const { width, height } = input;
  const volumeRows = height >= 12 ? 2 : 0;
  const subRows = input.subPane && height >= 14 ? Math.max(3, Math.floor(height / 4)) : 0;
  const priceRows = Math.max(1, height - volumeRows - subRows);
  const line = input.mode === 'line';
  const groups = groupBounds(input.candles.length, line ? width * 2 : width);
  const fitted = fitCandles(input.candles, line ? width * 2 : width);
  // Candles: one per slot of 1-3 cells, each value covering the slot's dots. Line: one value per
  // dot, stretched by interpolation when there are fewer values than dots.
  const slot = line ? 1 : candleSlot(fitted.length, width);
  const spread = (values: readonly number[]) =>
    line ? stretch(values, width * 2) : values.flatMap((v) => new Array<number>(slot * 2).fill(v));
  const pick = (values: readonly number[]) => spread(groups.map(([, end]) => values[end - 1] ?? NaN));
  const overlays = input.overlays.map((o) => pick(o.values));
  const closes = fitted.map((c) => c.close);
  const scale = valueRange([...(line ? closes : fitted.flatMap((c) => [c.high, c.low])), ...overlays.flat()]);
  let grid: Grid = line
    ? brailleLine(spread(closes), scale, width, priceRows, 'line')
    : candleGrid(fitted, scale, width, priceRows, slot);
  overlays.forEach((values, i) => {
    grid = overlay(brailleLine(values, scale, width, priceRows, OVERLAY_TONES[i] ?? 'overlay3'), grid);
  });
  const volumeCandles = line ? fitCandles(input.candles, width) : fitted;
  const volumeSlot = line ? candleSlot(volumeCandles.length, width) : slot;
  return {
    price: { rows: grid.map(toSegments), scale },
    volume:
      volumeRows > 0
        ? { rows: volumeGrid(volumeCandles, width, volumeRows, volumeSlot).map(toSegments), scale: valueRange([0]) }
        : undefined,
    sub: subRows > 0 && input.subPane ? drawSubPane(input.subPane, pick, width, subRows - 1) : undefined,
  };
}

/**
 * `values` stretched to `length` points by linear interpolation (NaN where either neighbour is
 * NaN); as they are when there are already `length` or more.
 */
export function stretch(values: readonly number[], length: number): number[] {
  if (values.length >= length || values.length < 2) return [...values];
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const at = (i * (values.length - 1)) / (length - 1);
    const low = Math.floor(at);
    const high = Math.min(values.length - 1, low + 1);
    const a = values[low] as number;
    const b = values[high] as number;
    out.push(a + (b - a) * (at - low));
  }
  return out;
}

function drawSubPane(
  sub: SubPaneSeries,
  pick: (values: readonly number[]) => number[],
  width: number,
  rows: number,
): ChartPane {
  const lines = sub.lines.map(pick);
  const scale = sub.scale ?? valueRange([...lines.flat(), ...(sub.guides ?? [])]);
  let grid = blankGrid(width, rows);
  for (const level of sub.guides ?? []) {
    grid = overlay(grid, brailleLine(new Array<number>(width * 2).fill(level), scale, width, rows, 'muted'));
  }
  lines.forEach((values, i) => {
    grid = overlay(grid, brailleLine(values, scale, width, rows, i === 0 ? 'line' : 'overlay2'));
  });
  return { rows: grid.map(toSegments), scale };
}
