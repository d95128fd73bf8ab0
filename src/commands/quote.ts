import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { quoteChange, type Quote } from '../engine/quote.js';
import type { CellValue, Dataset } from '../output/dataset.js';
import { isoTime } from '../output/dataset.js';
import type { OutputFormat } from '../output/render.js';
import { getQuotes, type QuoteDeps, type QuoteResult, type ServedQuote } from '../services/quotes.js';
import { withDemoHint } from './demo-hint.js';
import { cachePolicy, freshnessColumns, freshnessRecord, reportStale } from './freshness.js';
import { parseSymbols } from './parse.js';

export interface QuoteOptions {
  readonly symbols: readonly string[];
}

const EXAMPLES = `
Examples:
  $ stockato quote AAPL BTC-USD
  $ stockato quote ACME GLOBX ZORK-USD --demo --json
  $ stockato quote AAPL --max-age 5m          # fail rather than print an older price
  $ stockato quote ACME --demo --csv >> prices.csv`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .argument('<symbols...>', 'one or more symbols, e.g. AAPL BTC-USD (ACME with --demo)')
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[]) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const options = parseQuoteOptions(args);
      const provider = await ctx.provider();
      const result = await runQuote(options, {
        provider,
        cache: await ctx.responseCache(provider),
        clock: ctx.clock,
        policy: await cachePolicy(ctx, 'cache.quote-ttl'),
      });
      if (result.quotes.length > 0) await ctx.emit(quoteDataset(result.quotes, format), format);
      if (result.quotes.some((q) => q.quote.demo) && format === 'table')
        ctx.warn('demo market: simulated prices, not real quotes');
      for (const { quote, freshness } of result.quotes) reportStale(ctx, quote.symbol, freshness);
      for (const failure of result.failures) ctx.fail(await withDemoHint(failure.error));
    });
}

export function parseQuoteOptions(args: readonly string[]): QuoteOptions {
  return { symbols: parseSymbols(args) };
}

/** Quotes through the cache; failures stay per symbol, stale ones are marked. */
export function runQuote(options: QuoteOptions, deps: QuoteDeps): Promise<QuoteResult> {
  return getQuotes(options.symbols, deps);
}

/** Field names here are the stable JSON contract of `quote`. */
export function quoteRecord({ quote, freshness }: ServedQuote): Record<string, unknown> {
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
    ...freshnessRecord(freshness),
  };
}

export function quoteDataset(rows: readonly ServedQuote[], format: OutputFormat = 'table'): Dataset<ServedQuote> {
  const change = (q: Quote) => quoteChange(q);
  const col = (pick: (q: Quote) => CellValue) => (row: ServedQuote) => pick(row.quote);
  return {
    rows,
    record: quoteRecord,
    columns: [
      { key: 'symbol', header: 'SYMBOL', kind: 'text', value: col((q) => q.symbol) },
      { key: 'name', header: 'NAME', kind: 'text', value: col((q) => q.name), maxWidth: 20, priority: 5 },
      { key: 'last', header: 'LAST', kind: 'decimal', value: col((q) => q.last) },
      { key: 'change', header: 'CHG', kind: 'signed', value: col((q) => change(q).change), priority: 7 },
      { key: 'changePercent', header: 'CHG%', kind: 'percent', value: col((q) => change(q).changePercent) },
      { key: 'open', header: 'OPEN', kind: 'decimal', value: col((q) => q.open), priority: 2 },
      { key: 'high', header: 'HIGH', kind: 'decimal', value: col((q) => q.high), priority: 3 },
      { key: 'low', header: 'LOW', kind: 'decimal', value: col((q) => q.low), priority: 3 },
      { key: 'previousClose', header: 'PREV', kind: 'decimal', value: col((q) => q.previousClose), priority: 5 },
      { key: 'volume', header: 'VOLUME', kind: 'quantity', value: col((q) => q.volume), priority: 4 },
      { key: 'currency', header: 'CCY', kind: 'text', value: col((q) => q.currency), priority: 2 },
      { key: 'time', header: 'TIME', kind: 'time', value: col((q) => q.tsMs), priority: 6 },
      { key: 'marketState', header: 'STATE', kind: 'text', value: col((q) => q.marketState), priority: 4 },
      { key: 'source', header: 'SOURCE', kind: 'text', value: col((q) => q.source), priority: 1 },
      ...freshnessColumns<ServedQuote>(format, (row) => row.freshness),
    ],
  };
}
