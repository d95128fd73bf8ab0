import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseBars,
  parseLatestBars,
  parseNews,
  parseSnapshots,
} from '../../../src/providers/alpaca/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/alpaca');
const used = new Set<string>();
function fixture(name: string): unknown {
  used.add(name);
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

const TICKS = 'trades and bid/ask quotes: no engine type in this issue (quotes come from snapshots)';
const TRADING = 'trading API (orders, account, positions): the paper/live broker issue, not market data';
const SKIPPED: Record<string, string> = {
  'rest-v2-stocks-quotes-AAPL.json': TICKS,
  'rest-v2-stocks-quotes-latest-AAPL.json': TICKS,
  'rest-v2-stocks-trades-AAPL.json': TICKS,
  'rest-v2-stocks-trades-latest-AAPL-iex.json': TICKS,
  'rest-v1beta3-crypto-us-latest-quotes.json': TICKS,
};
const isTrading = (name: string) => /^(trading-|doc-trading-)/.test(name);

const regular = () => 'regular' as const;
const ohlcv = (bar: { tsMs: number; open: unknown; high: unknown; low: unknown; close: unknown; volume: unknown }) => [
  bar.tsMs,
  ...[bar.open, bar.high, bar.low, bar.close, bar.volume].map(String),
];

describe('alpaca bars', () => {
  it('reads AAPL daily bars; midnight New York becomes 00:00 UTC of the date', () => {
    const { bars, nextPageToken } = parseBars(fixture('rest-v2-stocks-bars-AAPL-1Day-2022-02.json'), '1d');
    expect(nextPageToken).toBe('QUFQTHxEfDIwMjItMDItMDJUMDU6MDA6MDAuMDAwMDAwMDAwWg==');
    expect(bars.get('AAPL')!.map(ohlcv)).toEqual([
      [Date.UTC(2022, 1, 1), '174', '174.84', '172.31', '174.61', '85998033'],
      [Date.UTC(2022, 1, 2), '174.64', '175.88', '173.33', '175.84', '84817432'],
    ]);
  });

  it('turns a sort=desc page oldest first', () => {
    const { bars } = parseBars(fixture('rest-v2-stocks-bars-TSLA-1Day-desc-2023-09.json'), '1d');
    const tsla = bars.get('TSLA')!;
    expect(tsla.map((b) => b.tsMs)).toEqual([Date.UTC(2023, 8, 25), Date.UTC(2023, 8, 26), Date.UTC(2023, 8, 27)]);
    expect(ohlcv(tsla[0]!)).toEqual([Date.UTC(2023, 8, 25), '243.38', '247.1', '238.31', '246.99', '104668716']);
    expect(ohlcv(tsla[2]!)).toEqual([Date.UTC(2023, 8, 27), '244.262', '245.33', '234.58', '240.5', '136616287']);
  });

  it('reads the empty answer as no bars and no next page', () => {
    expect(parseBars(fixture('rest-v2-stocks-bars-empty.json'), '1d')).toEqual({ bars: new Map() });
  });

  it('names crypto bars by canonical pair and keeps intraday starts', () => {
    const { bars } = parseBars(fixture('rest-v1beta3-crypto-us-bars.json'), '1h');
    expect([...bars.keys()]).toEqual(['BTC-USD', 'ETH-USD']);
    expect(ohlcv(bars.get('ETH-USD')![0]!)).toEqual([
      Date.UTC(2022, 2, 9, 5),
      '839',
      '860.56',
      '832.01',
      '858.97',
      '19227323',
    ]);
  });

  it('reads the latest minute bar per symbol', () => {
    const bars = parseLatestBars(fixture('rest-v2-stocks-bars-latest-SPY.json'));
    expect(ohlcv(bars.get('SPY')!)).toEqual([
      Date.UTC(2022, 6, 26, 20, 50),
      '392.18',
      '392.18',
      '392.18',
      '392.18',
      '2100',
    ]);
  });

  it('rejects a bar with a time that is not RFC 3339', () => {
    const body = { bars: { AAPL: [{ t: '2022-02-01', o: 1, h: 1, l: 1, c: 1, v: 1 }] }, next_page_token: null };
    expect(() => parseBars(body, '1d')).toThrow('bars.bars.AAPL[0].t should be an RFC 3339 time');
  });
});

describe('alpaca snapshots', () => {
  it('turns the AAPL snapshot into a quote at the latest trade (nanosecond time cut to ms)', () => {
    const { quotes, failures } = parseSnapshots(fixture('rest-v2-stocks-snapshots-AAPL.json'), {
      symbols: ['AAPL', 'NOPE'],
      marketState: regular,
    });
    expect(quotes).toHaveLength(1);
    const [quote] = quotes;
    expect(quote).toMatchObject({ symbol: 'AAPL', currency: 'USD', marketState: 'regular', source: 'alpaca' });
    expect(quote!.tsMs).toBe(Date.UTC(2022, 2, 18, 14, 33, 58, 448));
    expect(
      [quote!.last, quote!.open, quote!.high, quote!.low, quote!.previousClose, quote!.volume].map(String),
    ).toEqual(['161.1998', '160.59', '161.92', '159.76', '160.62', '31749988']);
    expect(failures.map((f) => [f.symbol, f.error instanceof UnknownSymbolError])).toEqual([['NOPE', true]]);
  });

  it('reads the crypto wrapper and falls back to the minute bar without a trade', () => {
    const stock = fixture('rest-v2-stocks-snapshots-AAPL.json') as { AAPL: Record<string, unknown> };
    const { latestTrade: _none, ...snapshot } = stock.AAPL;
    const { quotes } = parseSnapshots(
      { snapshots: { 'BTC/USD': snapshot } },
      { symbols: ['BTC-USD'], marketState: () => 'closed' },
    );
    expect(quotes[0]).toMatchObject({
      symbol: 'BTC-USD',
      currency: 'USD',
      marketState: 'regular',
      tsMs: Date.UTC(2022, 2, 18, 14, 32),
    });
    expect(quotes[0]!.last.toString()).toBe('161.365');
  });

  it('fails only the symbol whose snapshot is malformed', () => {
    const { quotes, failures } = parseSnapshots(
      { AAPL: { latestTrade: { t: 'yesterday', p: 1 } }, MSFT: null },
      { symbols: ['AAPL', 'MSFT'], marketState: regular },
    );
    expect(quotes).toEqual([]);
    expect(failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['AAPL', 'malformed'],
      ['MSFT', 'unknown-symbol'],
    ]);
  });
});

