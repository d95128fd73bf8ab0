import type { Quote } from '../../engine/quote.js';
import { ProviderError } from '../../errors.js';
import type { MarketDataProvider, QuoteBatch, SymbolFailure } from '../provider.js';
import type { Chains } from './chain.js';
import { allProvidersFailed, type Attempt } from './failures.js';
import type { Gate } from './gate.js';
import { ask, classify, type Outcome } from './run-chain.js';

/** One symbol on its way down its chain. */
interface Pending {
  readonly symbol: string;
  readonly chain: readonly MarketDataProvider[];
  next: number;
  readonly attempts: Attempt[];
}

/**
 * Quotes a batch with per-symbol fallback. Each round groups the unanswered symbols by the next
 * provider of their own chain and asks each provider once per batch it allows (in parallel);
 * symbols that failed retryably move on to their next provider. Each symbol ends with a quote
 * (with the `source` of the provider that answered), a final error, or, when its chain ran out,
 * an all-providers-failed error naming each provider.
 */
export async function quoteWithFallback(gate: Gate, chains: Chains, symbols: readonly string[]): Promise<QuoteBatch> {
  const quotes = new Map<string, Quote>();
  const failures = new Map<string, ProviderError>();
  let pending: Pending[] = [...new Set(symbols)].map((symbol) => ({
    symbol,
    chain: chains.forSymbol(symbol).filter((p) => p.capabilities.quotes),
    next: 0,
    attempts: [],
  }));
  while (pending.length > 0) {
    for (const item of pending.filter((p) => p.next >= p.chain.length)) {
      failures.set(item.symbol, allProvidersFailed(item.symbol, item.attempts));
    }
    const groups = groupByNextProvider(pending.filter((p) => p.next < p.chain.length));
    const rounds = [...groups].flatMap(([provider, items]) =>
      chunk(items, provider.capabilities.maxSymbolsPerQuote).map((batch) => askBatch(gate, provider, batch)),
    );
    const settled = (await Promise.all(rounds)).flat();
    pending = [];
    for (const { item, outcome } of settled) {
      if (outcome.kind === 'answer') quotes.set(item.symbol, outcome.value);
      else if (outcome.kind === 'final') failures.set(item.symbol, outcome.error);
      else {
        item.attempts.push(outcome.attempt);
        item.next += 1;
        pending.push(item);
      }
    }
  }
  return collect(symbols, quotes, failures);
}

interface Settled {
  readonly item: Pending;
  readonly outcome: Outcome<Quote>;
}

async function askBatch(gate: Gate, provider: MarketDataProvider, items: readonly Pending[]): Promise<Settled[]> {
  const outcome = await ask(gate, provider, () => provider.getQuotes(items.map((item) => item.symbol)));
  if (outcome.kind !== 'answer') return items.map((item) => ({ item, outcome }));
  const bySymbol = new Map(outcome.value.quotes.map((quote) => [quote.symbol, quote]));
  const failed = new Map(outcome.value.failures.map((failure) => [failure.symbol, failure.error]));
  return items.map((item): Settled => {
    const quote = bySymbol.get(item.symbol);
    if (quote) return { item, outcome: { kind: 'answer', value: quote } };
    // The request as a whole was answered (the circuit counts it so); a symbol neither quoted nor
    // reported is a malformed answer for that symbol, worth asking the next provider.
    const error = failed.get(item.symbol) ?? missing(provider.id, item.symbol);
    gate.noteRetryAfter(provider.id, error);
    return { item, outcome: classify<Quote>(provider.id, error) };
  });
}

function missing(provider: string, symbol: string): ProviderError {
  return new ProviderError(provider, 'malformed', `${provider} answered without a quote for ${symbol}`, true);
}

function groupByNextProvider(items: readonly Pending[]): Map<MarketDataProvider, Pending[]> {
  const groups = new Map<MarketDataProvider, Pending[]>();
  for (const item of items) {
    const provider = item.chain[item.next] as MarketDataProvider;
    const group = groups.get(provider) ?? [];
    group.push(item);
    groups.set(provider, group);
  }
  return groups;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, size);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += step) chunks.push(items.slice(start, start + step));
  return chunks;
}

/** Quotes and failures in the order the symbols were asked for. */
function collect(
  symbols: readonly string[],
  quotes: Map<string, Quote>,
  failures: Map<string, ProviderError>,
): QuoteBatch {
  const unique = [...new Set(symbols)];
  return {
    quotes: unique.flatMap((symbol) => quotes.get(symbol) ?? []),
    failures: unique.flatMap((symbol): SymbolFailure[] => {
      const error = failures.get(symbol);
      return error ? [{ symbol, error }] : [];
    }),
  };
}
