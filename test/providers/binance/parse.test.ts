import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import {
  classifyError,
  parseExchangeInfo,
  parseKlines,
  parseTicker24hr,
  parseTickers24hr,
} from '../../../src/providers/binance/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.resolve(ROOT, '../shared/fixtures/binance');
const used = new Set<string>();
function fixture(name: string): unknown {
  used.add(name);
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

/** REST fixtures that no parser here reads, and why. */
const SKIPPED: Record<string, string> = {
  'doc-rest-avgPrice.json': 'no consumer: quotes come from ticker/24hr',
  'doc-rest-depth.json': 'order book depth: no engine type yet',
  'doc-rest-ticker-price.json': 'price without day context: quotes come from ticker/24hr',
  'doc-rest-ticker-bookTicker.json': 'best bid/ask: no engine type yet',
  'doc-rest-order-new-FULL-response.json': 'trading API, not market data',
};

describe('binance klines', () => {
  it.each([
    [
      'rest-klines-BTCUSDT-1m-10bars-2021-10-22.json',
      10,
      1634943780000,
      ['60685.22', '60729.84', '60670.9', '60719.27', '21.63272'],
      1634944320000,
      ['60739.85', '60739.85', '60739.85', '60739.85', '0.04734'],
    ],
    [
      'doc-rest-klines.json',
      1,
      1499040000000,
      ['0.0163479', '0.8', '0.015758', '0.015771', '148976.11427815'],
      1499040000000,
      ['0.0163479', '0.8', '0.015758', '0.015771', '148976.11427815'],
    ],
  ])('%s -> %i bars with exact decimal text', (file, count, firstMs, first, lastMs, last) => {
    const bars = parseKlines(fixture(file));
    expect(bars).toHaveLength(count);
    const ohlcv = (i: number) => {
      const bar = bars[i]!;
      return [bar.open, bar.high, bar.low, bar.close, bar.volume].map(String);
    };
    expect(bars[0]!.tsMs).toBe(firstMs);
    expect(ohlcv(0)).toEqual(first);
    expect(bars.at(-1)!.tsMs).toBe(lastMs);
    expect(ohlcv(count - 1)).toEqual(last);
  });

  it('returns bars oldest first even if the wire order is reversed', () => {
    const rows = fixture('rest-klines-BTCUSDT-1m-10bars-2021-10-22.json') as unknown[];
    const bars = parseKlines([...rows].reverse());
    expect(bars.map((b) => b.tsMs)).toEqual([...bars.map((b) => b.tsMs)].sort((a, b) => a - b));
  });

  it.each([
    ['a price that is not a number', [[1634943780000, 'abc', '1', '1', '1', '1']], 'klines[0][1]'],
    ['a null close', [[1634943780000, '1', '1', '1', null, '1']], 'klines[0][4]'],
    ['a zero price', [[1634943780000, '0', '1', '1', '1', '1']], 'klines[0][1]'],
    ['a missing volume', [[1634943780000, '1', '1', '1', '1']], 'klines[0][5]'],
    ['an object instead of rows', { code: 0 }, 'klines'],
    [
      'two bars with one start',
      [
        [1, '1', '1', '1', '1', '1'],
        [1, '1', '1', '1', '1', '1'],
      ],
      'klines',
    ],
  ])('rejects %s as malformed and retryable', (_what, body, where) => {
    const error = catchError(() => parseKlines(body));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'malformed', retryable: true, provider: 'binance' });
    expect(error.message).toContain(where);
  });
});

describe('binance ticker/24hr', () => {
  it('turns the recorded BTCUSDT ticker into a BTC-USD quote', () => {
    const quote = parseTicker24hr(fixture('rest-ticker-24hr-BTCUSDT-2021-10-22.json'), { symbol: 'BTC-USD' });
    expect(quote).toMatchObject({
      symbol: 'BTC-USD',
      currency: 'USD',
      marketState: 'regular',
      source: 'binance',
      demo: false,
    });
    expect(quote.tsMs).toBe(1634944401452);
    const text = [quote.last, quote.open, quote.high, quote.low, quote.previousClose, quote.volume].map(String);
    expect(text).toEqual(['60755.18', '62636.13', '63732.39', '60000', '62636.13', '53076.8465']);
    // previousClose is the 24h-ago price, so the change equals Binance's own priceChange.
    expect(quote.last.minus(quote.previousClose).toString()).toBe('-1880.95');
  });

  it('reads the documented FULL ticker and an array of tickers', () => {
    const doc = fixture('doc-rest-ticker-24hr-FULL.json');
    expect(parseTicker24hr(doc, { symbol: 'BNB-BTC' }).last.toString()).toBe('4.000002');
    const [quote] = parseTickers24hr([doc]);
    expect(quote).toMatchObject({ symbol: 'BNB-BTC', currency: 'BTC' });
    expect(quote!.last.minus(quote!.previousClose).toString()).toBe('-94.999998');
  });

  it('rejects a ticker without lastPrice', () => {
    const { lastPrice: _omitted, ...rest } = fixture('rest-ticker-24hr-BTCUSDT-2021-10-22.json') as Record<
      string,
      unknown
    >;
    expect(() => parseTicker24hr(rest, { symbol: 'BTC-USD' })).toThrow(/ticker\/24hr\.lastPrice should be a decimal/);
  });
});

