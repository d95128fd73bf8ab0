import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BrailleCanvas, brailleLine, sampleColumns } from '../../src/tui/chart/braille.js';
import { candleGrid, candleSlot, fitCandles, groupBounds, sparkline, volumeGrid } from '../../src/tui/chart/candles.js';
import type { Candle } from '../../src/tui/chart/candles.js';
import { gridText, overlay, toSegments } from '../../src/tui/chart/cells.js';
import { drawChart, stretch } from '../../src/tui/chart/chart-model.js';
import { toStep, valueRange } from '../../src/tui/chart/scale.js';

const candle = (open: number, high: number, low: number, close: number, volume = 1): Candle => ({
  open,
  high,
  low,
  close,
  volume,
});

describe('BrailleCanvas', () => {
  it.each([
    [0, 0, '⠁'],
    [1, 0, '⠈'],
    [0, 3, '⡀'],
    [1, 3, '⢀'],
    [0, 1, '⠂'],
    [1, 2, '⠠'],
  ])('dot (%i, %i) is %s', (x, y, ch) => {
    const canvas = new BrailleCanvas(1, 1);
    canvas.set(x, y);
    expect(gridText(canvas.toGrid('line'))).toEqual([ch]);
  });

  it('a full cell is ⣿ and dots outside the canvas are ignored', () => {
    const canvas = new BrailleCanvas(1, 1);
    canvas.column(0, 0, 3);
    canvas.column(1, 3, 0);
    canvas.set(5, 5);
    canvas.set(-1, 0);
    expect(gridText(canvas.toGrid('line'))).toEqual(['⣿']);
  });
});

