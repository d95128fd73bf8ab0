import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseCandles,
  parseCompanyNews,
  parseProfile,
  parseQuote,
} from '../../../src/providers/finnhub/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/finnhub');
const used = new Set<string>();
function fixture(name: string): unknown {
  used.add(name);
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

const SKIPPED: Record<string, string> = {
  'rest-stock-recommendation-AAPL-2022.json': 'analyst recommendations: no engine type',
};

const closed = () => 'closed' as const;
const ohlcv = (bar: { open: unknown; high: unknown; low: unknown; close: unknown; volume: unknown }) =>
  [bar.open, bar.high, bar.low, bar.close, bar.volume].map(String);

describe('finnhub quote', () => {
  it('reads the AAPL quote; the change is derived exactly from last and previous close', () => {
    const quote = parseQuote(fixture('rest-quote-AAPL-2022-02-24.json'), { symbol: 'AAPL', marketState: closed });
    expect(quote).toMatchObject({
      symbol: 'AAPL',
      currency: 'USD',
      marketState: 'closed',
      source: 'finnhub',
      tsMs: 1645736402000,
    });
    expect([quote.last, quote.open, quote.high, quote.low, quote.previousClose, quote.volume].map(String)).toEqual([
      '162.74',
      '152.58',
      '162.85',
      '152',
      '160.07',
      '0',
    ]);
    expect(quote.last.minus(quote.previousClose).toString()).toBe('2.67');
  });

  it('passes the quote time to the market-state function', () => {
    const seen: number[] = [];
    parseQuote(fixture('rest-quote-AAPL-2022-02-24.json'), {
      symbol: 'AAPL',
      marketState: (tsMs) => (seen.push(tsMs), 'regular'),
    });
    expect(seen).toEqual([1645736402000]);
  });

  it('turns the all-zero answer for an unknown symbol into UnknownSymbolError, not a zero quote', () => {
    const run = () =>
      parseQuote(fixture('rest-quote-unknown-symbol-zeros.json'), { symbol: 'NOPE', marketState: closed });
    expect(run).toThrow(UnknownSymbolError);
    expect(run).toThrow('unknown symbol "NOPE" on finnhub');
  });

  it.each([
    ['a null price', { c: null, h: 1, l: 1, o: 1, pc: 1, t: 1645736402 }, 'quote.c'],
    ['a zero previous close with a real time', { c: 1, h: 1, l: 1, o: 1, pc: 0, t: 1645736402 }, 'quote.pc'],
    ['a missing time', { c: 1, h: 1, l: 1, o: 1, pc: 1 }, 'quote.t'],
  ])('rejects %s as malformed', (_what, body, where) => {
    expect(() => parseQuote(body, { symbol: 'AAPL', marketState: closed })).toThrow(where);
  });

  it.each(['GC=F', 'OCDO.L'])('refuses %s without a currency, takes it when given (from the profile)', (symbol) => {
    const body = fixture('rest-quote-AAPL-2022-02-24.json');
    expect(() => parseQuote(body, { symbol, marketState: closed })).toThrow(
      expect.objectContaining({ code: 'unsupported-symbol', retryable: false }),
    );
    expect(parseQuote(body, { symbol, currency: 'GBp', marketState: closed }).currency).toBe('GBp');
  });
});

describe('finnhub candles', () => {
  it.each([
    [
      'rest-stock-candle-AAPL-D-2021-09.json',
      12,
      1630972800000,
      ['154.97', '157.26', '154.39', '156.69', '82278261'],
      1632268800000,
      ['144.45', '146.43', '143.7001', '145.85', '76404341'],
    ],
    [
      'rest-stock-candle-AAPL-D-2020-11_12-float-artifacts.json',
      19,
      1604880000000,
      ['120.5', '121.98000335693', '116.12000274658', '116.31999969482', '154515312'],
      1607040000000,
      ['122.59999847412', '122.86080169678', '121.51999664307', '122.25', '78260000'],
    ],
  ])(
    '%s -> %i daily bars, float artefacts kept as their shortest text',
    (file, count, firstMs, first, lastMs, last) => {
      const bars = parseCandles(fixture(file), '1d');
      expect(bars).toHaveLength(count);
      expect([bars[0]!.tsMs, ...ohlcv(bars[0]!)]).toEqual([firstMs, ...first]);
      expect([bars.at(-1)!.tsMs, ...ohlcv(bars.at(-1)!)]).toEqual([lastMs, ...last]);
    },
  );

  it('reads no_data as an empty range', () => {
    expect(parseCandles(fixture('rest-stock-candle-no-data.json'), '1d')).toEqual([]);
  });

  it.each([
    ['columns of different lengths', { s: 'ok', t: [1630972800], o: [1], h: [1], l: [1], c: [1], v: [] }, 'one length'],
    ['an unknown status', { s: 'error' }, 'stock/candle.s'],
    [
      'a null in a column',
      { s: 'ok', t: [1630972800], o: [1], h: [1], l: [null], c: [1], v: [1] },
      'stock/candle.l[0]',
    ],
  ])('rejects %s', (_what, body, where) => {
    expect(() => parseCandles(body, '1d')).toThrow(where);
  });
});

describe('finnhub company news', () => {
  it('reads the ten AAPL items, keeping duplicate headlines with distinct ids', () => {
    const news = parseCompanyNews(fixture('rest-company-news-AAPL-2020-12-08.json'));
    expect(news).toHaveLength(10);
    expect(news[0]).toEqual({
      id: '61651699',
      title: 'Apple preps next Mac chips with aim to outclass highest-end PCs',
      publisher: 'thestar.com.my',
      url: 'https://www.thestar.com.my/tech/tech-news/2020/12/08/apple-preps-next-mac-chips-with-aim-to-outclass-highest-end-pcs',
      publishedMs: 1607418000000,
      symbols: ['AAPL'],
    });
    expect(news[1]!.title).toBe('Will Apple ‘surprise’ consumers with a new product announcement today?');
    expect(news.slice(6).map((n) => [n.id, n.publisher])).toEqual([
      ['61652039', 'Nasdaq'],
      ['61651630', 'businesswire'],
      ['61651629', 'businesswire'],
      ['61651621', 'businesswire'],
    ]);
  });
});

describe('finnhub profile', () => {
  it('reads the AAPL profile into an instrument with a short exchange code', () => {
    expect(parseProfile(fixture('rest-stock-profile2-AAPL-2022.json'), 'AAPL')).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc',
      assetClass: 'equity',
      currency: 'USD',
      exchange: 'NASDAQ',
    });
  });

  it('treats the empty profile of an unknown symbol as UnknownSymbolError', () => {
    expect(() => parseProfile({}, 'NOPE')).toThrow(UnknownSymbolError);
  });
});

describe('finnhub classifyError', () => {
  it.each([
    ['error-401-invalid-api-key.json', 401, ProviderError, 'key-rejected', false],
    ['error-401-missing-api-key.json', 401, ProviderError, 'key-rejected', false],
    ['error-403-premium-endpoint.json', 403, ProviderError, 'not-entitled', false],
    ['error-429-api-limit-reached.json', 429, RateLimitError, 'rate-limited', true],
  ])('%s with HTTP %i -> %o %s', (file, status, type, code, retryable) => {
    const error = classifyError(status, fixture(file));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'finnhub' });
    expect(error.hint).toBeTruthy();
  });

  it('names the reason from the body', () => {
    expect(classifyError(403, fixture('error-403-premium-endpoint.json')).message).toContain(
      "You don't have access to this resource.",
    );
  });
});

it('every finnhub REST and error fixture is parsed above or skipped with a reason', () => {
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name) && !(name in SKIPPED))).toEqual([]);
});