describe('alpaca news', () => {
  it('reads the Benzinga item (placeholder values in the SDK mock)', () => {
    const { news, nextPageToken } = parseNews(fixture('rest-v1beta1-news-page1.json'));
    expect(nextPageToken).toBe('MTczMDk3MTEwMTAwMDAwMDAwMHw0MTc5OTExNQ==');
    expect(news).toEqual([
      {
        id: '40432158',
        title: 'headline',
        publisher: 'source',
        url: 'https://',
        publishedMs: Date.UTC(2024, 7, 18, 20, 15, 44),
        symbols: ['AAPL', 'QCOM'],
      },
    ]);
  });
});

describe('alpaca classifyError', () => {
  it.each([
    ['error-401-request-not-authorized.json', 401, ProviderError, 'key-rejected', false],
    ['error-403-insufficient-buying-power.json', 403, ProviderError, 'forbidden', false],
    ['error-403-insufficient-qty.json', 403, ProviderError, 'forbidden', false],
    ['error-403-not-allowed-to-short.json', 403, ProviderError, 'forbidden', false],
    ['error-404-order-not-found.json', 404, ProviderError, 'not-found', false],
    ['error-429-trading-rate-limit.json', 429, RateLimitError, 'rate-limited', true],
  ])('%s with HTTP %i -> %o %s', (file, status, type, code, retryable) => {
    const error = classifyError(status, fixture(file));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'alpaca' });
  });

  it.each([
    [403, { message: 'subscription does not permit querying recent SIP data' }, 'not-entitled'],
    [422, { message: 'invalid symbol: BRK.Z' }, 'unknown-symbol'],
    [429, 'too many requests.', 'rate-limited'],
  ])('market data HTTP %i %j -> %s', (status, body, code) => {
    expect(classifyError(status, body)).toMatchObject({ code });
  });
});

it('every alpaca REST and error fixture is parsed above or skipped with a reason', () => {
  const skipReason = (name: string) => SKIPPED[name] ?? (isTrading(name) ? TRADING : undefined);
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name) && skipReason(name) === undefined)).toEqual([]);
});
