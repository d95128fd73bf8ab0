import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseAdvancedTradeCandles,
  parseExchangeCandles,
  parseExchangeStats,
  parseExchangeTicker,
  quoteFromTickerAndStats,
} from '../../../src/providers/coinbase/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/coinbase');
const used = new Set<string>();
function fixture(name: string): unknown {
  used.add(name);
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

const SKIPPED: Record<string, string> = {
  'fixture-ws-advtrade-heartbeats-int-counter.json': 'WebSocket frame (streaming issue)',
  'fixture-ws-advtrade-subscriptions.json': 'WebSocket frame (streaming issue)',
};

const ohlcv = (bar: { open: unknown; high: unknown; low: unknown; close: unknown; volume: unknown }) =>
  [bar.open, bar.high, bar.low, bar.close, bar.volume].map(String);

describe('coinbase candles', () => {
  it('turns Advanced Trade candles (newest first, text) oldest first', () => {
    const bars = parseAdvancedTradeCandles(fixture('rest-advtrade-candles-BTC-USD-1h-2024-04-04.json'));
    expect(bars.map((b) => b.tsMs)).toEqual([1712188800000, 1712192400000]);
    expect(ohlcv(bars[0]!)).toEqual(['65984.18', '66387.77', '65857.35', '66314.59', '358.74851052']);
    expect(ohlcv(bars[1]!)).toEqual(['66312.4', '66331.99', '66055.14', '66181.6', '355.82896243']);
  });

  it('reads Exchange candles in their [time, low, high, open, close, volume] order', () => {
    const bars = parseExchangeCandles(fixture('rest-exchange-candles-BTC-USDT-1h-2024-03-13.json'));
    expect(bars).toHaveLength(1);
    expect(bars[0]!.tsMs).toBe(1710327600000);
    expect(ohlcv(bars[0]!)).toEqual(['73243.33', '73402.47', '73241.5', '73370.65', '1.56794406']);
  });

  it.each([
    [
      'a start that is not unix seconds',
      { candles: [{ start: '2024-04-04', low: '1', high: '1', open: '1', close: '1', volume: '1' }] },
      'candles.candles[0].start',
    ],
    [
      'a missing close',
      { candles: [{ start: '1712192400', low: '1', high: '1', open: '1', volume: '1' }] },
      'candles.candles[0].close',
    ],
    ['no candles field', { message: 'NotFound' }, 'candles.candles'],
  ])('rejects %s', (_what, body, where) => {
    expect(() => parseAdvancedTradeCandles(body)).toThrow(where);
  });
});

describe('coinbase ticker and stats', () => {
  it('reads the recorded Exchange ticker, microsecond time included', () => {
    const ticker = parseExchangeTicker(fixture('rest-exchange-ticker-BTC-USDT-2024-03-13.json'));
    expect(ticker.tsMs).toBe(Date.UTC(2024, 2, 13, 11, 10, 41, 270));
    expect([ticker.last, ticker.bid, ticker.ask, ticker.size, ticker.volume24h].map(String)).toEqual([
      '73367.8',
      '73360.34',
      '73369.19',
      '0.00730812',
      '1207.50668151',
    ]);
    expect(ticker.tradeId).toBe('18502105');
  });

  it('accepts the numeric trade_id the live API sends', () => {
    const body = { ...(fixture('rest-exchange-ticker-BTC-USDT-2024-03-13.json') as object), trade_id: 18502105 };
    expect(parseExchangeTicker(body).tradeId).toBe('18502105');
  });

  it('builds a quote from ticker and stats (stats shape from the docs: no recorded capture)', () => {
    const ticker = parseExchangeTicker(fixture('rest-exchange-ticker-BTC-USDT-2024-03-13.json'));
    const stats = parseExchangeStats({
      open: '72000.5',
      high: '73400',
      low: '71000.01',
      last: '73367.8',
      volume: '1207.5',
      volume_30day: '1',
    });
    const quote = quoteFromTickerAndStats(ticker, stats, { symbol: 'BTC-USDT' });
    expect(quote).toMatchObject({ symbol: 'BTC-USDT', currency: 'USDT', marketState: 'regular', source: 'coinbase' });
    expect([quote.last, quote.open, quote.high, quote.low, quote.previousClose].map(String)).toEqual([
      '73367.8',
      '72000.5',
      '73400',
      '71000.01',
      '72000.5',
    ]);
  });

  it('widens the range when the ticker trade is outside the stats window', () => {
    const ticker = parseExchangeTicker(fixture('rest-exchange-ticker-BTC-USDT-2024-03-13.json'));
    const stats = parseExchangeStats({ open: '70000', high: '73000', low: '69000', last: '73000', volume: '1' });
    expect(quoteFromTickerAndStats(ticker, stats, { symbol: 'BTC-USDT' }).high.toString()).toBe('73367.8');
  });
});

describe('coinbase classifyError', () => {
  it.each([
    ['error-exchange-404-unknown-product.json', 404, UnknownSymbolError, 'unknown-symbol', false],
    ['error-exchange-429-public-rate-limit.json', 429, RateLimitError, 'rate-limited', true],
  ])('%s with HTTP %i -> %o', (file, status, type, code, retryable) => {
    const error = classifyError(status, fixture(file), { symbol: 'NOPE-USD' });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'coinbase' });
  });

  it.each([
    [404, { message: 'NotFound' }, 'not-found', false],
    [502, 'Bad Gateway', 'server-error', true],
    [400, { message: 'Invalid granularity' }, 'bad-request', false],
  ])('without a symbol, HTTP %i -> %s', (status, body, code, retryable) => {
    expect(classifyError(status, body)).toMatchObject({ code, retryable });
  });
});

it('every coinbase REST and error fixture is parsed above or skipped with a reason', () => {
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name) && !(name in SKIPPED))).toEqual([]);
});
