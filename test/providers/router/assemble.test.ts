import { describe, expect, it } from 'vitest';
import type { MarketDataProvider, ProviderCapabilities } from '../../../src/providers/provider.js';
import { assembleChains, type ChainSettings } from '../../../src/providers/router/assemble.js';
import type { Credentials } from '../../../src/secrets/credentials.js';
import { NO_CREDENTIALS } from '../../../src/secrets/credentials.js';
import { FakeProvider } from './fakes.js';

const CLASSES: Record<string, Partial<ProviderCapabilities>> = {
  yahoo: { assetClasses: ['equity', 'etf', 'index', 'fx', 'future', 'fund', 'crypto'] },
  binance: { assetClasses: ['crypto'] },
  coinbase: { assetClasses: ['crypto'] },
  coingecko: { assetClasses: ['crypto'] },
  polygon: { assetClasses: ['equity', 'crypto', 'fx', 'index'], requiresKey: true },
  finnhub: { assetClasses: ['equity', 'crypto', 'fx'], requiresKey: true },
};

function setup(knownIds: readonly string[], credentials: Credentials = NO_CREDENTIALS) {
  const loaded: string[] = [];
  const warnings: string[] = [];
  const deps = {
    knownIds,
    load: (id: string) => {
      loaded.push(id);
      return Promise.resolve(new FakeProvider(id, {}, CLASSES[id] ?? {}) as MarketDataProvider);
    },
    credentials,
    warn: (message: string) => warnings.push(message),
  };
  return { deps, loaded, warnings };
}

const ids = (chain: unknown): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(chain as Record<string, MarketDataProvider[]>).map(([name, providers]) => [
      name,
      providers.map((p) => p.id),
    ]),
  );

const NONE: ChainSettings = { chains: {}, overrides: {} };
const KEYLESS = ['demo', 'yahoo', 'binance', 'coinbase', 'coingecko'];

describe('assembleChains: default chains', () => {
  it('without keys: equities from Yahoo, crypto from Binance, Coinbase, CoinGecko, then Yahoo', async () => {
    const { deps, loaded } = setup([...KEYLESS, 'polygon', 'finnhub']);
    const { chain } = await assembleChains(NONE, deps);
    expect(ids(chain)).toEqual({
      equity: ['yahoo'],
      crypto: ['binance', 'coinbase', 'coingecko', 'yahoo'],
      fx: ['yahoo'],
      index: ['yahoo'],
      future: ['yahoo'],
      default: ['yahoo'],
    });
    // A keyed provider without its key is not even loaded.
    expect(loaded).not.toContain('polygon');
    expect(loaded).not.toContain('demo');
  });

  it('a keyed provider goes first where its key is set and it serves the asset class', async () => {
    const withPolygon: Credentials = {
      get: (id) => Promise.resolve(id === 'polygon' ? { value: 'k', source: 'environment' } : undefined),
    };
    const { deps } = setup([...KEYLESS, 'polygon', 'finnhub'], withPolygon);
    const { chain } = await assembleChains(NONE, deps);
    expect(ids(chain)).toMatchObject({
      equity: ['polygon', 'yahoo'],
      crypto: ['polygon', 'binance', 'coinbase', 'coingecko', 'yahoo'],
      fx: ['polygon', 'yahoo'],
      future: ['yahoo'],
      default: ['polygon', 'yahoo'],
    });
  });

  it('works before the keyed providers are in the registry', async () => {
    const { deps } = setup(KEYLESS, { get: () => Promise.resolve({ value: 'k', source: 'keychain' }) });
    expect(ids((await assembleChains(NONE, deps)).chain).equity).toEqual(['yahoo']);
  });
});

describe('assembleChains: configured chains and overrides', () => {
  it('uses a configured chain as given, skipping a keyed provider without a key (with a warning)', async () => {
    const { deps, warnings } = setup([...KEYLESS, 'polygon']);
    const settings: ChainSettings = { chains: { crypto: ['coinbase', 'polygon', 'yahoo'] }, overrides: {} };
    const { chain } = await assembleChains(settings, deps);
    expect(ids(chain).crypto).toEqual(['coinbase', 'yahoo']);
    expect(ids(chain).equity).toEqual(['yahoo']);
    expect(warnings).toEqual([
      'providers.crypto names polygon, which needs a key and has none: skipped (set one: stockato keys set polygon)',
    ]);
  });

  it("an override's provider joins its symbol's chain when it is in none", async () => {
    const { deps } = setup(KEYLESS);
    const settings: ChainSettings = { chains: { crypto: ['binance'] }, overrides: { 'BTC-USD': 'coinbase' } };
    const { chain, overrides } = await assembleChains(settings, deps);
    expect(ids(chain).crypto).toEqual(['binance', 'coinbase']);
    expect(overrides).toEqual({ 'BTC-USD': 'coinbase' });
  });
});
