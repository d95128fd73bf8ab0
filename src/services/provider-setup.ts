import type { Config } from '../config/config.js';
import type { Clock } from '../engine/clock.js';
import { endpointOverrides } from '../providers/endpoints.js';
import type { MarketDataProvider } from '../providers/provider.js';
import { loadProvider, PROVIDER_IDS, type ProviderContext } from '../providers/registry.js';
import {
  assembleChains,
  CHAIN_NAMES,
  type ChainName,
  type ChainSettings,
  type ChainsByName,
} from '../providers/router/assemble.js';
import { createRouter, type RouterOptions } from '../providers/router/router.js';
import type { Credentials } from '../secrets/credentials.js';
import type { Store } from '../store/store.js';

export interface ProviderSetupDeps {
  readonly config: Config;
  readonly clock: Clock;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly credentials: Credentials;
  /** Budgets and health persist here; in this process only without one. */
  readonly store: Store | undefined;
  readonly warn: (message: string) => void;
  readonly debug: (message: string) => void;
}

/**
 * The provider a command uses (the caller loads `demo` itself): `demo` as it is; `auto` the router over the configured (or default)
 * chains; any other id that one provider behind the router, so that one source alone still
 * spends the shared budgets, honours Retry-After and records its health.
 */
export async function openProvider(id: string, deps: ProviderSetupDeps): Promise<MarketDataProvider> {
  const context: ProviderContext = {
    clock: deps.clock,
    demoSeed: deps.config.getNumber('demo.seed'),
    credentials: deps.credentials,
    endpoints: endpointOverrides(deps.env),
  };
  if (id === 'demo') return loadProvider(id, context);
  const routing: Omit<RouterOptions, 'chain'> = {
    clock: deps.clock,
    ...(deps.store ? { budgets: deps.store.budgets, health: deps.store.providerHealth } : {}),
  };
  // One named source keeps its id, so that what depends on the source (its stream adapter,
  // messages naming it) sees that source and not "router".
  if (id !== 'auto') return createRouter({ ...routing, id, chain: [await loadProvider(id, context)] });
  const { chain, overrides } = await assembleChains(chainSettings(deps.config), {
    knownIds: PROVIDER_IDS,
    load: (providerId) => loadProvider(providerId, context),
    credentials: deps.credentials,
    warn: deps.warn,
  });
  const router = createRouter({ ...routing, chain, overrides });
  deps.debug(`chains: ${describeChains(chain)}`);
  return router;
}

/** The `providers.*` settings as lists; `auto` leaves a chain to the default order. */
export function chainSettings(config: Config): ChainSettings {
  const chains: Partial<Record<ChainName, readonly string[]>> = {};
  for (const name of CHAIN_NAMES) {
    const value = config.getString(`providers.${name}`);
    if (value !== 'auto') chains[name] = value.split(',');
  }
  const raw = config.getString('providers.overrides');
  const overrides = raw === 'none' ? {} : Object.fromEntries(raw.split(',').map((pair) => pair.split('=')));
  return { chains, overrides };
}

function describeChains(chain: ChainsByName): string {
  return Object.entries(chain)
    .map(([name, providers]) => `${name}: ${(providers ?? []).map((p) => p.id).join(' > ') || '(none)'}`)
    .join('; ');
}
