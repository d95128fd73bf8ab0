/** What a chart cell means; the theme turns a tone into a color (or none under NO_COLOR). */
export type Tone = 'up' | 'down' | 'line' | 'overlay1' | 'overlay2' | 'overlay3' | 'axis' | 'muted';

/** One terminal cell of a chart: one character and its tone. */
export interface Cell {
  readonly ch: string;
  readonly tone?: Tone;
}

/** A run of cells with one tone, so a row renders as a few <Text> nodes instead of one per cell. */
export interface Segment {
  readonly text: string;
  readonly tone?: Tone;
}

export type Grid = Cell[][];

export const BLANK: Cell = { ch: ' ' };

export function blankGrid(width: number, height: number): Grid {
  return Array.from({ length: height }, () => Array.from({ length: width }, () => BLANK));
}

/** Merges neighbouring cells of the same tone. */
export function toSegments(row: readonly Cell[]): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let tone: Tone | undefined;
  for (const cell of row) {
    const cellTone = cell.ch === ' ' ? tone : cell.tone;
    if (text !== '' && cellTone !== tone) {
      segments.push(tone === undefined ? { text } : { text, tone });
      text = '';
    }
    tone = cellTone;
    text += cell.ch;
  }
  if (text !== '') segments.push(tone === undefined ? { text } : { text, tone });
  return segments;
}

/** The plain text of a grid, one string per row (for tests and snapshots). */
export function gridText(grid: Grid): string[] {
  return grid.map((row) => row.map((cell) => cell.ch).join(''));
}

/** Layers `top` over `bottom`: a non-blank cell of `top` wins. Both must have the same size. */
export function overlay(bottom: Grid, top: Grid): Grid {
  return bottom.map((row, y) =>
    row.map((cell, x) => ((top[y]?.[x]?.ch ?? ' ') !== ' ' ? (top[y]?.[x] as Cell) : cell)),
  );
}
