import type { Clock } from '../../engine/clock.js';
import type { Instrument } from '../../engine/instrument.js';
import type {
  History,
  HistoryRequest,
  MarketDataProvider,
  NewsItem,
  ProviderCapabilities,
  QuoteBatch,
  RequestOptions,
} from '../provider.js';
import { MemoryBudgets, type BudgetLedger, type BudgetLimits } from './budgets.js';
import { Chains, unionCapabilities, type ChainConfig } from './chain.js';
import { DEFAULT_CIRCUIT, type CircuitOptions } from './circuit.js';
import { ROUTER_ID } from './failures.js';
import { Gate, type HealthLedger } from './gate.js';
import { abandonable, InFlight } from './in-flight.js';
import { quoteWithFallback } from './quote-batch.js';
import { runChain } from './run-chain.js';

export interface RouterOptions {
  /** The router's own id: `router` by default; a router over one named source takes that source's id. */
  readonly id?: string;
  /** Providers to ask in order: one chain, or one per asset class plus 'default'. */
  readonly chain: ChainConfig;
  /** The only source of time: budget windows, Retry-After and circuit cool-downs. */
  readonly clock: Clock;
  /** Where budgets and Retry-After blocks persist (the store's BudgetRepository); in memory when absent. */
  readonly budgets?: BudgetLedger;
  /** Per provider id, replaces the quota its capabilities declare. */
  readonly limits?: Readonly<Record<string, BudgetLimits>>;
  /** Per canonical symbol, the provider id to ask first (`{ 'BTC-USD': 'coinbase' }`). */
  readonly overrides?: Readonly<Record<string, string>>;
  readonly circuit?: Partial<CircuitOptions>;
  /** Where each provider's last success and failure go (the store's providerHealth); none when absent. */
  readonly health?: HealthLedger;
}

/**
 * A MarketDataProvider (id 'router') that spreads requests over other providers: per-symbol
 * overrides, fallback down the chain on retryable failures, request budgets, Retry-After, a
 * circuit breaker per provider, and one shared request for identical concurrent calls. Errors
 * are thrown and reported as any provider's, so commands use it like any other.
 */
export function createRouter(options: RouterOptions): MarketDataProvider {
  return new Router(options);
}

class Router implements MarketDataProvider {
  readonly id: string;
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  readonly #chains: Chains;
  readonly #gate: Gate;
  readonly #inFlight = new InFlight();

  constructor(options: RouterOptions) {
    this.id = options.id ?? ROUTER_ID;
    this.#chains = new Chains(options.chain, options.overrides ?? {});
    this.#gate = new Gate({
      clock: options.clock,
      budgets: options.budgets ?? new MemoryBudgets(),
      circuit: { ...DEFAULT_CIRCUIT, ...options.circuit },
      limits: options.limits ?? {},
      ...(options.health ? { health: options.health } : {}),
    });
    this.capabilities = unionCapabilities(this.#chains.all);
    this.displayName = `router (${this.#chains.all.map((p) => p.id).join(', ')})`;
  }

  getQuotes(symbols: readonly string[], options?: RequestOptions): Promise<QuoteBatch> {
    return this.#shared(['quotes', symbols], options, () => quoteWithFallback(this.#gate, this.#chains, symbols));
  }

  getHistory(request: HistoryRequest, options?: RequestOptions): Promise<History> {
    const { symbol, interval, fromMs, toMs } = request;
    const supports = (p: MarketDataProvider): boolean =>
      p.capabilities.history && p.capabilities.intervals.includes(interval);
    return this.#shared(['history', symbol, interval, fromMs, toMs], options, () =>
      runChain(this.#gate, symbol, this.#chains.forSymbol(symbol), supports, async (p) => ({
        ...(await p.getHistory(request)),
        source: p.id,
      })),
    );
  }

  search(text: string, options?: RequestOptions): Promise<readonly Instrument[]> {
    return this.#shared(['search', text], options, () =>
      runChain(
        this.#gate,
        `search "${text}"`,
        this.#chains.default,
        (p) => p.capabilities.search,
        (p) => p.search(text),
      ),
    );
  }

  getNews(symbol: string | undefined, options?: RequestOptions): Promise<readonly NewsItem[]> {
    const providers = symbol === undefined ? this.#chains.default : this.#chains.forSymbol(symbol);
    const subject = symbol === undefined ? 'news' : `news of ${symbol}`;
    return this.#shared(['news', symbol ?? null], options, () =>
      runChain(this.#gate, subject, providers, hasNews, (p) => (p.getNews as NewsMethod).call(p, symbol)),
    );
  }

  /**
   * Identical concurrent calls share one request. The request runs without any caller's signal
   * (one caller giving up must not cancel it for the others); each caller stops waiting on its own.
   */
  #shared<T>(key: unknown[], options: RequestOptions | undefined, start: () => Promise<T>): Promise<T> {
    return abandonable(this.#inFlight.run(JSON.stringify(key), start), options?.signal);
  }
}

type NewsMethod = NonNullable<MarketDataProvider['getNews']>;

function hasNews(provider: MarketDataProvider): boolean {
  return provider.capabilities.news && provider.getNews !== undefined;
}
