import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseAggregates,
  parseDailyOpenClose,
  parseGroupedDaily,
  parseMarketStatus,
  parseNews,
  parsePreviousClose,
  parseSnapshot,
  parseSnapshotList,
} from '../../../src/providers/polygon/parse.js';
import { parseJsonKeepingBigIntegers } from '../../../src/providers/wire-guards.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/polygon');
const used = new Set<string>();
function text(name: string): string {
  used.add(name);
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}
const fixture = (name: string): unknown => JSON.parse(text(name)) as unknown;

/** Read only by the nanosecond test below; no parser turns them into engine types yet. */
const TICK_LEVEL = [
  'rest-v2-last-trade-AAPL.json',
  'rest-v2-last-nbbo-AAPL.json',
  'rest-v3-trades-AAPL-limit2.json',
  'rest-v3-quotes-AAPL-page1-with-next_url.json',
  'rest-v1-last-crypto-BTC-USD.json',
];

const regular = () => 'regular' as const;
const ohlcv = (bar: { open: unknown; high: unknown; low: unknown; close: unknown; volume: unknown }) =>
  [bar.open, bar.high, bar.low, bar.close, bar.volume].map(String);

describe('polygon aggregates', () => {
  it('reads the AAPL range; daily bars move from midnight New York to 00:00 UTC of the date', () => {
    const { bars, nextUrl } = parseAggregates(fixture('rest-v2-aggs-range-AAPL-1-day-2005-04-01_04.json'), '1d');
    expect(nextUrl).toBeUndefined();
    expect(bars.map((b) => b.tsMs)).toEqual([Date.UTC(2005, 3, 1), Date.UTC(2005, 3, 4)]);
    expect(ohlcv(bars[0]!)).toEqual(['1.5032', '1.5064', '1.4489', '1.4604', '642646396']);
    expect(ohlcv(bars[1]!)).toEqual(['1.4639', '1.4754', '1.4343', '1.4675', '578172308']);
  });

  it('keeps intraday bar starts as sent', () => {
    const { bars } = parseAggregates(fixture('rest-v2-aggs-range-AAPL-1-day-2005-04-01_04.json'), '1h');
    expect(bars[0]!.tsMs).toBe(1112331600000);
  });

  it('reads a page without results as no bars, and keeps next_url', () => {
    const body = {
      ticker: 'AAPL',
      queryCount: 0,
      resultsCount: 0,
      adjusted: true,
      status: 'OK',
      request_id: 'x',
      next_url: 'https://api.massive.com/v2/aggs/next',
    };
    expect(parseAggregates(body, '1d')).toEqual({ bars: [], nextUrl: 'https://api.massive.com/v2/aggs/next' });
  });

  it('reads the previous close, and treats an empty one as an unknown ticker', () => {
    const bar = parsePreviousClose(fixture('rest-v2-aggs-prev-AAPL.json'), 'AAPL');
    expect([bar.tsMs, ...ohlcv(bar)]).toEqual([
      Date.UTC(2022, 3, 26),
      '162.25',
      '162.34',
      '156.72',
      '156.8',
      '95595226',
    ]);
    expect(() =>
      parsePreviousClose({ queryCount: 0, resultsCount: 0, adjusted: true, status: 'OK', request_id: 'x' }, 'NOPE'),
    ).toThrow(UnknownSymbolError);
  });

  it('reads grouped daily bars by canonical symbol', () => {
    const bars = parseGroupedDaily(fixture('rest-v2-aggs-grouped-us-stocks-2005-04-04.json'));
    expect([...bars.keys()]).toEqual(['GIK']);
    expect([bars.get('GIK')!.tsMs, ...ohlcv(bars.get('GIK')!)]).toEqual([
      Date.UTC(2020, 9, 14),
      '9.99',
      '10.02',
      '9.9',
      '10.02',
      '895345',
    ]);
  });

  it('reads the daily open/close with its extended-hours prices', () => {
    const { bar, preMarket, afterHours } = parseDailyOpenClose(fixture('rest-v1-open-close-AAPL-2005-04-01.json'));
    expect([bar.tsMs, ...ohlcv(bar), String(preMarket), String(afterHours)]).toEqual([
      Date.UTC(2021, 3, 1),
      '123.66',
      '124.18',
      '122.49',
      '123',
      '75089134',
      '123.45',
      '123',
    ]);
  });

  it('rejects a bar with a missing close', () => {
    const body = {
      queryCount: 1,
      resultsCount: 1,
      adjusted: true,
      status: 'OK',
      request_id: 'x',
      results: [{ v: 1, o: 1, h: 1, l: 1, t: 1 }],
    };
    expect(() => parseAggregates(body, '1d')).toThrow('aggs.results[0].c');
  });
});

