import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseGlobalQuote,
  parseNewsSentiment,
  parseSymbolSearch,
  parseTimeSeries,
} from '../../../src/providers/alphavantage/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/alphavantage');
const used = new Set<string>();
function fixture(name: string): unknown {
  used.add(name);
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

const SKIPPED: Record<string, string> = {
  'rest-CURRENCY_EXCHANGE_RATE-BTC-CNY-2017-12-20.json':
    'a bare rate without day context; FX and crypto quotes come from other sources',
};

const closed = () => 'closed' as const;
const ohlcv = (bar: { tsMs: number; open: unknown; high: unknown; low: unknown; close: unknown; volume: unknown }) => [
  bar.tsMs,
  ...[bar.open, bar.high, bar.low, bar.close, bar.volume].map(String),
];

describe('alphavantage GLOBAL_QUOTE', () => {
  it('reads the MSFT quote; the date-only time becomes 16:00 New York that day', () => {
    const quote = parseGlobalQuote(fixture('rest-GLOBAL_QUOTE-MSFT-2018-10-05.json'), {
      symbol: 'MSFT',
      marketState: closed,
    });
    expect(quote).toMatchObject({ symbol: 'MSFT', currency: 'USD', marketState: 'closed', source: 'alphavantage' });
    expect(quote.tsMs).toBe(Date.UTC(2018, 9, 5, 20));
    expect([quote.last, quote.open, quote.high, quote.low, quote.previousClose, quote.volume].map(String)).toEqual([
      '112.13',
      '112.63',
      '113.17',
      '110.64',
      '112.79',
      '29062853',
    ]);
    expect(quote.last.minus(quote.previousClose).toString()).toBe('-0.66');
  });

  it('uses the time of receipt while that day is still trading', () => {
    const receivedMs = Date.UTC(2018, 9, 5, 15);
    const quote = parseGlobalQuote(fixture('rest-GLOBAL_QUOTE-MSFT-2018-10-05.json'), {
      symbol: 'MSFT',
      marketState: closed,
      receivedMs,
    });
    expect(quote.tsMs).toBe(receivedMs);
  });

  it('needs the currency of a listing outside the US', () => {
    const body = fixture('rest-GLOBAL_QUOTE-MSFT-2018-10-05.json');
    expect(() => parseGlobalQuote(body, { symbol: 'OCDO.L', marketState: closed })).toThrow(
      expect.objectContaining({ code: 'unsupported-symbol' }),
    );
    expect(parseGlobalQuote(body, { symbol: 'OCDO.L', currency: 'GBp', marketState: closed }).currency).toBe('GBp');
  });

  it('turns the empty quote of an unknown symbol into UnknownSymbolError', () => {
    expect(() => parseGlobalQuote({ 'Global Quote': {} }, { symbol: 'NOPE', marketState: closed })).toThrow(
      UnknownSymbolError,
    );
  });

  it('rejects a quote without a price', () => {
    const body = fixture('rest-GLOBAL_QUOTE-MSFT-2018-10-05.json') as { 'Global Quote': Record<string, string> };
    delete body['Global Quote']['05. price'];
    expect(() => parseGlobalQuote(body, { symbol: 'MSFT', marketState: closed })).toThrow(
      'GLOBAL_QUOTE.Global Quote.05. price',
    );
  });
});

describe('alphavantage TIME_SERIES', () => {
  it('reads the trimmed IBM daily series oldest first', () => {
    const bars = parseTimeSeries(fixture('rest-TIME_SERIES_DAILY-IBM-compact-trimmed-8-days-2023-11-28.json'), '1d');
    expect(bars).toHaveLength(8);
    expect(ohlcv(bars[0]!)).toEqual([Date.UTC(2023, 10, 16), '153', '153.35', '152.13', '153.06', '3519172']);
    expect(ohlcv(bars[7]!)).toEqual([Date.UTC(2023, 10, 28), '155.44', '155.745', '154.86', '155.65', '2666182']);
  });

  it('reads intraday New York wall times as UTC (EST in December: +5 h)', () => {
    const bars = parseTimeSeries(fixture('rest-TIME_SERIES_INTRADAY-MSFT-1min-2017-12-18.json'), '1m');
    expect(bars).toHaveLength(100);
    expect(ohlcv(bars[0]!)).toEqual([Date.UTC(2017, 11, 18, 18, 17), '86.8101', '86.82', '86.79', '86.8', '31172']);
    expect(ohlcv(bars[99]!)).toEqual([Date.UTC(2017, 11, 18, 19, 56), '86.49', '86.5', '86.475', '86.5', '10494']);
  });

  it('applies daylight saving time (EDT in July: +4 h)', () => {
    const body = {
      'Meta Data': { '6. Time Zone': 'US/Eastern' },
      'Time Series (5min)': {
        '2023-07-03 09:30:00': { '1. open': '1', '2. high': '1', '3. low': '1', '4. close': '1', '5. volume': '0' },
      },
    };
    expect(parseTimeSeries(body, '5m')[0]!.tsMs).toBe(Date.UTC(2023, 6, 3, 13, 30));
  });

  it.each([
    ['no series', { 'Meta Data': {} }, 'Time Series'],
    ['a bad date key', { 'Meta Data': {}, 'Time Series (Daily)': { yesterday: {} } }, 'keyed by a date'],
    [
      'an unknown zone',
      { 'Meta Data': { '6. Time Zone': 'Mars/Olympus' }, 'Time Series (1min)': {} },
      'a time zone name',
    ],
  ])('rejects %s', (_what, body, message) => {
    const interval = 'Time Series (1min)' in body ? '1m' : '1d';
    expect(() => parseTimeSeries(body, interval)).toThrow(message);
  });
});

describe('alphavantage NEWS_SENTIMENT and SYMBOL_SEARCH', () => {
  it('reads the two kept news items, URL as id, tickers mapped', () => {
    const news = parseNewsSentiment(fixture('rest-NEWS_SENTIMENT-2024-05-04-trimmed-2-of-50-items.json'));
    expect(news.map((n) => [n.publisher, n.publishedMs, n.symbols])).toEqual([
      ['Benzinga', Date.UTC(2024, 4, 4, 16, 3, 17), ['AXP', 'AAPL', 'BAC', 'CVX', 'KO']],
      ['Motley Fool', Date.UTC(2024, 4, 4, 15, 15, 58), ['AAPL', 'BRK-A']],
    ]);
    expect(news[1]).toMatchObject({
      id: 'https://www.fool.com/investing/2024/05/04/berkshire-hathaway-trims-its-apple-investment-and/',
      title: 'Berkshire Hathaway Trims Its Apple Investment and Has $189 Billion in Cash',
    });
    expect(news[0]!.title.endsWith('NYSE:AXP )')).toBe(true);
  });

  it('reads the BA search with canonical symbols and exchange codes', () => {
    const found = parseSymbolSearch(fixture('rest-SYMBOL_SEARCH-BA.json'));
    expect(found).toHaveLength(10);
    expect(found[0]).toEqual({
      symbol: 'BA',
      name: 'The Boeing Company',
      assetClass: 'equity',
      currency: 'USD',
      exchange: 'US',
    });
    expect(found[3]).toEqual({
      symbol: '6190.HK',
      name: 'Bank of Jiujiang Co. Ltd.',
      assetClass: 'equity',
      currency: 'HKD',
      exchange: 'HKEX',
    });
  });
});

describe('alphavantage errors (all HTTP 200)', () => {
  it.each([
    ['error-note-legacy-5-per-minute.json', RateLimitError, 'rate-limited', true],
    ['error-information-25-per-day-2024.json', RateLimitError, 'rate-limited', true],
    ['error-information-25-per-day-detected-key.json', RateLimitError, 'rate-limited', true],
    ['error-information-premium-endpoint.json', ProviderError, 'not-entitled', false],
    ['error-information-demo-key.json', ProviderError, 'key-rejected', false],
    ['error-invalid-api-call.json', UnknownSymbolError, 'unknown-symbol', false],
  ])('%s -> %o %s, from classifyError and from every parser', (file, type, code, retryable) => {
    const body = fixture(file);
    const error = classifyError(200, body, { symbol: 'IBM' });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'alphavantage' });
    const parsers = [
      () => parseGlobalQuote(body, { symbol: 'IBM', marketState: closed }),
      () => parseTimeSeries(body, '1d', { symbol: 'IBM' }),
      () => parseNewsSentiment(body, { symbol: 'IBM' }),
      () => parseSymbolSearch(body, { symbol: 'IBM' }),
    ];
    for (const parse of parsers) expect(parse).toThrow(type);
  });

  it('waits a minute after the legacy Note, and has no symbol to blame without one', () => {
    expect(classifyError(200, fixture('error-note-legacy-5-per-minute.json'))).toMatchObject({ retryAfterMs: 60_000 });
    expect(classifyError(200, fixture('error-invalid-api-call.json'))).toMatchObject({
      code: 'bad-request',
      retryable: false,
    });
  });
});

it('every alphavantage REST and error fixture is parsed above or skipped with a reason', () => {
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name) && !(name in SKIPPED))).toEqual([]);
});
