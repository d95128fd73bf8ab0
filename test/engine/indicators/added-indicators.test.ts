import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { barArbitrary, barOf } from './bars.js';
import { expectNear, numbers, referenceEma, referenceSma, run, sum, windowAt, type Series } from './reference.js';

// No TA-Lib column exists for these; each is checked against a plain re-statement of TA-Lib's
// definition (or of the documented convention) on random bars, and on a few hand-computed values.

const barsArbitrary = fc.array(barArbitrary, { maxLength: 40 });
const check = (property: (bars: Bar[]) => void): void =>
  fc.assert(fc.property(barsArbitrary, property), { numRuns: 40 });

/** Bars from closes only (high = low = close), one day apart. */
const fromCloses = (closes: readonly number[]): Bar[] => closes.map((c, i) => barOf(i * 86_400_000, c, c, c, c, 100));

function referenceTrueRange(bars: readonly Bar[]): Series {
  const [high, low, close] = [numbers(bars, 'high'), numbers(bars, 'low'), numbers(bars, 'close')];
  return bars.map((_, i) =>
    i === 0
      ? null
      : Math.max(high[i] as number, close[i - 1] as number) - Math.min(low[i] as number, close[i - 1] as number),
  );
}

describe('moving averages', () => {
  it.each([1, 2, 4, 5, 8])('trima:%i = window weighted 1, 2, ..., 2, 1', (period) => {
    const half = Math.ceil(period / 2);
    const weights = Array.from({ length: period }, (_, k) => Math.min(k + 1, period - k, half));
    check((bars) => {
      const close = numbers(bars, 'close');
      const expected = close.map((_, i) =>
        i < period - 1
          ? null
          : sum(windowAt(close, i, period).map((c, k) => c * (weights[k] as number))) / sum(weights),
      );
      expectNear(run(`trima:${period}`, bars), expected);
    });
  });

  it('trima by hand: 1 2 4 8 16 with weights 1 2 2 1 and 1 2 3 2 1', () => {
    const bars = fromCloses([1, 2, 4, 8, 16]);
    expectNear(run('trima:4', bars), [null, null, null, 21 / 6, 42 / 6]);
    expectNear(run('trima:5', bars), [null, null, null, null, 49 / 9]);
  });

  it.each([
    [2, 2, 30],
    [5, 2, 30],
    [4, 3, 10],
  ])('kama:%i:%i:%i = TA-Lib KAMA loop', (period, fast, slow) => {
    check((bars) => {
      const close = numbers(bars, 'close');
      const out: Array<number | null> = close.map(() => null);
      let previous = close[period - 1] as number;
      for (let t = period; t < close.length; t++) {
        const net = (close[t] as number) - (close[t - period] as number);
        let noise = 0;
        for (let k = t - period + 1; k <= t; k++) noise += Math.abs((close[k] as number) - (close[k - 1] as number));
        const er = noise <= net || Math.abs(noise) < 1e-8 ? 1 : Math.abs(net / noise);
        const sc = (er * (2 / (fast + 1) - 2 / (slow + 1)) + 2 / (slow + 1)) ** 2;
        previous = previous + sc * ((close[t] as number) - previous);
        out[t] = previous;
      }
      expectNear(run(`kama:${period}:${fast}:${slow}`, bars), out);
    });
  });

  it('kama by hand: 10 10 12 is efficient (ER 1), so sc = (2/3)^2', () => {
    expectNear(run('kama:2:2:30', fromCloses([10, 10, 12])), [null, null, 10 + (4 / 9) * 2]);
  });

  it.each([2, 3, 6])('linreg:%i = least-squares line at the latest bar', (period) => {
    check((bars) => {
      const close = numbers(bars, 'close');
      const expected = close.map((_, i) => {
        if (i < period - 1) return null;
        const y = windowAt(close, i, period);
        const meanX = (period - 1) / 2;
        const meanY = sum(y) / period;
        const sxy = sum(y.map((v, x) => (x - meanX) * (v - meanY)));
        const sxx = sum(y.map((_, x) => (x - meanX) ** 2));
        return meanY + (sxy / sxx) * (period - 1 - meanX);
      });
      expectNear(run(`linreg:${period}`, bars), expected, 7);
    });
  });

  it('linreg on a straight line is the line', () => {
    expectNear(run('linreg:3', fromCloses([1, 3, 5, 7])), [null, null, 5, 7]);
  });
});

