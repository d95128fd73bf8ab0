import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import type { Interval } from '../../../src/engine/interval.js';
import { ProviderError, UnknownSymbolError } from '../../../src/errors.js';
import { chartErrorOf, parseChart } from '../../../src/providers/yahoo/parse.js';
import { readFixture } from '../../helpers/replay-server.js';

const ALL_TIME = { fromMs: Date.UTC(1970, 0, 1), toMs: Date.UTC(2100, 0, 1) };

function chart(file: string, symbol: string, interval: Interval = '1d', range = ALL_TIME) {
  return parseChart(JSON.parse(readFixture('yahoo', file)), { symbol, interval, ...range });
}

/** [date, open, high, low, close, volume] as text, for exact comparison. */
function row(bar: Bar | undefined): string[] {
  if (!bar) return [];
  const date = new Date(bar.tsMs).toISOString().replace('T00:00:00.000Z', '');
  return [date, ...[bar.open, bar.high, bar.low, bar.close, bar.volume].map(String)];
}

describe('parseChart on recorded v8 chart payloads', () => {
  it('AAPL 2020-01-02: one bar, dated by the exchange day, float32 prices as their shortest decimal', () => {
    const history = chart('chart-AAPL-1d-2020-01-01_2020-01-03.json', 'AAPL');
    expect(history.instrument).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      assetClass: 'equity',
      currency: 'USD',
      exchange: 'NMS',
    });
    expect(history.bars.map(row)).toEqual([['2020-01-02', '74.06', '75.15', '73.7975', '75.0875', '135480400']]);
    expect(history.actions).toEqual([]);
  });

  it('AAPL 2020-08-31..11-07: 49 bars, the 4:1 split and the 0.205 dividend', () => {
    const history = chart('chart-AAPL-1d-2020-08-31_2020-11-07-split-and-dividend-events.json', 'AAPL');
    expect(history.bars).toHaveLength(49);
    expect(row(history.bars[0])).toEqual(['2020-08-31', '127.58', '131', '126', '129.04', '225702700']);
    expect(row(history.bars.at(-1))).toEqual(['2020-11-06', '118.32', '119.2', '116.13', '118.69', '114457900']);
    const [split, dividend] = history.actions ?? [];
    expect(split?.kind === 'split' && [split.dateMs, split.numerator.toString(), split.denominator.toString()]).toEqual(
      [Date.UTC(2020, 7, 31), '4', '1'],
    );
    expect(dividend?.kind === 'dividend' && [dividend.exDateMs, dividend.amount.toString(), dividend.currency]).toEqual(
      [Date.UTC(2020, 10, 6), '0.205', 'USD'],
    );
  });

  it('keeps only bars and actions inside [fromMs, toMs)', () => {
    const range = { fromMs: Date.UTC(2020, 8, 1), toMs: Date.UTC(2020, 10, 6) };
    const history = chart('chart-AAPL-1d-2020-08-31_2020-11-07-split-and-dividend-events.json', 'AAPL', '1d', range);
    expect(history.bars).toHaveLength(47);
    expect(row(history.bars[0])[0]).toBe('2020-09-01');
    expect(row(history.bars.at(-1))[0]).toBe('2020-11-05');
    expect(history.actions).toEqual([]);
  });

  it('MSFT 2021-02..2022-01: 252 bars and four quarterly dividends', () => {
    const history = chart('chart-MSFT-1d-2021-02_2022-01-dividend-events.json', 'MSFT');
    expect(history.bars).toHaveLength(252);
    expect(row(history.bars[0])[4]).toBe('239.65');
    expect(row(history.bars.at(-1))).toEqual(['2022-01-28', '300.23', '308.48', '294.45', '308.26', '49743700']);
    const dividends = (history.actions ?? []).map((a) => a.kind === 'dividend' && [a.exDateMs, a.amount.toString()]);
    expect(dividends).toEqual([
      [Date.UTC(2021, 1, 17), '0.56'],
      [Date.UTC(2021, 4, 19), '0.56'],
      [Date.UTC(2021, 7, 18), '0.56'],
      [Date.UTC(2021, 10, 17), '0.62'],
    ]);
  });

  it('NVDA 2021-02..2022-01: 252 bars and the 4:1 split of 2021-07-20', () => {
    const history = chart('chart-NVDA-1d-2021-02_2022-01-split-event.json', 'NVDA');
    expect(history.bars).toHaveLength(252);
    expect(row(history.bars[0])[4]).toBe('13.237');
    expect(row(history.bars.at(-1))[4]).toBe('22.84');
    expect(history.actions).toEqual([expect.objectContaining({ kind: 'split', dateMs: Date.UTC(2021, 6, 20) })]);
    const split = history.actions?.[0];
    expect(split?.kind === 'split' && `${split.numerator.toString()}:${split.denominator.toString()}`).toBe('4:1');
  });

  it('TSLA full history: 3303 bars from 2010-06-29 to 2023-08-11, oldest first, no actions', () => {
    const history = chart('chart-TSLA-1d-full-history-3303-bars.json', 'TSLA');
    expect(history.bars).toHaveLength(3303);
    expect(row(history.bars[0])).toEqual(['2010-06-29', '1.266667', '1.666667', '1.169333', '1.592667', '281494500']);
    expect(row(history.bars.at(-1))[0]).toBe('2023-08-11');
    expect(row(history.bars.at(-1))[4]).toBe('242.65');
    expect(history.bars.every((bar, i, all) => i === 0 || bar.tsMs > (all[i - 1] as Bar).tsMs)).toBe(true);
    expect(history.actions).toEqual([]);
  });

  it('BTC-USD: crypto, three UTC days', () => {
    const history = chart('chart-BTC-USD-1d-crypto.json', 'BTC-USD');
    expect(history.instrument).toMatchObject({ assetClass: 'crypto', currency: 'USD', exchange: 'CCC' });
    expect(history.bars.map((bar) => row(bar)[0])).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(row(history.bars[0])[1]).toBe('7194.892');
    expect(row(history.bars.at(-1))[4]).toBe('7344.8843');
    expect(row(history.bars.at(-1))[5]).toBe('28111481032');
  });

  it('EURUSD=X: FX in USD with zero volume', () => {
    const history = chart('chart-EURUSD_X-1d-forex.json', 'EURUSD=X');
    expect(history.instrument).toEqual({
      symbol: 'EURUSD=X',
      name: 'EUR/USD',
      assetClass: 'fx',
      currency: 'USD',
      exchange: 'CCY',
    });
    expect(history.bars).toHaveLength(3);
    expect(row(history.bars[0])[4]).toBe('1.1220826');
    expect(history.bars.map((bar) => bar.volume.toString())).toEqual(['0', '0', '0']);
  });

  it('GC=F: a future whose bar is stamped at midnight New York time lands on its own date', () => {
    const history = chart('chart-GC_F-1d-futures.json', 'GC=F');
    expect(history.instrument).toMatchObject({ assetClass: 'future', name: 'Gold Apr 25', exchange: 'CMX' });
    expect(history.bars.map(row)).toEqual([['2020-01-02', '1518.1', '1528.7', '1518', '1524.5', '214']]);
  });

  it('WSU.DE: Xetra in EUR, dates in Berlin time', () => {
    const history = chart('chart-WSU.DE-1d-xetra-EUR.json', 'WSU.DE');
    expect(history.instrument).toMatchObject({ name: 'WashTec AG', currency: 'EUR', exchange: 'GER' });
    expect(history.bars.map((bar) => row(bar)[0])).toEqual(['2023-08-04', '2023-08-07', '2023-08-08']);
    expect(row(history.bars[1])).toEqual(['2023-08-07', '34.8', '34.8', '34', '34', '336']);
  });

  it('0P000071W8.TO: a mutual fund in CAD with one NAV bar', () => {
    const history = chart('chart-0P000071W8.TO-1d-mutualfund.json', '0P000071W8.TO');
    expect(history.instrument).toMatchObject({
      assetClass: 'fund',
      currency: 'CAD',
      exchange: 'TOR',
      name: 'TD US Index e',
    });
    expect(history.bars.map(row)).toEqual([['2020-01-02', '73.72', '73.72', '73.72', '73.72', '0']]);
  });

  it('AAPL 1m over a weekend: no timestamp and `quote: [{}]` give no bars, not a crash', () => {
    const history = chart('chart-AAPL-1m-weekend-no-timestamps-empty-quote.json', 'AAPL', '1m');
    expect(history.bars).toEqual([]);
    expect(history.interval).toBe('1m');
    expect(history.instrument.currency).toBe('USD');
  });

  it('LUCYW: meta.currency null becomes the unknown currency, with no bars', () => {
    const history = chart('chart-LUCYW-1d-null-currency-no-bars.json', 'LUCYW');
    expect(history.instrument).toEqual({
      symbol: 'LUCYW',
      name: 'Innovative Eyewear, Inc.',
      assetClass: 'equity',
      currency: '',
      exchange: 'NCM',
    });
    expect(history.bars).toEqual([]);
  });
});

