import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseCoinsMarkets,
  parseMarketChart,
  parseSimplePrice,
} from '../../../src/providers/coingecko/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/coingecko');
const used = new Set<string>();
function fixture(name: string): unknown {
  used.add(name);
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

const RECEIVED_MS = Date.UTC(2024, 0, 2);
const prices = (bars: readonly { open: unknown; high: unknown; low: unknown; close: unknown }[]) =>
  bars.map((b) => [b.open, b.high, b.low, b.close].map(String));

describe('coingecko simple/price', () => {
  it('derives the 24h-ago price from the change percent, with every include', () => {
    const body = fixture('rest-simple-price-ethereum-usd-all-includes-2020-10-12.json');
    const { quotes, failures } = parseSimplePrice(
      body,
      [{ symbol: 'ETH-USD', id: 'ethereum', vsCurrency: 'usd' }],
      RECEIVED_MS,
    );
    expect(failures).toEqual([]);
    const [quote] = quotes;
    expect(quote).toMatchObject({ symbol: 'ETH-USD', currency: 'USD', marketState: 'regular', tsMs: 1602472941000 });
    expect(
      [quote!.last, quote!.previousClose, quote!.open, quote!.high, quote!.low, quote!.volume].map(String),
    ).toEqual(['374.01', '371.497171', '371.497171', '374.01', '371.497171', '24692464.59011455']);
  });

  it('without includes: no change, the time of receipt, zero volume', () => {
    const body = fixture('rest-simple-price-bitcoin-usd-2018.json');
    const { quotes } = parseSimplePrice(body, [{ symbol: 'BTC-USD', id: 'bitcoin', vsCurrency: 'usd' }], RECEIVED_MS);
    expect(quotes[0]).toMatchObject({ tsMs: RECEIVED_MS });
    expect([quotes[0]!.last, quotes[0]!.previousClose, quotes[0]!.volume].map(String)).toEqual([
      '7984.89',
      '7984.89',
      '0',
    ]);
  });

  it('keeps tiny exponent-notation prices exact and reports ids CoinGecko left out', () => {
    const body = fixture('rest-simple-price-multi-ids-vs_btc-2023-12.json');
    const { quotes, failures } = parseSimplePrice(
      body,
      [
        { symbol: 'ALPH-BTC', id: 'alephium', vsCurrency: 'btc' },
        { symbol: 'WBTC-BTC', id: 'wrapped-bitcoin', vsCurrency: 'btc' },
        { symbol: 'NOPE-BTC', id: 'nope', vsCurrency: 'btc' },
        { symbol: 'DAI-USD', id: 'dai', vsCurrency: 'usd' },
      ],
      RECEIVED_MS,
    );
    expect(quotes.map((q) => [q.symbol, q.last.toString(), q.currency])).toEqual([
      ['ALPH-BTC', '0.00002013', 'BTC'],
      ['WBTC-BTC', '1.000324', 'BTC'],
    ]);
    expect(failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['NOPE-BTC', 'unknown-symbol'],
      ['DAI-USD', 'unknown-symbol'],
    ]);
    expect(failures[0]!.error).toBeInstanceOf(UnknownSymbolError);
  });

  it('fails only the symbol whose price is malformed', () => {
    const body = { bitcoin: { usd: null }, ethereum: { usd: 374.01 } };
    const { quotes, failures } = parseSimplePrice(
      body,
      [
        { symbol: 'BTC-USD', id: 'bitcoin', vsCurrency: 'usd' },
        { symbol: 'ETH-USD', id: 'ethereum', vsCurrency: 'usd' },
      ],
      RECEIVED_MS,
    );
    expect(quotes.map((q) => q.symbol)).toEqual(['ETH-USD']);
    expect(failures[0]!.error).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('coingecko coins/markets', () => {
  it('reads the 2018 row with numbers as text, real 24h range and name', () => {
    const [quote] = parseCoinsMarkets(fixture('rest-coins-markets-usd-bitcoin-2018-08-28.json'), 'usd');
    expect(quote).toMatchObject({
      symbol: 'BTC-USD',
      name: 'Bitcoin',
      currency: 'USD',
      tsMs: Date.parse('2018-08-28T12:12:53.390Z'),
    });
    expect([quote!.last, quote!.previousClose, quote!.high, quote!.low, quote!.volume].map(String)).toEqual([
      '7015.11823787848',
      '6715.3945050234',
      '7054.21193531031',
      '6668.29100755648',
      '872568.4472667',
    ]);
  });
});

describe('coingecko market_chart', () => {
  it('builds daily bars from the alephium samples; the "now" sample joins the last day', () => {
    const bars = parseMarketChart(fixture('rest-coins-alephium-market_chart-vs_btc-days5-2023-12.json'), '1d');
    expect(bars.map((b) => b.tsMs)).toEqual([
      1702080000000, 1702166400000, 1702252800000, 1702339200000, 1702425600000,
    ]);
    expect(prices(bars.slice(0, 1))).toEqual([Array(4).fill('0.000016446899669484214')]);
    expect(prices(bars.slice(-1))).toEqual([
      ['0.00002007992246841523', '0.00002007992246841523', '0.00001895741967034403', '0.00001895741967034403'],
    ]);
    expect(bars.every((b) => b.volume.isZero())).toBe(true);
  });

  it('aggregates 5-minute samples into hourly bars (first, max, min, last)', () => {
    const bars = parseMarketChart(
      fixture('rest-coins-bitcoin-market_chart-usd-days1-2018-prices-only-trimmed.json'),
      '1h',
    );
    expect(bars.map((b) => b.tsMs)).toEqual([Date.UTC(2018, 7, 27, 12), Date.UTC(2018, 7, 27, 13)]);
    expect(prices(bars)).toEqual([
      ['6756.942910425894', '6756.942910425894', '6668.291007556478', '6668.291007556478'],
      ['6703.7499879964', '6706.898948451269', '6703.7499879964', '6706.898948451269'],
    ]);
  });

  it('rejects a sample without a price', () => {
    expect(() => parseMarketChart({ prices: [[1702080000000, null]] }, '1d')).toThrow('market_chart.prices[0][1]');
  });

  it('throws the 365-day error even when it arrives with HTTP 200', () => {
    expect(() => parseMarketChart(fixture('error-401-10012-history-beyond-365-days.json'), '1d')).toThrow(
      expect.objectContaining({ code: 'history-limit', retryable: false }),
    );
  });
});

describe('coingecko classifyError', () => {
  it.each([
    ['error-429-rate-limit.json', 429, RateLimitError, 'rate-limited', true],
    ['error-404-coin-not-found.json', 404, UnknownSymbolError, 'unknown-symbol', false],
    ['error-401-10012-history-beyond-365-days.json', 401, ProviderError, 'history-limit', false],
    ['error-400-10010-pro-key-on-public-host.json', 400, ProviderError, 'unauthorized', false],
  ])('%s with HTTP %i -> %o %s', (file, status, type, code, retryable) => {
    const error = classifyError(status, fixture(file), { symbol: 'NOPE-USD' });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'coingecko' });
  });

  it('drops a Retry-After of 0 and keeps a real one', () => {
    const body = JSON.stringify({ status: { error_code: 429, error_message: 'x' } });
    expect(classifyError(429, body, { retryAfterMs: 0 })).toMatchObject({ retryAfterMs: undefined });
    expect(classifyError(429, body, { retryAfterMs: 5000 })).toMatchObject({ retryAfterMs: 5000 });
  });
});

it('every coingecko REST and error fixture is parsed above', () => {
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name))).toEqual([]);
});