describe('volatility and volume', () => {
  it.each([1, 3, 7])('stddev:%i = population standard deviation (two-pass)', (period) => {
    check((bars) => {
      const close = numbers(bars, 'close');
      const expected = close.map((_, i) => {
        if (i < period - 1) return null;
        const window = windowAt(close, i, period);
        const mean = sum(window) / period;
        return Math.sqrt(sum(window.map((v) => (v - mean) ** 2)) / period);
      });
      expectNear(run(`stddev:${period}`, bars), expected, 6);
    });
  });

  const moneyFlow = (bars: readonly Bar[]): number[] =>
    bars.map((bar) => {
      const [high, low, close, volume] = [bar.high, bar.low, bar.close, bar.volume].map((d) => d.toNumber()) as [
        number,
        number,
        number,
        number,
      ];
      return high > low ? ((close - low - (high - close)) / (high - low)) * volume : 0;
    });
  const cumulative = (values: readonly number[]): number[] => {
    let total = 0;
    return values.map((value) => (total += value));
  };

  it('ad = running total of money-flow volume, from the first bar', () => {
    check((bars) => expectNear(run('ad', bars), cumulative(moneyFlow(bars))));
  });

  it('ad by hand: close at the high adds the volume, at the low subtracts it', () => {
    const bars = [barOf(0, 10, 12, 10, 12, 100), barOf(1, 11, 12, 10, 10, 50), barOf(2, 11, 12, 10, 11, 70)];
    expect(run('ad', bars)).toEqual([100, 50, 50]);
  });

  it.each([
    [3, 10],
    [2, 4],
    [1, 5],
  ])('adosc:%i:%i = EMA(fast) - EMA(slow) of the A/D line, both seeded with the first value', (fast, slow) => {
    check((bars) => {
      const line = cumulative(moneyFlow(bars));
      const smooth = (period: number): number[] => {
        let value = line[0] ?? 0;
        return line.map((x, i) =>
          i === 0 ? value : (value = (2 / (period + 1)) * x + (1 - 2 / (period + 1)) * value),
        );
      };
      const [f, s] = [smooth(fast), smooth(slow)];
      const lookback = Math.max(fast, slow) - 1;
      expectNear(
        run(`adosc:${fast}:${slow}`, bars),
        line.map((_, i) => (i < lookback ? null : (f[i] as number) - (s[i] as number))),
        7,
      );
    });
  });

  it('vwap = volume-weighted typical price since the first bar of the UTC day', () => {
    const hours = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(barsArbitrary, hours, (generated, gaps) => {
        let tsMs = 0;
        const bars = generated.map((bar, i) => ({ ...bar, tsMs: (tsMs += (gaps[i] ?? 1) * 3_600_000) }));
        const typical = bars.map((bar) => (bar.high.toNumber() + bar.low.toNumber() + bar.close.toNumber()) / 3);
        const volume = numbers(bars, 'volume');
        const day = (i: number): number => Math.floor((bars[i] as Bar).tsMs / 86_400_000);
        const expected = bars.map((_, i) => {
          let start = i;
          while (start > 0 && day(start - 1) === day(i)) start--;
          const v = sum(volume.slice(start, i + 1));
          const pv = sum(volume.slice(start, i + 1).map((x, k) => x * (typical[start + k] as number)));
          return v > 0 ? pv / v : typical[i];
        });
        expectNear(run('vwap', bars), expected);
      }),
      { numRuns: 40 },
    );
  });

  it('vwap by hand: volume-weighted typical price, restarting each UTC day', () => {
    const hour = 3_600_000;
    const day = 86_400_000;
    const bars = [
      barOf(0, 10, 11, 9, 10, 100), // typical 10
      barOf(hour, 12, 13, 11, 12, 300), // typical 12: (1000 + 3600) / 400
      barOf(day, 20, 21, 19, 20, 50), // new day: typical 20
      barOf(day + hour, 22, 23, 21, 22, 0), // no volume: unchanged
      barOf(2 * day, 5, 6, 4, 5, 0), // new day, no volume yet: the typical price
    ];
    expectNear(run('vwap', bars), [10, 11.5, 20, 20, 5]);
  });
});

