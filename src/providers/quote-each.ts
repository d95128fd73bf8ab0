import type { Quote } from '../engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../errors.js';
import type { QuoteBatch, SymbolFailure } from './provider.js';

/** An error about one symbol only: asking for the next symbol may still work. */
export function isSymbolError(error: ProviderError): boolean {
  return error instanceof UnknownSymbolError || error.code === 'unsupported-symbol';
}

/**
 * Quotes for sources that take one symbol per request (Finnhub, Alpha Vantage, Polygon's
 * end-of-day path), one request after another. An unknown or unsupported symbol fails alone. Any
 * other error (rate limit, missing key, timeout) would hit every following request too, so none
 * is sent: the remaining symbols fail with the same error, and when no quote came back at all
 * the error is thrown, so that a router can fall back for the whole batch.
 */
export async function quoteEach(
  symbols: readonly string[],
  quoteOne: (symbol: string) => Promise<Quote>,
  initialFailures: readonly SymbolFailure[] = [],
): Promise<QuoteBatch> {
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [...initialFailures];
  let stop: ProviderError | undefined;
  for (const symbol of symbols) {
    if (stop) {
      failures.push({ symbol, error: stop });
      continue;
    }
    try {
      quotes.push(await quoteOne(symbol));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol, error });
      if (!isSymbolError(error)) stop = error;
    }
  }
  if (stop && quotes.length === 0) throw stop;
  return { quotes, failures };
}

/**
 * Splits what was asked for into the source's own form of each symbol (canonical symbol to wire
 * symbol) and the symbols the source has no form for, which fail alone as values.
 */
export function mapSymbols(
  symbols: readonly string[],
  toWire: (text: string) => { readonly symbol: string; readonly wire: string },
): { wanted: Map<string, string>; failures: SymbolFailure[] } {
  const wanted = new Map<string, string>();
  const failures: SymbolFailure[] = [];
  for (const text of symbols) {
    try {
      const { symbol, wire } = toWire(text);
      wanted.set(symbol, wire);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol: text, error });
    }
  }
  return { wanted, failures };
}