describe('polygon snapshots', () => {
  it('turns the AAPL snapshot into a quote priced at the last trade', () => {
    const quote = parseSnapshot(fixture('rest-v2-snapshot-ticker-AAPL.json'), { marketState: regular });
    expect(quote).toMatchObject({
      symbol: 'AAPL',
      currency: 'USD',
      marketState: 'regular',
      source: 'polygon',
      tsMs: 1651251948294,
    });
    expect([quote.last, quote.open, quote.high, quote.low, quote.previousClose, quote.volume].map(String)).toEqual([
      '159.99',
      '161.84',
      '166.2',
      '159.8',
      '163.64',
      '68840127',
    ]);
    // Same figure as Polygon's own todaysChange, derived exactly.
    expect(quote.last.minus(quote.previousClose).toString()).toBe('-3.65');
  });

  it('reads the gainers list in wire order', () => {
    const quotes = parseSnapshotList(fixture('rest-v2-snapshot-gainers.json'), { marketState: regular });
    expect(quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString(), q.tsMs])).toEqual([
      ['NVCN', '6.42', '0.29', 1651251334045],
      ['BIOL', '4.2116', '0.1953', 1651251789345],
    ]);
  });

  it('before the first trade of the day: last from the minute bar, day range from last, time from updated', () => {
    const body = fixture('rest-v2-snapshot-ticker-AAPL.json') as { ticker: Record<string, unknown> };
    const { lastTrade: _none, ...ticker } = body.ticker;
    const quiet = { ...body, ticker: { ...ticker, day: { o: 0, h: 0, l: 0, c: 0, v: 0, vw: 0 } } };
    const quote = parseSnapshot(quiet, { marketState: () => 'pre' });
    expect([quote.last, quote.open, quote.high, quote.low, quote.volume].map(String)).toEqual([
      '160.3',
      '160.3',
      '160.3',
      '160.3',
      '0',
    ]);
    expect(quote).toMatchObject({ marketState: 'pre', tsMs: 1651251948294 });
  });

  it('keeps nanosecond times exact when the body is read with parseJsonKeepingBigIntegers', () => {
    // 1651251948294999999 ns is 1651251948294 ms; as a double it rounds up to ...295000000.
    const raw = text('rest-v2-snapshot-ticker-AAPL.json').replace('1651251948294080343', '1651251948294999999');
    const lossy = parseSnapshot(JSON.parse(raw), { marketState: regular });
    const exact = parseSnapshot(parseJsonKeepingBigIntegers(raw), { marketState: regular });
    expect(lossy.tsMs).toBe(1651251948295);
    expect(exact.tsMs).toBe(1651251948294);
  });

  it.each(TICK_LEVEL)('%s: every nanosecond digit survives parseJsonKeepingBigIntegers', (file) => {
    const raw = text(file);
    const big = [...raw.matchAll(/(?<![\d.])\d{16,}(?![\d.])/g)].map((m) => m[0]);
    const parsed = JSON.stringify(parseJsonKeepingBigIntegers(raw));
    for (const digits of big) expect(parsed).toContain(`"${digits}"`);
    expect(parsed).not.toMatch(/[^"\d]\d{16,}/);
  });
});

