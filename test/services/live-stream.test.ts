import { describe, expect, it } from 'vitest';
import { autoStreamSource } from '../../src/services/live-stream.js';
import type { Credentials } from '../../src/secrets/credentials.js';

const withKeys = (...ids: string[]): Credentials => ({
  get: (id) => Promise.resolve(ids.includes(id) ? { value: 'k', source: 'environment' } : undefined),
});

describe('autoStreamSource: which source `stream` uses when the provider is auto', () => {
  it.each([
    [['BTC-USD', 'ETH-EUR'], withKeys(), 'binance'],
    [['BTC-USD', 'ETH-EUR'], withKeys('polygon'), 'binance'],
    [['AAPL'], withKeys(), 'auto'],
    [['AAPL', 'BTC-USD'], withKeys('finnhub'), 'finnhub'],
    [['AAPL'], withKeys('finnhub', 'alpaca'), 'alpaca'],
    [['AAPL'], withKeys('finnhub', 'alpaca', 'polygon'), 'polygon'],
    [[], withKeys(), 'auto'],
  ])('%j with keys -> %s', async (symbols, credentials, expected) => {
    expect(await autoStreamSource(symbols, credentials)).toBe(expected);
  });

  it('without any credential store, crypto still streams from Binance', async () => {
    expect(await autoStreamSource(['BTC-USD'])).toBe('binance');
    expect(await autoStreamSource(['MSFT'])).toBe('auto');
  });
});
