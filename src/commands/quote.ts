import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { quoteChange, type Quote } from '../engine/quote.js';
import type { Dataset } from '../output/dataset.js';
import { isoTime } from '../output/dataset.js';
import type { MarketDataProvider, QuoteBatch } from '../providers/provider.js';
import { parseSymbols } from './parse.js';

export interface QuoteOptions {
  readonly symbols: readonly string[];
}

const EXAMPLES = `
Examples:
  $ stockato quote ACME --demo
  $ stockato quote ACME GLOBX ZORK-USD --demo --json
  $ stockato quote ACME --demo --csv >> prices.csv`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .argument('<symbols...>', 'one or more symbols, e.g. ACME BTC-USD')
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[]) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const options = parseQuoteOptions(args);
      const batch = await runQuote(options, { provider: await ctx.provider() });
      if (batch.quotes.length > 0) await ctx.emit(quoteDataset(batch.quotes), format);
      if (batch.quotes.some((q) => q.demo) && format === 'table')
        ctx.warn('demo market: simulated prices, not real quotes');
      for (const failure of batch.failures) ctx.fail(failure.error);
    });
}

export function parseQuoteOptions(args: readonly string[]): QuoteOptions {
  return { symbols: parseSymbols(args) };
}

/** Asks the provider in batches of the size it accepts; failures stay per symbol. */
export async function runQuote(options: QuoteOptions, deps: { provider: MarketDataProvider }): Promise<QuoteBatch> {
  const size = Math.max(1, deps.provider.capabilities.maxSymbolsPerQuote);
  const batches: Promise<QuoteBatch>[] = [];
  for (let i = 0; i < options.symbols.length; i += size) {
    batches.push(deps.provider.getQuotes(options.symbols.slice(i, i + size)));
  }
  const results = await Promise.all(batches);
  const order = new Map(options.symbols.map((symbol, i) => [symbol, i]));
  const rank = (symbol: string) => order.get(symbol) ?? Number.MAX_SAFE_INTEGER;
  return {
    quotes: results.flatMap((r) => r.quotes).sort((a, b) => rank(a.symbol) - rank(b.symbol)),
    failures: results.flatMap((r) => r.failures),
  };
}

/** Field names here are the stable JSON contract of `quote`. */
export function quoteRecord(quote: Quote): Record<string, unknown> {
  const { change, changePercent } = quoteChange(quote);
  return {
    symbol: quote.symbol,
    name: quote.name,
    currency: quote.currency,
    last: quote.last,
    change,
    changePercent: changePercent ?? null,
    open: quote.open,
    high: quote.high,
    low: quote.low,
    previousClose: quote.previousClose,
    volume: quote.volume,
    time: isoTime(quote.tsMs),
    marketState: quote.marketState,
    source: quote.source,
    demo: quote.demo,
  };
}

export function quoteDataset(quotes: readonly Quote[]): Dataset<Quote> {
  const change = (q: Quote) => quoteChange(q);
  return {
    rows: quotes,
    record: quoteRecord,
    columns: [
      { key: 'symbol', header: 'SYMBOL', kind: 'text', value: (q) => q.symbol },
      { key: 'name', header: 'NAME', kind: 'text', value: (q) => q.name, maxWidth: 20, priority: 5 },
      { key: 'last', header: 'LAST', kind: 'decimal', value: (q) => q.last },
      { key: 'change', header: 'CHG', kind: 'signed', value: (q) => change(q).change, priority: 7 },
      { key: 'changePercent', header: 'CHG%', kind: 'percent', value: (q) => change(q).changePercent },
      { key: 'open', header: 'OPEN', kind: 'decimal', value: (q) => q.open, priority: 2 },
      { key: 'high', header: 'HIGH', kind: 'decimal', value: (q) => q.high, priority: 3 },
      { key: 'low', header: 'LOW', kind: 'decimal', value: (q) => q.low, priority: 3 },
      { key: 'previousClose', header: 'PREV', kind: 'decimal', value: (q) => q.previousClose, priority: 5 },
      { key: 'volume', header: 'VOLUME', kind: 'quantity', value: (q) => q.volume, priority: 4 },
      { key: 'currency', header: 'CCY', kind: 'text', value: (q) => q.currency, priority: 2 },
      { key: 'time', header: 'TIME', kind: 'time', value: (q) => q.tsMs, priority: 6 },
      { key: 'marketState', header: 'STATE', kind: 'text', value: (q) => q.marketState, priority: 4 },
      { key: 'source', header: 'SOURCE', kind: 'text', value: (q) => q.source, priority: 1 },
    ],
  };
}
