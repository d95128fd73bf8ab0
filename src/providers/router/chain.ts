import { ASSET_CLASSES, type AssetClass } from '../../engine/instrument.js';
import { INTERVALS } from '../../engine/interval.js';
import type { MarketDataProvider, ProviderCapabilities } from '../provider.js';
import { parseCanonicalSymbol } from '../symbols.js';

/** One chain for everything, or one per asset class with a 'default' for the rest. */
export type ChainConfig =
  | readonly MarketDataProvider[]
  | (Partial<Record<AssetClass, readonly MarketDataProvider[]>> & { readonly default: readonly MarketDataProvider[] });

/** Resolves which providers to ask for a symbol, in order. */
export class Chains {
  readonly #byClass: Partial<Record<AssetClass | 'default', readonly MarketDataProvider[]>>;
  readonly #overrides: ReadonlyMap<string, MarketDataProvider>;
  /** Every distinct provider of every chain, in first-seen order. */
  readonly all: readonly MarketDataProvider[];

  constructor(config: ChainConfig, overrides: Readonly<Record<string, string>>) {
    this.#byClass = isList(config) ? { default: config } : config;
    this.all = distinct(Object.values(this.#byClass).flatMap((chain) => chain ?? []));
    const byId = new Map(this.all.map((provider) => [provider.id, provider]));
    this.#overrides = new Map(
      Object.entries(overrides).map(([symbol, id]) => {
        const provider = byId.get(id);
        if (!provider) throw new TypeError(`override for ${symbol} names "${id}", which is in no chain`);
        return [symbol, provider];
      }),
    );
  }

  /** The override for the symbol first, then the chain of its asset class (or the default one). */
  forSymbol(symbol: string): readonly MarketDataProvider[] {
    const chain = this.#byClass[assetClassOf(symbol)] ?? this.#byClass.default ?? [];
    const override = this.#overrides.get(symbol);
    return override ? distinct([override, ...chain]) : chain;
  }

  /** The default chain, for requests without a symbol (search, general news). */
  get default(): readonly MarketDataProvider[] {
    return this.#byClass.default ?? this.all;
  }
}

/**
 * The chain a symbol takes, from its form alone. A listed security may be an equity, an ETF or a
 * fund; the symbol cannot tell, so all three take the 'equity' chain (falling back to 'default').
 */
export function assetClassOf(symbol: string): AssetClass | 'default' {
  const canonical = parseCanonicalSymbol(symbol);
  switch (canonical?.kind) {
    case 'crypto':
    case 'fx':
    case 'index':
    case 'future':
      return canonical.kind;
    case 'security':
      return 'equity';
    default:
      return 'default';
  }
}

/**
 * What the router can do: the union of its providers. It needs a key only when every provider
 * does, is simulated only when every provider is, and declares no quota of its own (it spends
 * each provider's). It splits batches per provider itself, so it takes the largest batch size.
 */
export function unionCapabilities(providers: readonly MarketDataProvider[]): ProviderCapabilities {
  const caps = providers.map((provider) => provider.capabilities);
  const any = (pick: (c: ProviderCapabilities) => boolean): boolean => caps.some(pick);
  const every = (pick: (c: ProviderCapabilities) => boolean): boolean => caps.length > 0 && caps.every(pick);
  return {
    // In canonical order, so the answer does not depend on the order of the chains.
    assetClasses: ASSET_CLASSES.filter((a) => any((c) => c.assetClasses.includes(a))),
    intervals: INTERVALS.filter((i) => any((c) => c.intervals.includes(i))),
    quotes: any((c) => c.quotes),
    history: any((c) => c.history),
    search: any((c) => c.search),
    news: any((c) => c.news),
    streaming: any((c) => c.streaming),
    requiresKey: every((c) => c.requiresKey),
    maxSymbolsPerQuote: Math.max(1, ...caps.map((c) => c.maxSymbolsPerQuote)),
    simulated: every((c) => c.simulated),
  };
}

function isList(config: ChainConfig): config is readonly MarketDataProvider[] {
  return Array.isArray(config);
}

function distinct(providers: readonly MarketDataProvider[]): MarketDataProvider[] {
  const seen = new Set<string>();
  return providers.filter((provider) => !seen.has(provider.id) && seen.add(provider.id));
}
