import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import type { Instrument } from '../engine/instrument.js';
import type { Dataset } from '../output/dataset.js';
import type { OutputFormat } from '../output/render.js';
import { FETCHED_NOW, type Freshness } from '../services/freshness.js';
import { searchInstruments, type LookupDeps, type Served } from '../services/lookups.js';
import { cachePolicy, freshnessColumns, freshnessRecord, reportStale } from './freshness.js';
import { UsageError } from '../errors.js';

const EXAMPLES = `
Examples:
  $ stockato search apple
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
      const provider = await ctx.provider();
      const { value: instruments, freshness } = await runSearch(options, {
        provider,
        cache: await ctx.responseCache(provider),
        clock: ctx.clock,
        policy: await cachePolicy(ctx, 'cache.search-ttl'),
      });
      if (instruments.length === 0) ctx.warn(`nothing matches "${options.text}"`);
      await ctx.emit(searchDataset(instruments, freshness, format), format);
      reportStale(ctx, `search "${options.text}"`, freshness);
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

export async function runSearch(options: SearchOptions, deps: LookupDeps): Promise<Served<readonly Instrument[]>> {
  const served = await searchInstruments(options.text, deps);
  return { value: served.value.slice(0, options.limit), freshness: served.freshness };
}

/** Every record carries the freshness of the whole answer (`stale`, `ageSeconds`). */
export function searchDataset(
  instruments: readonly Instrument[],
  freshness: Freshness = FETCHED_NOW,
  format: OutputFormat = 'table',
): Dataset<Instrument> {
  return {
    rows: instruments,
    record: (i) => ({
      symbol: i.symbol,
      name: i.name,
      assetClass: i.assetClass,
      exchange: i.exchange,
      currency: i.currency,
      ...freshnessRecord(freshness),
    }),
    columns: [
      { key: 'symbol', header: 'SYMBOL', kind: 'text', value: (i) => i.symbol },
      { key: 'name', header: 'NAME', kind: 'text', value: (i) => i.name, maxWidth: 40 },
      { key: 'assetClass', header: 'TYPE', kind: 'text', value: (i) => i.assetClass },
      { key: 'exchange', header: 'EXCHANGE', kind: 'text', value: (i) => i.exchange },
      { key: 'currency', header: 'CCY', kind: 'text', value: (i) => i.currency },
      ...freshnessColumns<Instrument>(format, () => freshness),
    ],
  };
}
