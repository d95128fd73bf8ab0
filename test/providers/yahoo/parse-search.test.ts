import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/errors.js';
import { parseJson } from '../../../src/providers/http/client.js';
import { parseSearch } from '../../../src/providers/yahoo/parse.js';
import { currencyFromSymbol } from '../../../src/providers/yahoo/symbols.js';
import { fixturePath, readFixture } from '../../helpers/replay-server.js';

const search = (file: string) => parseSearch(JSON.parse(readFixture('yahoo', file)));

describe('parseSearch on recorded v1 search payloads', () => {
  it('AAPL: the equity and the ETF; options and the Crunchbase entry are left out', () => {
    const { instruments } = search('search-AAPL-quotes-and-news.json');
    expect(instruments).toEqual([
      { symbol: 'AAPL', name: 'Apple Inc.', assetClass: 'equity', currency: '', exchange: 'NMS' },
      { symbol: 'AAPU', name: 'Direxion Daily AAPL Bull 2X Shares', assetClass: 'etf', currency: '', exchange: 'NGM' },
    ]);
  });

  it('AAPL news: four items, newest first, with publisher, link and related tickers', () => {
    const { news } = search('search-AAPL-quotes-and-news.json');
    expect(news.map((item) => [item.publishedMs, item.publisher])).toEqual([
      [1740477120_000, 'Motley Fool'],
      [1740463258_000, 'GuruFocus.com'],
      [1740462887_000, 'Bloomberg'],
      [1740442800_000, 'Yahoo Finance Video'],
    ]);
    expect(news[2]).toEqual({
      id: 'bfb8b663-081c-3c2b-84e3-df8fff2c37d8',
      title: 'Indonesia and Apple said to agree on terms to lift iPhone 16 ban',
      publisher: 'Bloomberg',
      url: 'https://finance.yahoo.com/news/indonesia-apple-said-agree-terms-055447668.html',
      publishedMs: 1740462887_000,
      symbols: ['AAPL'],
    });
    expect(news[0]?.symbols).toEqual(['BRK-B']);
  });

  it('BTC-USD: crypto pairs take their currency from the symbol; the fund has none; null tickers are []', () => {
    const { instruments, news } = search('search-BTC-USD.json');
    expect(instruments.map((i) => [i.symbol, i.assetClass, i.currency])).toEqual([
      ['BTC-USD', 'crypto', 'USD'],
      ['HBTC-USD', 'crypto', 'USD'],
      ['CBBTC32994-USD', 'crypto', 'USD'],
      ['LBTC33652-USD', 'crypto', 'USD'],
      ['PBTC-USD', 'crypto', 'USD'],
      ['0P0001P539', 'fund', ''],
    ]);
    expect(instruments[2]?.name).toBe('Coinbase Wrapped BTC USD');
    expect(news).toHaveLength(4);
    expect(news.find((item) => item.publisher === 'MT Newswires')?.symbols).toEqual([]);
  });

  it('BMW by company name: six listings on different venues', () => {
    const { instruments } = search('search-company-name-BMW.json');
    expect(instruments.map((i) => `${i.symbol}@${i.exchange}`)).toEqual([
      'BMW.DE@GER',
      'BMW.SG@STU',
      'BAMXF@PNK',
      'BMWM5N.MX@MEX',
      'BMW3D.XC@CXE',
      'BMW.DU@DUS',
    ]);
    expect(instruments[0]?.name).toBe('Bayerische Motoren Werke Aktiengesellschaft');
  });

  it('an ISIN with no match: nothing, no crash', () => {
    expect(search('search-ISIN-NO0010123060.json')).toEqual({ instruments: [], news: [] });
  });

  it('refuses a body that is not an object', () => {
    expect(() => parseSearch(null)).toThrow(ProviderError);
  });
});

describe('currencyFromSymbol', () => {
  it.each([
    ['BTC-USD', 'crypto', 'USD'],
    ['EURUSD=X', 'fx', 'USD'],
    ['JPY=X', 'fx', 'JPY'],
    ['OCDO.L', 'equity', undefined],
    ['BTC', 'crypto', undefined],
  ] as const)('%s (%s) -> %s', (symbol, assetClass, currency) => {
    expect(currencyFromSymbol(symbol, assetClass)).toBe(currency);
  });
});

describe('the 429 body', () => {
  it('is plain text, and reading it as JSON is a retryable malformed error', () => {
    const body = readFixture('yahoo', 'error-429-rate-limited-body.txt');
    expect(body.trim()).toBe('Edge: Too Many Requests');
    expect(() => parseJson('yahoo', 'https://query2.finance.yahoo.com/v7/finance/quote', body)).toThrow(
      expect.objectContaining({ code: 'malformed', retryable: true }),
    );
  });
});

/**
 * Every recorded Yahoo payload has a test: a new file in the folder fails this until it is used
 * above (or listed here as one stockato does not read, with the reason).
 */
describe('fixture coverage', () => {
  const NOT_READ = {
    'trending-US.json': 'the trending endpoint is not used by stockato',
  } as Record<string, string>;

  it('every file in fixtures/yahoo is exercised by a yahoo test or listed as not read', () => {
    const testDir = new URL('.', import.meta.url);
    const tests = readdirSync(testDir)
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => readFileSync(new URL(name, testDir), 'utf8'))
      .join('\n');
    const unused = readdirSync(fixturePath('yahoo')).filter((name) => !NOT_READ[name] && !tests.includes(`'${name}'`));
    expect(unused).toEqual([]);
  });
});