describe('oscillators', () => {
  it.each([1, 2, 4])('trix:%i = 100 * one-bar change of a triple TA-Lib EMA', (period) => {
    check((bars) => {
      const triple = referenceEma(referenceEma(referenceEma(numbers(bars, 'close'), period), period), period);
      const expected = triple.map((value, i) => {
        const previous = triple[i - 1] ?? null;
        return value === null || previous === null ? null : (100 * (value - previous)) / previous;
      });
      expectNear(run(`trix:${period}`, bars), expected);
    });
  });

  it.each([
    [2, 3, 4],
    [7, 14, 28],
    [4, 2, 3],
  ])('ultosc:%i:%i:%i = weighted pressure / range averages (weights to shortest first)', (...given) => {
    const [short, medium, long] = [...given].sort((a, b) => a - b) as [number, number, number];
    check((bars) => {
      const [low, close] = [numbers(bars, 'low'), numbers(bars, 'close')];
      const range = referenceTrueRange(bars);
      const pressure = bars.map((_, i) =>
        i === 0 ? null : (close[i] as number) - Math.min(low[i] as number, close[i - 1] as number),
      );
      const average = (i: number, period: number): number => {
        const r = sum(windowAt(range, i, period) as number[]);
        return Math.abs(r) < 1e-8 ? 0 : sum(windowAt(pressure, i, period) as number[]) / r;
      };
      const expected = bars.map((_, i) =>
        i < long ? null : (100 * (4 * average(i, short) + 2 * average(i, medium) + average(i, long))) / 7,
      );
      expectNear(run(`ultosc:${given.join(':')}`, bars), expected);
    });
  });

  it.each([
    [3, 3, 2],
    [2, 4, 1],
  ])('stochrsi:%i:%i:%i = fast stochastic of the RSI values, d = SMA of k', (period, kPeriod, dPeriod) => {
    check((bars) => {
      const strength = run(`rsi:${period}`, bars) as Series;
      const k = strength.map((value, i) => {
        const window = windowAt(strength, i, kPeriod);
        if (value === null || window.length < kPeriod || window.some((v) => v === null)) return null;
        const [lowest, highest] = [Math.min(...(window as number[])), Math.max(...(window as number[]))];
        return highest === lowest ? 0 : (100 * (value - lowest)) / (highest - lowest);
      });
      const d = referenceSma(k, dPeriod);
      expectNear(
        run(`stochrsi:${period}:${kPeriod}:${dPeriod}`, bars),
        k.map((value, i) => (d[i] === null ? null : { k: value, d: d[i] })),
      );
    });
  });

  it('ppo = 100 * MACD line / slow EMA, with a TA-Lib EMA signal and histogram, aligned as MACD', () => {
    check((bars) => {
      // macd with a 1-bar signal is the bare MACD line, present from bar slow - 1.
      const macdLine = run('macd:3:5:1', bars) as Array<{ macd: number } | null>;
      const slow = run('ema:5', bars) as Series;
      const line = macdLine.map((m, i) => (m === null ? null : (100 * m.macd) / (slow[i] as number)));
      const signal = referenceEma(line, 2);
      const expected = line.map((value, i) => {
        const s = signal[i] ?? null;
        return value === null || s === null ? null : { ppo: value, signal: s, histogram: value - s };
      });
      expectNear(run('ppo:3:5:2', bars), expected);
    });
  });
});