describe('parseChart on payloads the recordings imply', () => {
  /** The AAPL split file with some values replaced, as Yahoo sends for halted or thin sessions. */
  function withNulls(edit: (quote: Record<string, (number | null)[]>) => void) {
    const body = JSON.parse(readFixture('yahoo', 'chart-AAPL-1d-2020-08-31_2020-11-07-split-and-dividend-events.json'));
    edit(body.chart.result[0].indicators.quote[0]);
    return parseChart(body, { symbol: 'AAPL', interval: '1d', ...ALL_TIME });
  }

  it('skips a bar with a null price instead of making a zero bar', () => {
    const history = withNulls((quote) => {
      (quote['close'] as (number | null)[])[1] = null;
      (quote['open'] as (number | null)[])[2] = null;
    });
    expect(history.bars).toHaveLength(47);
    expect(history.bars.map((bar) => row(bar)[0])).not.toContain('2020-09-01');
    expect(history.bars.some((bar) => bar.close.isZero() || bar.open.isZero())).toBe(false);
  });

  it('keeps a bar whose only gap is the volume, with volume 0', () => {
    const history = withNulls((quote) => {
      (quote['volume'] as (number | null)[])[0] = null;
    });
    expect(history.bars).toHaveLength(49);
    expect(row(history.bars[0])[5]).toBe('0');
  });

  it('keeps the later of two bars Yahoo stamps on the same day (the running session)', () => {
    const body = JSON.parse(readFixture('yahoo', 'chart-AAPL-1d-2020-01-01_2020-01-03.json'));
    const result = body.chart.result[0];
    result.timestamp.push(result.timestamp[0] + 3600);
    for (const key of ['open', 'high', 'low', 'close', 'volume']) result.indicators.quote[0][key].push(80);
    const history = parseChart(body, { symbol: 'AAPL', interval: '1d', ...ALL_TIME });
    expect(history.bars.map(row)).toEqual([['2020-01-02', '80', '80', '80', '80', '80']]);
  });

  /** The GC=F file moved to another zone and instant, to check which calendar date a bar gets. */
  function dateOfBarAt(seconds: number, zone: string, gmtoffset: number): string | undefined {
    const body = JSON.parse(readFixture('yahoo', 'chart-GC_F-1d-futures.json'));
    const result = body.chart.result[0];
    Object.assign(result.meta, { exchangeTimezoneName: zone, gmtoffset });
    result.timestamp = [seconds];
    return row(parseChart(body, { symbol: 'GC=F', interval: '1d', ...ALL_TIME }).bars[0])[0];
  }

  it("dates a Sydney session by Sydney's calendar (it opens on the previous UTC day)", () => {
    // 2020-01-05 23:00 UTC is Monday 2020-01-06 10:00 in Sydney (AEDT, +11).
    expect(dateOfBarAt(Date.UTC(2020, 0, 5, 23) / 1000, 'Australia/Sydney', 39_600)).toBe('2020-01-06');
  });

  it('uses the DST offset of the bar, not the gmtoffset of the recording time', () => {
    // 2020-07-01 04:00 UTC is midnight in New York in summer (EDT, -4); meta says -5 (recorded in winter).
    expect(dateOfBarAt(Date.UTC(2020, 6, 1, 4) / 1000, 'America/New_York', -18_000)).toBe('2020-07-01');
  });

  it('keeps intraday bars at the instant Yahoo gives', () => {
    const body = JSON.parse(readFixture('yahoo', 'chart-AAPL-1d-2020-01-01_2020-01-03.json'));
    const history = parseChart(body, { symbol: 'AAPL', interval: '1h', ...ALL_TIME });
    expect(history.bars[0]?.tsMs).toBe(1577975400 * 1000);
  });

  it('refuses a payload that is not a chart', () => {
    const error = (() => {
      try {
        parseChart(JSON.parse(readFixture('yahoo', 'error-404-quoteSummary-no-fundamentals.json')), {
          symbol: 'EURUSD=X',
          interval: '1d',
          ...ALL_TIME,
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('chart error envelopes', () => {
  const envelope = (file: string) => JSON.parse(readFixture('yahoo', file)).chart.error;

  it('404 "No data found, symbol may be delisted" is an unknown symbol, with Yahoo\'s words as the hint', () => {
    const error = chartErrorOf('^TEDPIX', envelope('error-404-chart-unknown-symbol.json'), 404);
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error).toMatchObject({ code: 'unknown-symbol', retryable: false, symbol: '^TEDPIX' });
    expect(error.hint).toContain('No data found, symbol may be delisted');
  });

  it('the same envelope inside a 200 is thrown by parseChart', () => {
    const body = JSON.parse(readFixture('yahoo', 'error-404-chart-unknown-symbol.json'));
    expect(() => parseChart(body, { symbol: '^TEDPIX', interval: '1d', ...ALL_TIME })).toThrow(UnknownSymbolError);
  });

  it('422 1m range too long is range-unavailable, not retryable, quoting Yahoo', () => {
    const error = chartErrorOf('TSLA', envelope('error-422-chart-1m-range-too-long.json'), 422);
    expect(error).toMatchObject({ code: 'range-unavailable', retryable: false });
    expect(error.message).toContain('Only 8 days worth of 1m granularity data');
    expect(error.hint).toContain('30 days');
  });

  it('a 404 with an unreadable body is still an unknown symbol; a bare 200 without a result is malformed', () => {
    expect(chartErrorOf('XYZ', undefined, 404)).toBeInstanceOf(UnknownSymbolError);
    expect(chartErrorOf('XYZ', null)).toMatchObject({ code: 'malformed', retryable: true });
    expect(chartErrorOf('XYZ', undefined, 400)).toMatchObject({ code: 'bad-request', retryable: false });
  });
});