describe('brailleLine', () => {
  it('a rising series climbs from the bottom left to the top right', () => {
    const text = gridText(brailleLine([0, 1, 2, 3, 4, 5, 6, 7], { min: 0, max: 7 }, 4, 2, 'line'));
    // dot y = 7 - value: x0 at the bottom row's lowest dot, x7 at the top row's highest
    expect(text).toEqual(['  ⣠⠞', '⣠⠞⠁ ']);
  });

  it('joins a steep move with a vertical run, so the line has no hole', () => {
    const text = gridText(brailleLine([0, 7], { min: 0, max: 7 }, 1, 2, 'line'));
    // column 0 at the bottom, column 1 runs from the bottom to the top
    expect(text).toEqual(['⢸', '⣸']);
  });

  it('right-aligns fewer values than dot columns and leaves NaN as a gap', () => {
    // 6 dot columns, values at x = 3, 4, 5: the middle one missing, so no vertical join
    expect(gridText(brailleLine([1, NaN, 1], { min: 0, max: 2 }, 3, 1, 'line'))).toEqual([' ⠐⠐']);
  });

  it('samples down to the newest value in each column', () => {
    expect(sampleColumns([1, 2, 3, 4, 5, 6], 3)).toEqual([2, 4, 6]);
    expect(sampleColumns([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('candles', () => {
  it('draws a rising body with █ and wicks with │, in the up tone', () => {
    // 10 half-rows: low 0 -> 0, open 1.5 -> 3, close 3 -> 7, high 4 -> 9
    const grid = candleGrid([candle(1.5, 4, 0, 3)], { min: 0, max: 4 }, 1, 5);
    expect(gridText(grid)).toEqual(['│', '█', '█', '▀', '│']);
    expect(grid[1]?.[0]?.tone).toBe('up');
  });

  it('a falling candle has the down tone', () => {
    const grid = candleGrid([candle(3, 3, 1, 1)], { min: 0, max: 4 }, 1, 4);
    const tones = grid
      .flat()
      .filter((c) => c.ch !== ' ')
      .map((c) => c.tone);
    expect(new Set(tones)).toEqual(new Set(['down']));
  });

  it('puts the newest candle at the right edge, one per slot', () => {
    const candles = [candle(1, 2, 0, 2), candle(2, 2, 0, 1)];
    const text = gridText(candleGrid(candles, { min: 0, max: 2 }, 6, 2, 2));
    expect(text.every((row) => row.length === 6)).toBe(true);
    expect(text.map((r) => r[1])).toEqual(text.map(() => ' '));
    expect(text.some((r) => r[2] !== ' ')).toBe(true);
    expect(text.some((r) => r[4] !== ' ')).toBe(true);
  });

  it('merges groups counted from the right: OHLC and summed volume', () => {
    const candles = [candle(1, 5, 1, 2, 10), candle(2, 3, 0, 3, 20), candle(3, 4, 2, 4, 30)];
    expect(fitCandles(candles, 2)).toEqual([candle(1, 5, 1, 2, 10), candle(2, 4, 0, 4, 50)]);
    expect(groupBounds(5, 2)).toEqual([
      [0, 2],
      [2, 5],
    ]);
  });

  it('groups cover every index exactly once, at most `columns` of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 120 }), (count, columns) => {
        const groups = groupBounds(count, columns);
        expect(groups.length).toBeLessThanOrEqual(columns);
        expect(groups.reduce((n, [a, b]) => n + b - a, 0)).toBe(count);
        groups.forEach(([a, b], i) => {
          expect(b).toBeGreaterThan(a);
          if (i > 0) expect(a).toBe(groups[i - 1]?.[1]);
        });
      }),
    );
  });

  it('spreads few candles over the pane, at most 3 cells each', () => {
    expect(candleSlot(20, 60)).toBe(3);
    expect(candleSlot(30, 60)).toBe(2);
    expect(candleSlot(200, 60)).toBe(1);
  });

  it('volume bars: the largest fills the pane, a small one still shows', () => {
    const text = gridText(volumeGrid([candle(1, 1, 1, 1, 100), candle(1, 1, 1, 1, 1)], 2, 2));
    expect(text).toEqual(['█ ', '█▁']);
  });
});

describe('sparkline', () => {
  it('maps the low to ▁ and the high to █, right-aligned', () => {
    expect(sparkline([1, 2, 3], 5)).toBe('  ▁▅█');
    expect(sparkline([], 3)).toBe('   ');
    expect(sparkline([2, 2], 2)).toBe('▄▄');
  });

  it('keeps the newest values when there are more than cells', () => {
    expect(sparkline([9, 9, 9, 1, 2], 2)).toBe('▁█');
  });
});

describe('scales and cells', () => {
  it('pads a flat range and ignores NaN', () => {
    expect(valueRange([5, NaN, 5])).toEqual({ min: 4.95, max: 5.05 });
    expect(valueRange([])).toEqual({ min: 0, max: 1 });
    expect(toStep(10, { min: 0, max: 10 }, 8)).toBe(7);
    expect(toStep(-3, { min: 0, max: 10 }, 8)).toBe(0);
  });

  it('merges cells of one tone into one segment; spaces join the run they are in', () => {
    const row = [
      { ch: 'a', tone: 'up' as const },
      { ch: ' ' },
      { ch: 'b', tone: 'up' as const },
      { ch: 'c', tone: 'down' as const },
    ];
    expect(toSegments(row)).toEqual([
      { text: 'a b', tone: 'up' },
      { text: 'c', tone: 'down' },
    ]);
  });

  it('overlay keeps the bottom where the top is blank', () => {
    const bottom = [[{ ch: 'x' }, { ch: 'y' }]];
    const top = [[{ ch: ' ' }, { ch: 'z' }]];
    expect(gridText(overlay(bottom, top))).toEqual(['xz']);
  });

  it('stretch interpolates to the wanted length, ends kept', () => {
    expect(stretch([0, 10], 3)).toEqual([0, 5, 10]);
    expect(stretch([1, 2, 3], 2)).toEqual([1, 2, 3]);
  });
});

describe('drawChart', () => {
  const candles = Array.from({ length: 120 }, (_, i) => candle(100 + i, 102 + i, 99 + i, 101 + i, 1000 + i));

  it.each(['candles', 'line'] as const)(
    'fills exactly width x height in %s mode with volume and a sub-pane',
    (mode) => {
      const width = 40;
      const picture = drawChart({
        candles,
        mode,
        overlays: [{ label: 'flat', values: candles.map(() => 150) }],
        subPane: { label: 'x', lines: [candles.map((_, i) => i % 100)], guides: [30, 70], scale: { min: 0, max: 100 } },
        width,
        height: 20,
      });
      const rows = [
        ...picture.price.rows,
        ...(picture.volume?.rows ?? []),
        [{ text: 'separator' }],
        ...(picture.sub?.rows ?? []),
      ];
      expect(rows).toHaveLength(20);
      for (const row of [...picture.price.rows, ...(picture.volume?.rows ?? []), ...(picture.sub?.rows ?? [])]) {
        expect([...row.map((s) => s.text).join('')]).toHaveLength(width);
      }
      expect(picture.price.scale.max).toBeGreaterThanOrEqual(150);
    },
  );

  it('leaves out volume and the sub-pane when the pane is short', () => {
    const picture = drawChart({ candles, mode: 'candles', overlays: [], width: 10, height: 6 });
    expect(picture.volume).toBeUndefined();
    expect(picture.sub).toBeUndefined();
    expect(picture.price.rows).toHaveLength(6);
  });
});
