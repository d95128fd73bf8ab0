import { blankGrid, type Grid, type Tone } from './cells.js';
import { toStep, type ValueScale } from './scale.js';

/*
 * A braille cell is 2 dots wide and 4 high. Bit of each dot (column, row from the top), per the
 * Unicode braille pattern block U+2800..U+28FF.
 */
const DOT_BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
] as const;
const BRAILLE_BASE = 0x2800;

/** A dot canvas of width*2 by height*4 dots over a grid of width by height cells. */
export class BrailleCanvas {
  readonly #bits: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.#bits = new Uint8Array(width * height);
  }

  /** Sets the dot at (x, y) in dots, y = 0 at the top; outside the canvas is ignored. */
  set(x: number, y: number): void {
    if (x < 0 || y < 0 || x >= this.width * 2 || y >= this.height * 4) return;
    const cell = Math.floor(y / 4) * this.width + Math.floor(x / 2);
    this.#bits[cell] = (this.#bits[cell] as number) | DOT_BITS[y % 4]![x % 2]!;
  }

  /** A vertical run of dots in column x from y0 to y1 (inclusive, either order). */
  column(x: number, y0: number, y1: number): void {
    for (let y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) this.set(x, y);
  }

  /** The canvas as cells: blank where no dot is set, else the braille character in `tone`. */
  toGrid(tone: Tone): Grid {
    const grid = blankGrid(this.width, this.height);
    for (let row = 0; row < this.height; row++) {
      for (let col = 0; col < this.width; col++) {
        const bits = this.#bits[row * this.width + col] as number;
        if (bits !== 0) (grid[row] as Grid[number])[col] = { ch: String.fromCharCode(BRAILLE_BASE + bits), tone };
      }
    }
    return grid;
  }
}

/**
 * A line through `values` (one per dot column, oldest first; NaN is a gap) on a braille grid of
 * width x height cells. Consecutive points are joined by vertical runs so steep moves stay
 * connected. More values than dot columns are sampled down (last value of each column wins);
 * fewer are right-aligned, the newest at the right edge.
 */
export function brailleLine(
  values: readonly number[],
  scale: ValueScale,
  width: number,
  height: number,
  tone: Tone,
): Grid {
  const canvas = new BrailleCanvas(width, height);
  const dots = width * 2;
  const steps = height * 4;
  const points = sampleColumns(values, dots);
  const offset = dots - points.length; // right-aligned: the newest value at the right edge
  let previous: number | undefined;
  for (let i = 0; i < points.length; i++) {
    const x = offset + i;
    const value = points[i] as number;
    if (!Number.isFinite(value)) {
      previous = undefined;
      continue;
    }
    const y = steps - 1 - toStep(value, scale, steps);
    canvas.column(x, previous ?? y, y);
    previous = y;
  }
  return canvas.toGrid(tone);
}

/**
 * `values` mapped to at most `columns` points, keeping the right end aligned (the latest value
 * is always the last point). Fewer values than columns are returned as they are.
 */
export function sampleColumns(values: readonly number[], columns: number): number[] {
  if (values.length <= columns) return [...values];
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    const index = Math.round(((c + 1) * values.length) / columns) - 1;
    out.push(values[Math.min(values.length - 1, Math.max(0, index))] as number);
  }
  return out;
}
