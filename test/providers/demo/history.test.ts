import { describe, expect, it } from 'vitest';
import { aggregateBars, type Bar } from '../../../src/engine/bar.js';
import { INTERVALS, bucketStart, isIntraday, type Interval } from '../../../src/engine/interval.js';
import { rangeStart } from '../../../src/engine/range.js';
import { ProviderError, UnknownSymbolError } from '../../../src/errors.js';
import { intradayAvailableFrom } from '../../../src/providers/demo/history.js';
import { DemoMarket } from '../../../src/providers/demo/market.js';
import { DEFAULT_DEMO_SEED } from '../../../src/providers/demo/provider.js';
import { MINUTE_MS, T, bars, dayStart, demoAt, texts } from './helpers.js';

const DAY = 86_400_000;
const SYMBOLS = ['ACME', 'TKPT', '^DEMO', 'ZORK-USD', 'NBL-USD', 'EURUSD=X'];

function aggregate(source: readonly Bar[], interval: Interval): Bar[] {
  return aggregateBars(source, (tsMs) => bucketStart(interval, tsMs));
}

describe('demo history is deterministic', () => {
  it('gives identical bars for the same seed and different bars for another', async () => {
    const from = dayStart(T) - 2 * DAY;
    for (const symbol of ['ACME', 'ZORK-USD']) {
      const one = texts(await bars(demoAt(T, 7), symbol, '1m', from, T));
      expect(texts(await bars(demoAt(T, 7), symbol, '1m', from, T))).toEqual(one);
      expect(texts(await bars(demoAt(T, 8), symbol, '1m', from, T))).not.toEqual(one);
      const daily = texts(await bars(demoAt(T, 7), symbol, '1d', T - 365 * DAY, T));
      expect(texts(await bars(demoAt(T, 7), symbol, '1d', T - 365 * DAY, T))).toEqual(daily);
      expect(texts(await bars(demoAt(T, 8), symbol, '1d', T - 365 * DAY, T))).not.toEqual(daily);
    }
  });

  // Golden values for the default seed. Every user's demo history is exactly these numbers: if a
  // change to the generator moves them, it rewrites the demo market for everyone (screenshots,
  // docs, saved demo portfolios). Update them only when that is the intent.
  it('matches the recorded golden bars for the default seed', async () => {
    const demo = demoAt(T, DEFAULT_DEMO_SEED);
    const first = await bars(demo, 'ACME', '1d', 0, Date.UTC(2016, 0, 5));
    expect(texts(first)).toEqual(['2016-01-04T00:00:00.000Z 119.88 124.01 117.93 123.39 6012225']);
    const mid = await bars(demo, 'ACME', '1d', Date.UTC(2024, 5, 3), Date.UTC(2024, 5, 4));
    expect(texts(mid)).toEqual(['2024-06-03T00:00:00.000Z 335.43 342.91 319.69 321.16 5096720']);
    const pence = await bars(demo, 'TKPT', '1wk', Date.UTC(2021, 10, 1), Date.UTC(2021, 10, 2));
    expect(texts(pence)).toEqual(['2021-11-01T00:00:00.000Z 1122.4 1187.6 1115.4 1178.2 17182470']);
    const minute = await bars(demo, 'ZORK-USD', '1m', Date.UTC(2026, 2, 3, 12, 34), Date.UTC(2026, 2, 3, 12, 35));
    expect(texts(minute)).toEqual(['2026-03-03T12:34:00.000Z 61410.26 61416.8 61390.78 61404.79 8.2615']);
    const fx = await bars(demo, 'EURUSD=X', '1h', Date.UTC(2026, 2, 2, 9), Date.UTC(2026, 2, 2, 10));
    expect(texts(fx)).toEqual(['2026-03-02T09:00:00.000Z 0.91129 0.91296 0.91077 0.91215 0']);
  });
});

