import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import type { Instrument } from '../engine/instrument.js';
import type { Dataset } from '../output/dataset.js';
import type { MarketDataProvider } from '../providers/provider.js';
import { UsageError } from '../errors.js';

const EXAMPLES = `
Examples:
  $ stockato search acme --demo
  $ stockato search "" --demo          # everything the demo market lists
  $ stockato search rocket --demo --json`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .argument('<text>', 'part of a symbol or name ("" lists all where the provider allows)')
    .option('-l, --limit <n>', 'at most this many results', '25')
    .addHelpText('after', EXAMPLES)
    .action(async (text: string, raw: { limit: string }) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const options = parseSearchOptions(text, raw);
      const instruments = await runSearch(options, { provider: await ctx.provider() });
      if (instruments.length === 0) ctx.warn(`nothing matches "${options.text}"`);
      await ctx.emit(searchDataset(instruments), format);
    });
}

export interface SearchOptions {
  readonly text: string;
  readonly limit: number;
}

export function parseSearchOptions(text: string, raw: { limit: string }): SearchOptions {
  const limit = Number(raw.limit);
  if (!/^\d+$/.test(raw.limit) || limit < 1) {
    throw new UsageError(`--limit must be a whole number from 1 up (received "${raw.limit}")`);
  }
  return { text: text.trim(), limit };
}

export async function runSearch(
  options: SearchOptions,
  deps: { provider: MarketDataProvider },
): Promise<readonly Instrument[]> {
  return (await deps.provider.search(options.text)).slice(0, options.limit);
}

export function searchDataset(instruments: readonly Instrument[]): Dataset<Instrument> {
  return {
    rows: instruments,
    record: (i) => ({
      symbol: i.symbol,
      name: i.name,
      assetClass: i.assetClass,
      exchange: i.exchange,
      currency: i.currency,
    }),
    columns: [
      { key: 'symbol', header: 'SYMBOL', kind: 'text', value: (i) => i.symbol },
      { key: 'name', header: 'NAME', kind: 'text', value: (i) => i.name, maxWidth: 40 },
      { key: 'assetClass', header: 'TYPE', kind: 'text', value: (i) => i.assetClass },
      { key: 'exchange', header: 'EXCHANGE', kind: 'text', value: (i) => i.exchange },
      { key: 'currency', header: 'CCY', kind: 'text', value: (i) => i.currency },
    ],
  };
}
