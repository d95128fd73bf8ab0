import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/errors.js';
import { fromAlpacaSymbol, toAlpacaSymbol } from '../../src/providers/alpaca/symbols.js';
import { fromAlphaVantageSymbol, toAlphaVantageSymbol } from '../../src/providers/alphavantage/symbols.js';
import { fromBinanceSymbol, toBinanceSymbol } from '../../src/providers/binance/symbols.js';
import { fromCoinbaseProduct, toCoinbaseProduct } from '../../src/providers/coinbase/symbols.js';
import { fromCoinGecko, toCoinGecko } from '../../src/providers/coingecko/symbols.js';
import { fromFinnhubSymbol, toFinnhubSymbol } from '../../src/providers/finnhub/symbols.js';
import { fromPolygonTicker, toPolygonTicker } from '../../src/providers/polygon/symbols.js';
import { currencyOf, parseCanonicalSymbol, splitConcatenatedPair } from '../../src/providers/symbols.js';

describe('parseCanonicalSymbol', () => {
  it.each([
    ['AAPL', { kind: 'security', ticker: 'AAPL' }],
    ['BRK-B', { kind: 'security', ticker: 'BRK', shareClass: 'B' }],
    ['BRK.B', { kind: 'security', ticker: 'BRK', shareClass: 'B' }],
    ['OCDO.L', { kind: 'security', ticker: 'OCDO', exchangeSuffix: 'L' }],
    ['0P000071W8.TO', { kind: 'security', ticker: '0P000071W8', exchangeSuffix: 'TO' }],
    ['BTC-USD', { kind: 'crypto', base: 'BTC', quote: 'USD' }],
    ['ETH-BTC', { kind: 'crypto', base: 'ETH', quote: 'BTC' }],
    ['EURUSD=X', { kind: 'fx', base: 'EUR', quote: 'USD' }],
    ['JPY=X', { kind: 'fx', base: 'USD', quote: 'JPY' }],
    ['^GSPC', { kind: 'index', root: 'GSPC' }],
    ['GC=F', { kind: 'future', root: 'GC' }],
  ])('%s', (symbol, parts) => {
    expect(parseCanonicalSymbol(symbol)).toEqual({ symbol, ...parts });
  });

  it.each(['', 'aapl', 'A B', 'BTC/USD', 'X:BTCUSD', 'TOO-MANY-DASHES'])('rejects %j', (text) => {
    expect(parseCanonicalSymbol(text)).toBeUndefined();
  });

  it.each([
    ['AAPL', 'USD'],
    ['OCDO.L', undefined],
    ['WSU.DE', undefined],
    ['BTC-EUR', 'EUR'],
    ['EURUSD=X', 'USD'],
    ['^GSPC', 'USD'],
    ['GC=F', undefined],
  ])('currencyOf(%s) = %s', (symbol, currency) => {
    expect(currencyOf(parseCanonicalSymbol(symbol)!)).toBe(currency);
  });

  it('splits concatenated pairs at the longest quote', () => {
    expect(splitConcatenatedPair('BTCFDUSD', ['USD', 'FDUSD', 'USDT'])).toEqual({ base: 'BTC', quote: 'FDUSD' });
    expect(splitConcatenatedPair('USDT', ['USDT'])).toBeUndefined();
  });
});

/** [canonical, provider form, canonical read back (differs only where documented)]. */
type Row = [string, string, string];

