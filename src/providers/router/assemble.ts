import type { Credentials } from '../../secrets/credentials.js';
import type { MarketDataProvider } from '../provider.js';
import { assetClassOf } from './chain.js';

/** The chains a user can configure (`providers.<name>`); 'default' takes every other symbol. */
export const CHAIN_NAMES = ['equity', 'crypto', 'fx', 'index', 'future', 'default'] as const;
export type ChainName = (typeof CHAIN_NAMES)[number];

/**
 * Keyed sources, best first. In a default chain each goes first when its key is set and is left
 * out otherwise (a keyless user never pays a request that can only fail).
 */
const KEYED: readonly string[] = ['polygon', 'finnhub', 'alpaca', 'alphavantage'];

/** The keyless sources of each default chain, after the keyed ones. */
const KEYLESS: Readonly<Record<ChainName, readonly string[]>> = {
  equity: ['yahoo'],
  crypto: ['binance', 'coinbase', 'coingecko', 'yahoo'],
  fx: ['yahoo'],
  index: ['yahoo'],
  future: ['yahoo'],
  default: ['yahoo'],
};

export interface ChainSettings {
  /** Provider ids per chain as configured; a chain left out takes the default order. */
  readonly chains: Readonly<Partial<Record<ChainName, readonly string[]>>>;
  /** Canonical symbol to the provider id asked first for it. */
  readonly overrides: Readonly<Record<string, string>>;
}

export interface AssembleDeps {
  /** The ids the registry has (keyed sources may not be there yet). */
  readonly knownIds: readonly string[];
  readonly load: (id: string) => Promise<MarketDataProvider>;
  readonly credentials: Credentials;
  readonly warn: (message: string) => void;
}

/** One chain per name; a ChainConfig the router takes as it is. */
export type ChainsByName = Partial<Record<ChainName, readonly MarketDataProvider[]>> & {
  readonly default: readonly MarketDataProvider[];
};

export interface AssembledChains {
  readonly chain: ChainsByName;
  readonly overrides: Readonly<Record<string, string>>;
}

/**
 * The router's chains: each configured one as given (less keyed sources without a key, with a
 * warning), each other one from the default order filtered by what the registry has, which keys
 * are set and which asset classes each provider serves. An override's provider joins the end of
 * its symbol's chain when it is in none, so that it can be asked first for that symbol.
 */
export async function assembleChains(settings: ChainSettings, deps: AssembleDeps): Promise<AssembledChains> {
  const pick = providerPicker(deps);
  const byName: Partial<Record<ChainName, MarketDataProvider[]>> = {};
  for (const name of CHAIN_NAMES) {
    const configured = settings.chains[name];
    const ids = configured ?? [...KEYED, ...KEYLESS[name]].filter((id) => deps.knownIds.includes(id));
    const chain: MarketDataProvider[] = [];
    for (const id of ids) {
      const provider = await pick(id, configured ? `providers.${name}` : undefined);
      if (!provider) continue;
      if (!configured && name !== 'default' && !serves(provider, name)) continue;
      chain.push(provider);
    }
    byName[name] = chain;
  }
  for (const [symbol, id] of Object.entries(settings.overrides)) {
    const provider = await pick(id, `providers.overrides.${symbol}`);
    if (!provider) continue;
    const chainName = chainOf(symbol);
    const chain = byName[chainName] ?? [];
    if (!chain.some((p) => p.id === id)) chain.push(provider);
    byName[chainName] = chain;
  }
  const overrides = Object.fromEntries(
    Object.entries(settings.overrides).filter(([symbol, id]) =>
      (byName[chainOf(symbol)] ?? []).some((p) => p.id === id),
    ),
  );
  return { chain: { ...byName, default: byName.default ?? [] }, overrides };
}

/** Loads each provider once; undefined (with a warning when the user named it) for a keyed one without its key. */
function providerPicker(
  deps: AssembleDeps,
): (id: string, configuredAt?: string) => Promise<MarketDataProvider | undefined> {
  const loaded = new Map<string, Promise<MarketDataProvider | undefined>>();
  const warned = new Set<string>();
  return async (id, configuredAt) => {
    let provider = loaded.get(id);
    if (!provider) {
      provider = loadIfKeyed(id, deps);
      loaded.set(id, provider);
    }
    const result = await provider;
    if (!result && configuredAt && !warned.has(id)) {
      warned.add(id);
      deps.warn(
        `${configuredAt} names ${id}, which needs a key and has none: skipped (set one: stockato keys set ${id})`,
      );
    }
    return result;
  };
}

async function loadIfKeyed(id: string, deps: AssembleDeps): Promise<MarketDataProvider | undefined> {
  // Known keyed sources are not even loaded without a key; others are checked once loaded.
  const hasKey = async () => (await deps.credentials.get(id)) !== undefined;
  if (KEYED.includes(id) && !(await hasKey())) return undefined;
  const provider = await deps.load(id);
  if (provider.capabilities.requiresKey && !KEYED.includes(id) && !(await hasKey())) return undefined;
  return provider;
}

function serves(provider: MarketDataProvider, name: Exclude<ChainName, 'default'>): boolean {
  return provider.capabilities.assetClasses.includes(name);
}

/** The chain a symbol takes: assetClassOf yields only chain names (ETFs and funds take 'equity'). */
function chainOf(symbol: string): ChainName {
  return assetClassOf(symbol) as ChainName;
}