describe('polygon news and market status', () => {
  it('reads the NFLX news item', () => {
    const [item, ...rest] = parseNews(fixture('rest-v2-reference-news-NFLX.json'));
    expect(rest).toEqual([]);
    expect(item).toEqual({
      id: 'JeJEhAVoKaqJ2zF9nzQYMg07UlEeWlis6Dsop33TPQY',
      title: 'Theres a big hole in the Feds theory of inflation—incomes are falling at a record 10.9 rate',
      publisher: 'MarketWatch',
      url: 'https://www.marketwatch.com/story/theres-a-big-hole-in-the-feds-theory-of-inflationincomes-are-falling-at-a-record-10-9-rate-11651165705',
      publishedMs: Date.UTC(2022, 3, 28, 17, 8),
      symbols: ['MSFT', 'TSN', 'NFLX', 'AMZN'],
    });
  });

  it('reads extended hours with afterHours as post-market', () => {
    expect(parseMarketStatus(fixture('rest-v1-marketstatus-now.json'))).toEqual({
      stocks: 'post',
      fx: 'regular',
      crypto: 'regular',
      serverTimeMs: Date.UTC(2022, 3, 28, 20, 48, 8),
    });
  });
});

describe('polygon classifyError', () => {
  it.each([
    ['error-401-api-key-not-provided.json', 401, ProviderError, 'key-rejected', false],
    ['error-401-unknown-api-key.json', 401, ProviderError, 'key-rejected', false],
    ['error-403-not-entitled.json', 403, ProviderError, 'not-entitled', false],
    ['error-403-today-before-eod.json', 403, ProviderError, 'not-entitled', false],
    ['error-429-max-requests-per-minute.json', 429, RateLimitError, 'rate-limited', true],
  ])('%s with HTTP %i -> %o %s', (file, status, type, code, retryable) => {
    const error = classifyError(status, fixture(file));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'polygon' });
  });

  it('tells today-before-end-of-day apart by its hint', () => {
    expect(classifyError(403, fixture('error-403-today-before-eod.json')).hint).toMatch(/ends yesterday/);
    expect(classifyError(403, fixture('error-403-not-entitled.json')).hint).toMatch(/plan does not include/);
  });

  it('throws an error envelope that came with HTTP 200', () => {
    expect(() => parseAggregates(fixture('error-403-not-entitled.json'), '1d')).toThrow(
      expect.objectContaining({ code: 'not-entitled' }),
    );
  });

  it('maps 404 to UnknownSymbolError when the symbol is known', () => {
    const body = { status: 'NotFound', request_id: 'x', message: 'Ticker not found.' };
    expect(classifyError(404, body, { symbol: 'NOPE' })).toBeInstanceOf(UnknownSymbolError);
  });
});

it('every polygon REST and error fixture is read above', () => {
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name))).toEqual([]);
});

describe('polygon weekly aggregates', () => {
  it('a week dated by its Sunday (midnight New York) starts on the Monday after, as engine weeks do', () => {
    const agg = { v: 1, o: 1, c: 1, h: 1, l: 1, t: Date.UTC(2024, 0, 7, 5) };
    const body = { ticker: 'AAPL', queryCount: 1, resultsCount: 1, adjusted: true, status: 'OK', request_id: 'x' };
    const { bars } = parseAggregates({ ...body, results: [agg] }, '1wk');
    expect(new Date(bars[0]!.tsMs).toISOString()).toBe('2024-01-08T00:00:00.000Z');
    const monday = { ...agg, t: Date.UTC(2024, 0, 8, 5) };
    expect(parseAggregates({ ...body, results: [monday] }, '1wk').bars[0]!.tsMs).toBe(Date.UTC(2024, 0, 8));
  });
});