describe('demo history never rewrites the past', () => {
  it.each(INTERVALS)('%s bars complete at T are the same three days later', async (interval) => {
    const later = T + 3 * DAY + 5 * 3_600_000;
    const from = isIntraday(interval) ? dayStart(T) - 4 * DAY : Date.UTC(2025, 0, 1);
    for (const symbol of ['ACME', 'ZORK-USD', 'EURUSD=X']) {
      const before = await bars(demoAt(T), symbol, interval, from, later);
      const after = await bars(demoAt(later), symbol, interval, from, later);
      expect(before.length).toBeGreaterThan(1);
      expect(after.length).toBeGreaterThanOrEqual(before.length);
      // Every bar but the last was complete at T; the last may be the open one.
      expect(texts(after.slice(0, before.length - 1))).toEqual(texts(before.slice(0, -1)));
      const open = before.at(-1) as Bar;
      const finished = after[before.length - 1] as Bar;
      expect(finished.tsMs).toBe(open.tsMs);
      expect(open.open.toString()).toBe(finished.open.toString());
      expect(open.high.lte(finished.high) && open.low.gte(finished.low)).toBe(true);
      expect(open.volume.lte(finished.volume)).toBe(true);
    }
  });
});

describe('demo bars aggregate exactly', () => {
  it.each(SYMBOLS)('%s: 1m bars make the 5m, 15m, 30m, 1h and 1d bars (partial day included)', async (symbol) => {
    const demo = demoAt(T);
    const from = dayStart(T) - 3 * DAY;
    const minutes = await bars(demo, symbol, '1m', from, T + 1);
    expect(minutes.length).toBeGreaterThan(0);
    for (const interval of ['5m', '15m', '30m', '1h', '1d'] as const) {
      expect(texts(aggregate(minutes, interval)), interval).toEqual(
        texts(await bars(demo, symbol, interval, from, T + 1)),
      );
    }
  });

  it.each(SYMBOLS)('%s: 1d bars make the 1wk and 1mo bars', async (symbol) => {
    const demo = demoAt(T);
    const from = Date.UTC(2024, 0, 1); // a Monday and the 1st of a month
    const days = await bars(demo, symbol, '1d', from, T + 1);
    expect(texts(aggregate(days, '1wk'))).toEqual(texts(await bars(demo, symbol, '1wk', from, T + 1)));
    expect(texts(aggregate(days, '1mo'))).toEqual(texts(await bars(demo, symbol, '1mo', from, T + 1)));
  });
});

describe('demo history far from the epoch', () => {
  it('stays continuous across the end of the first block of the Brownian construction', async () => {
    // Crypto trades every day, so step 16 384 falls on 2016-01-04 + 16 384 days = 2060-11-12.
    const boundary = Date.UTC(2016, 0, 4) + 16_384 * DAY;
    expect(new Date(boundary).toISOString()).toBe('2060-11-12T00:00:00.000Z');
    const days = await bars(demoAt(boundary + 20 * DAY), 'ZORK-USD', '1d', boundary - 10 * DAY, boundary + 10 * DAY);
    expect(days).toHaveLength(20);
    for (let i = 1; i < days.length; i++) {
      const move = (days[i]?.close.toNumber() ?? 0) / (days[i - 1]?.close.toNumber() ?? 1);
      expect(move).toBeGreaterThan(0.7);
      expect(move).toBeLessThan(1.4);
      expect(days[i]?.open.toString()).toBe(days[i - 1]?.close.toString());
    }
  });

  it('keeps working centuries ahead, with exact prices', async () => {
    const far = Date.UTC(2300, 0, 2, 12);
    const { quotes, failures } = await demoAt(far).getQuotes(['ZORK-USD', 'QUX-USD', 'ACME']);
    expect(failures).toEqual([]);
    for (const quote of quotes) expect(quote.last.gt(0) && quote.high.gte(quote.low)).toBe(true);
  });
});

