import type { Clock } from '../engine/clock.js';
import { UsageError } from '../errors.js';
import type { Credentials } from '../secrets/credentials.js';
import type { EndpointOverrides } from './endpoints.js';
import type { MarketDataProvider } from './provider.js';

/** What a provider factory may need; each takes what it uses. */
export interface ProviderContext {
  readonly clock: Clock;
  readonly demoSeed: number;
  /** Keys for the keyed sources (Polygon, Finnhub, Alpaca, Alpha Vantage); asked only when needed. */
  readonly credentials?: Credentials;
  /** Base URLs from the environment (`STOCKATO_YAHOO_BASE_URL`...), per provider id. */
  readonly endpoints?: EndpointOverrides;
}

interface ProviderEntry {
  readonly id: string;
  readonly summary: string;
  /** Loaded on first use so that a command pays only for the provider it calls. */
  readonly load: (context: ProviderContext) => Promise<MarketDataProvider>;
}

const ENTRIES: readonly ProviderEntry[] = [
  {
    id: 'demo',
    summary: 'simulated offline market with fictional instruments (no network, no key)',
    load: async ({ clock, demoSeed }) => {
      const { createDemoProvider } = await import('./demo/provider.js');
      return createDemoProvider({ clock, seed: demoSeed });
    },
  },
  {
    id: 'yahoo',
    summary: 'Yahoo Finance: equities, ETFs, indices, FX, futures, funds, crypto (keyless)',
    load: async ({ clock, endpoints }) => {
      const { createYahooProvider } = await import('./yahoo/provider.js');
      return createYahooProvider({ clock, http: { ...endpoints?.['yahoo'] } });
    },
  },
  {
    id: 'binance',
    summary: 'Binance spot: crypto quotes, klines and symbols (keyless; USD means USDT)',
    load: async ({ clock, endpoints }) =>
      (await import('./binance/provider.js')).createBinanceProvider({ clock, http: { ...endpoints?.['binance'] } }),
  },
  {
    id: 'coinbase',
    summary: 'Coinbase Exchange: crypto quotes, candles and products (keyless)',
    load: async ({ clock, endpoints }) =>
      (await import('./coinbase/provider.js')).createCoinbaseProvider({ clock, http: { ...endpoints?.['coinbase'] } }),
  },
  {
    id: 'coingecko',
    summary: 'CoinGecko: crypto prices and daily history up to 365 days (keyless, low quota)',
    load: async ({ clock, endpoints }) =>
      (await import('./coingecko/provider.js')).createCoinGeckoProvider({
        clock,
        http: { ...endpoints?.['coingecko'] },
      }),
  },
];

export const PROVIDER_IDS: readonly string[] = ENTRIES.map((entry) => entry.id);

export function listProviders(): ReadonlyArray<Pick<ProviderEntry, 'id' | 'summary'>> {
  return ENTRIES.map(({ id, summary }) => ({ id, summary }));
}

/** Creates the named provider. An unknown name is a usage error listing the known ones. */
export async function loadProvider(id: string, context: ProviderContext): Promise<MarketDataProvider> {
  const entry = ENTRIES.find((candidate) => candidate.id === id);
  if (!entry) {
    throw new UsageError(`unknown provider "${id}"`, {
      hint: `known providers: ${PROVIDER_IDS.join(', ')}`,
    });
  }
  return entry.load(context);
}