describe.each([
  [
    'binance',
    toBinanceSymbol,
    fromBinanceSymbol,
    [
      ['BTC-USD', 'BTCUSDT', 'BTC-USD'],
      ['BTC-USDT', 'BTCUSDT', 'BTC-USD'], // USDT reads back as USD: the documented stand-in
      ['ETH-BTC', 'ETHBTC', 'ETH-BTC'],
      ['BTC-USDC', 'BTCUSDC', 'BTC-USDC'],
      ['BNB-EUR', 'BNBEUR', 'BNB-EUR'],
    ],
    ['AAPL', 'EURUSD=X', '^GSPC'],
  ],
  [
    'coinbase',
    toCoinbaseProduct,
    fromCoinbaseProduct,
    [
      ['BTC-USD', 'BTC-USD', 'BTC-USD'],
      ['ETH-EUR', 'ETH-EUR', 'ETH-EUR'],
    ],
    ['AAPL', 'GC=F'],
  ],
  [
    'polygon',
    toPolygonTicker,
    fromPolygonTicker,
    [
      ['AAPL', 'AAPL', 'AAPL'],
      ['BRK-B', 'BRK.B', 'BRK-B'],
      ['BTC-USD', 'X:BTCUSD', 'BTC-USD'],
      ['ETH-USDT', 'X:ETHUSDT', 'ETH-USDT'],
      ['EURUSD=X', 'C:EURUSD', 'EURUSD=X'],
      ['^GSPC', 'I:SPX', '^GSPC'],
      ['^NDX', 'I:NDX', '^NDX'],
    ],
    ['OCDO.L', 'GC=F'],
  ],
  [
    'alpaca',
    toAlpacaSymbol,
    fromAlpacaSymbol,
    [
      ['AAPL', 'AAPL', 'AAPL'],
      ['BRK-B', 'BRK.B', 'BRK-B'],
      ['BTC-USD', 'BTC/USD', 'BTC-USD'],
      ['ETH-BTC', 'ETH/BTC', 'ETH-BTC'],
    ],
    ['OCDO.L', 'EURUSD=X', '^GSPC', 'GC=F'],
  ],
  [
    'finnhub',
    toFinnhubSymbol,
    fromFinnhubSymbol,
    [
      ['AAPL', 'AAPL', 'AAPL'],
      ['BRK-B', 'BRK.B', 'BRK-B'],
      ['OCDO.L', 'OCDO.L', 'OCDO.L'],
      ['BTC-USD', 'BINANCE:BTCUSDT', 'BTC-USD'],
      ['ETH-BTC', 'BINANCE:ETHBTC', 'ETH-BTC'],
      ['EURUSD=X', 'OANDA:EUR_USD', 'EURUSD=X'],
    ],
    ['^GSPC', 'GC=F'],
  ],
  [
    'alphavantage',
    toAlphaVantageSymbol,
    fromAlphaVantageSymbol,
    [
      ['IBM', 'IBM', 'IBM'],
      ['BRK-B', 'BRK-B', 'BRK-B'],
      ['OCDO.L', 'OCDO.LON', 'OCDO.L'],
      ['SHOP.TO', 'SHOP.TRT', 'SHOP.TO'],
      ['6190.HK', '6190.HKG', '6190.HK'],
    ],
    ['BTC-USD', 'EURUSD=X', '^GSPC', 'WSU.MX'],
  ],
] as [string, (s: string) => string, (s: string) => string, Row[], string[]][])(
  '%s symbols',
  (provider, to, from, rows, unsupported) => {
    it.each(rows)('%s -> %s -> %s', (canonical, wire, back) => {
      expect(to(canonical)).toBe(wire);
      expect(from(wire)).toBe(back);
    });

    it.each(unsupported)('%s is unsupported, not retryable, with the reason', (symbol) => {
      const run = () => to(symbol);
      expect(run).toThrow(ProviderError);
      expect(run).toThrow(expect.objectContaining({ code: 'unsupported-symbol', retryable: false, provider }));
      expect(run).toThrow(`${provider} cannot look up "${symbol}"`);
    });

    it('rejects text that is no symbol at all', () => {
      expect(() => to('not a symbol')).toThrow(expect.objectContaining({ code: 'unsupported-symbol' }));
    });
  },
);

describe('coingecko ids', () => {
  it.each([
    ['BTC-USD', 'bitcoin', 'usd'],
    ['ETH-EUR', 'ethereum', 'eur'],
    ['SOL-BTC', 'solana', 'btc'],
    ['AVAX-USD', 'avalanche-2', 'usd'],
  ])('%s <-> %s in %s', (symbol, id, vsCurrency) => {
    expect(toCoinGecko(symbol)).toEqual({ id, vsCurrency });
    expect(fromCoinGecko({ id, vsCurrency })).toBe(symbol);
  });

  it('uses ids from config before the built-in list, for coins outside it', () => {
    expect(toCoinGecko('AYIN-USD', { AYIN: 'ayin' })).toEqual({ id: 'ayin', vsCurrency: 'usd' });
    expect(fromCoinGecko({ id: 'ayin', vsCurrency: 'usd' }, { AYIN: 'ayin' })).toBe('AYIN-USD');
  });

  it.each([
    ['AYIN-USD', 'no CoinGecko id is known for AYIN'],
    ['BTC-USDT', 'does not price coins in USDT'],
    ['AAPL', 'crypto only'],
  ])('%s is unsupported: %s', (symbol, reason) => {
    expect(() => toCoinGecko(symbol)).toThrow(reason);
    expect(() => toCoinGecko(symbol)).toThrow(
      expect.objectContaining({ code: 'unsupported-symbol', retryable: false }),
    );
  });
});
