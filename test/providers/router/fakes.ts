import type { Clock } from '../../../src/engine/clock.js';
import { Decimal } from '../../../src/engine/decimal.js';
import type { Instrument } from '../../../src/engine/instrument.js';
import type { Quote } from '../../../src/engine/quote.js';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import type {
  History,
  HistoryRequest,
  MarketDataProvider,
  ProviderCapabilities,
  QuoteBatch,
} from '../../../src/providers/provider.js';
import { unsupportedSymbol } from '../../../src/providers/symbols.js';

/** Wednesday 2026-03-04 16:07:31.250 UTC, mid-minute and mid-day. */
export const T0 = Date.UTC(2026, 2, 4, 16, 7, 31, 250);

/** A clock that moves only when the test says so. */
export class ManualClock implements Clock {
  constructor(public tsMs: number = T0) {}
  nowMs(): number {
    return this.tsMs;
  }
  advance(ms: number): void {
    this.tsMs += ms;
  }
}

export const BASE_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['equity'],
  intervals: ['1d'],
  quotes: true,
  history: true,
  search: true,
  news: false,
  streaming: false,
  requiresKey: false,
  maxSymbolsPerQuote: 50,
  simulated: false,
};

/** What a fake does for one symbol: answer, or fail with this error. */
export type Script = 'ok' | ProviderError;
/** Per symbol; `*` for any other. A function sees the call number (1-based) of this provider. */
export type Scripts = Record<string, Script | ((call: number) => Script)>;

/**
 * A provider that answers from a script and counts its calls. A script error for a whole
 * request (`throwAll`) is thrown; per-symbol errors in quote batches are reported as failures.
 */
export class FakeProvider implements MarketDataProvider {
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  calls = 0;
  readonly quoteCalls: string[][] = [];
  /** When set, every request throws this (a whole-request failure). */
  throwAll: ProviderError | ((call: number) => ProviderError | undefined) | undefined;
  /** Resolves pending requests; set to hold answers until the test releases them. */
  gate: Promise<void> | undefined;

  constructor(
    readonly id: string,
    readonly scripts: Scripts = { '*': 'ok' },
    capabilities: Partial<ProviderCapabilities> = {},
  ) {
    this.displayName = id;
    this.capabilities = { ...BASE_CAPABILITIES, ...capabilities };
  }

  async getQuotes(symbols: readonly string[]): Promise<QuoteBatch> {
    await this.#begin();
    this.quoteCalls.push([...symbols]);
    const quotes: Quote[] = [];
    const failures: { symbol: string; error: ProviderError }[] = [];
    for (const symbol of symbols) {
      const script = this.#script(symbol);
      if (script === 'ok') quotes.push(quote(symbol, this.id));
      else failures.push({ symbol, error: script });
    }
    return { quotes, failures };
  }

  async getHistory(request: HistoryRequest): Promise<History> {
    await this.#begin();
    const script = this.#script(request.symbol);
    if (script !== 'ok') throw script;
    return { instrument: instrument(request.symbol), interval: request.interval, bars: [] };
  }

  async search(text: string): Promise<readonly Instrument[]> {
    await this.#begin();
    const script = this.#script(text);
    if (script !== 'ok') throw script;
    return [instrument(text)];
  }

  async #begin(): Promise<void> {
    this.calls += 1;
    const call = this.calls;
    if (this.gate) await this.gate;
    const error = typeof this.throwAll === 'function' ? this.throwAll(call) : this.throwAll;
    if (error) throw error;
  }

  #script(symbol: string): Script {
    const script = this.scripts[symbol] ?? this.scripts['*'] ?? 'ok';
    return typeof script === 'function' ? script(this.calls) : script;
  }
}

export function quote(symbol: string, source: string): Quote {
  const one = Decimal.of('1');
  return {
    symbol,
    name: symbol,
    currency: 'USD',
    last: one,
    open: one,
    high: one,
    low: one,
    previousClose: one,
    volume: one,
    tsMs: T0,
    marketState: 'regular',
    source,
    demo: false,
  };
}

function instrument(symbol: string): Instrument {
  return { symbol, name: symbol, assetClass: 'equity', currency: 'USD', exchange: 'TEST' };
}

/** The failures a real provider reports, by kind. */
export const failures = {
  rateLimited: (p: string, retryAfterMs?: number) => new RateLimitError(p, `${p}: rate limited`, retryAfterMs),
  serverError: (p: string) => new ProviderError(p, 'server-error', `${p}: server error (HTTP 503)`, true),
  timeout: (p: string) => new ProviderError(p, 'timeout', `${p}: no answer within 10s`, true),
  malformed: (p: string) => new ProviderError(p, 'malformed', `${p}: malformed payload`, true),
  unknown: (p: string, symbol: string) => new UnknownSymbolError(p, symbol),
  unauthorized: (p: string) => new ProviderError(p, 'unauthorized', `${p}: no key`, false),
  unsupported: (p: string, symbol: string) => unsupportedSymbol(p, symbol, 'no such market'),
};

/** Quote sources by symbol, for compact assertions. */
export function sources(batch: QuoteBatch): Record<string, string> {
  return Object.fromEntries(batch.quotes.map((q) => [q.symbol, q.source]));
}

/** Failure codes by symbol. */
export function failureCodes(batch: QuoteBatch): Record<string, string> {
  return Object.fromEntries(batch.failures.map((f) => [f.symbol, f.error.code]));
}