describe('demo history ranges', () => {
  it('returns bars in [fromMs, toMs) and none starting after now', async () => {
    const demo = demoAt(T);
    const from = Date.UTC(2026, 2, 4, 15, 0);
    const hour = await bars(demo, 'ACME', '1m', from, from + 60 * MINUTE_MS);
    expect(hour).toHaveLength(60);
    expect(hour[0]?.tsMs).toBe(from);
    expect(hour.at(-1)?.tsMs).toBe(from + 59 * MINUTE_MS);
    const upToNow = await bars(demo, 'ACME', '1m', from, T + DAY);
    expect(upToNow.at(-1)?.tsMs).toBe(T - (T % MINUTE_MS));
    const unaligned = await bars(demo, 'ACME', '1h', from + 1, T + DAY);
    expect(unaligned[0]?.tsMs).toBe(from + 3_600_000);
  });

  it("labels an exchange session's first, half hour as its UTC hour, and filters on that label", () => {
    const simulation = new DemoMarket(DEFAULT_DEMO_SEED).simulation('ACME');
    const hours = (fromMs: number) => {
      const found: number[] = [];
      simulation?.forEachHour(fromMs, Date.UTC(2026, 2, 4, 17), T, (bar) => found.push(bar.tsMs));
      return found.map((tsMs) => new Date(tsMs).toISOString().slice(11, 16));
    };
    expect(hours(Date.UTC(2026, 2, 4, 14))).toEqual(['14:00', '15:00', '16:00']);
    expect(hours(Date.UTC(2026, 2, 4, 14, 30))).toEqual(['15:00', '16:00']);
  });

  it('has daily history from 2016-01-04 on, and none before', async () => {
    const all = await bars(demoAt(T), 'ACME', '1d', 0, T);
    expect(new Date(all[0]?.tsMs ?? 0).toISOString()).toBe('2016-01-04T00:00:00.000Z');
    expect(all.at(-1)?.tsMs).toBe(dayStart(T));
    expect(await bars(demoAt(T), 'ACME', '1d', 0, Date.UTC(2015, 11, 31))).toEqual([]);
    const months = await bars(demoAt(T), 'ACME', '1mo', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    expect(new Date(months[0]?.tsMs ?? 0).toISOString()).toBe('2016-01-01T00:00:00.000Z');
  });

  it('has no equity or FX bars at weekends, but crypto trades every day', async () => {
    const demo = demoAt(T);
    const saturday = Date.UTC(2026, 1, 28);
    for (const symbol of ['ACME', 'DTMX', 'EURUSD=X']) {
      const days = await bars(demo, symbol, '1d', Date.UTC(2026, 0, 1), T);
      expect(days.every((bar) => new Date(bar.tsMs).getUTCDay() % 6 !== 0)).toBe(true);
      expect(await bars(demo, symbol, '1m', saturday, saturday + 2 * DAY)).toEqual([]);
    }
    expect(await bars(demo, 'ZORK-USD', '1m', saturday, saturday + 2 * DAY)).toHaveLength(2 * 1440);
  });

  it('refuses intraday bars older than its window, with a clear, non-retryable error', async () => {
    const demo = demoAt(T);
    const start = intradayAvailableFrom(T);
    expect(start).toBe(dayStart(T) - 31 * DAY);
    await expect(bars(demo, 'ACME', '1m', start, start + DAY)).resolves.toBeDefined();
    const refused = bars(demo, 'ACME', '1h', start - 1, T);
    await expect(refused).rejects.toBeInstanceOf(ProviderError);
    await expect(refused).rejects.toMatchObject({ code: 'range-unavailable', retryable: false, provider: 'demo' });
    await expect(refused).rejects.toThrow(/1h bars from 2026-02-01T00:00:00.000Z/);
  });

  it('serves a one-month intraday range even after a 31-day month', async () => {
    const endOfAugust = Date.UTC(2026, 7, 31, 23, 0);
    const from = rangeStart('1mo', endOfAugust);
    expect(endOfAugust - from).toBe(31 * DAY);
    await expect(bars(demoAt(endOfAugust), 'ACME', '1h', from, endOfAugust)).resolves.toBeDefined();
  });

  it('throws UnknownSymbolError for a symbol it does not list, and takes any case', async () => {
    await expect(bars(demoAt(T), 'AAPL', '1d', 0, T)).rejects.toBeInstanceOf(UnknownSymbolError);
    const history = await demoAt(T).getHistory({ symbol: ' acme ', interval: '1d', fromMs: T - 7 * DAY, toMs: T });
    expect(history.instrument).toEqual({
      symbol: 'ACME',
      name: 'Acme Rocket Works',
      assetClass: 'equity',
      currency: 'USD',
      exchange: 'DEMO',
    });
  });
});