describe('binance exchangeInfo', () => {
  it('lists the recorded markets with canonical symbols and filters', () => {
    const markets = parseExchangeInfo(fixture('rest-exchangeInfo-BTCUSDT-ETHUSDT-2021-10-22.json'));
    expect(
      markets.map((m) => [m.wireSymbol, m.instrument.symbol, m.instrument.currency, m.tickSize, m.stepSize]),
    ).toEqual([
      ['BTCUSDT', 'BTC-USD', 'USD', '0.01', '0.00001'],
      ['ETHUSDT', 'ETH-USD', 'USD', '0.01', '0.0001'],
    ]);
    expect(markets[0]!.instrument).toMatchObject({ name: 'BTC/USDT', assetClass: 'crypto', exchange: 'BINANCE' });
  });

  it('reads the documented current shape (no filters, permissionSets)', () => {
    const [market] = parseExchangeInfo(fixture('doc-rest-exchangeInfo.json'));
    expect(market).toEqual({
      wireSymbol: 'ETHBTC',
      instrument: { symbol: 'ETH-BTC', name: 'ETH/BTC', assetClass: 'crypto', currency: 'BTC', exchange: 'BINANCE' },
    });
  });

  it('leaves out markets that are not trading', () => {
    const info = fixture('rest-exchangeInfo-BTCUSDT-ETHUSDT-2021-10-22.json') as { symbols: { status: string }[] };
    info.symbols[1]!.status = 'BREAK';
    expect(parseExchangeInfo(info).map((m) => m.wireSymbol)).toEqual(['BTCUSDT']);
  });
});

describe('binance classifyError', () => {
  it.each([
    ['error-400-invalid-symbol.json', 400, UnknownSymbolError, 'unknown-symbol', false],
    ['error-429-too-much-request-weight.json', 429, RateLimitError, 'rate-limited', true],
    ['error-429-too-much-request-weight.json', 418, RateLimitError, 'rate-limited', true],
    ['error-451-restricted-location.json', 451, ProviderError, 'restricted-location', false],
    ['error-401-invalid-api-key.json', 401, ProviderError, 'unauthorized', false],
    ['error-401-api-key-format-invalid.json', 401, ProviderError, 'unauthorized', false],
    ['error-400-invalid-signature.json', 400, ProviderError, 'unauthorized', false],
  ])('%s with HTTP %i -> %o %s', (file, status, type, code, retryable) => {
    const error = classifyError(status, fixture(file), { symbol: 'NOPE-USD', retryAfterMs: 60_000 });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, retryable, provider: 'binance' });
  });

  it('keeps Retry-After and the symbol, and reads a body given as text', () => {
    const text = readFileSync(path.join(FIXTURES, 'error-429-too-much-request-weight.json'), 'utf8');
    expect(classifyError(429, text, { retryAfterMs: 30_000 })).toMatchObject({ retryAfterMs: 30_000 });
    expect(classifyError(400, fixture('error-400-invalid-symbol.json'), { symbol: 'NOPE-USD' })).toMatchObject({
      symbol: 'NOPE-USD',
    });
    expect(classifyError(418, '').hint).toMatch(/banned/);
  });

  it.each([
    [503, '<html>Service Unavailable</html>', 'server-error', true],
    [400, { code: -1120, msg: 'Invalid interval.' }, 'bad-request', false],
  ])('falls back on the status: %i', (status, body, code, retryable) => {
    expect(classifyError(status, body)).toMatchObject({ code, retryable });
  });
});

it('every binance REST and error fixture is parsed above or skipped with a reason', () => {
  const rest = readdirSync(FIXTURES).filter((name) => !/^(ws-|doc-ws-)/.test(name));
  expect(rest.filter((name) => !used.has(name) && !(name in SKIPPED))).toEqual([]);
});

function catchError(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected an error');
}
