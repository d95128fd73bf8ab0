import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import type { Dataset } from '../output/dataset.js';
import { isoTime } from '../output/dataset.js';
import type { OutputFormat } from '../output/render.js';
import type { NewsItem } from '../providers/provider.js';
import { FETCHED_NOW, type Freshness } from '../services/freshness.js';
import { getNews, type LookupDeps, type Served } from '../services/lookups.js';
import { rethrowWithDemoHint } from './demo-hint.js';
import { cachePolicy, freshnessColumns, freshnessRecord, reportStale } from './freshness.js';
import { parseSymbols } from './parse.js';
import { parseSearchOptions } from './search.js';

export interface NewsOptions {
  /** Undefined for news of the market as a whole. */
  readonly symbol: string | undefined;
  readonly limit: number;
}

const EXAMPLES = `
Examples:
  $ stockato news AAPL
  $ stockato news                      # the market as a whole
  $ stockato news ACME --demo --limit 3 --json`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .argument('[symbol]', 'a symbol, e.g. AAPL; none for market news')
    .option('-l, --limit <n>', 'at most this many headlines', '10')
    .addHelpText('after', EXAMPLES)
    .action(async (symbol: string | undefined, raw: { limit: string }) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const options = parseNewsOptions(symbol, raw);
      const provider = await ctx.provider();
      const { value: items, freshness } = await runNews(options, {
        provider,
        cache: await ctx.responseCache(provider),
        clock: ctx.clock,
        policy: await cachePolicy(ctx, 'cache.news-ttl'),
      }).catch(rethrowWithDemoHint);
      const subject = options.symbol === undefined ? 'market news' : `news of ${options.symbol}`;
      if (items.length === 0) ctx.warn(`no headlines for ${subject}`);
      if (provider.capabilities.simulated && format === 'table') ctx.warn('demo market: fictional headlines');
      await ctx.emit(newsDataset(items, freshness, format), format);
      reportStale(ctx, subject, freshness);
    });
}

export function parseNewsOptions(symbol: string | undefined, raw: { limit: string }): NewsOptions {
  const { limit } = parseSearchOptions('', raw);
  return { symbol: symbol === undefined ? undefined : parseSymbols([symbol])[0], limit };
}

/** Newest first, at most `limit`. */
export async function runNews(options: NewsOptions, deps: LookupDeps): Promise<Served<readonly NewsItem[]>> {
  const served = await getNews(options.symbol, deps);
  return { value: served.value.slice(0, options.limit), freshness: served.freshness };
}

/** Field names here are the stable JSON contract of `news`. */
export function newsRecord(item: NewsItem, freshness: Freshness): Record<string, unknown> {
  return {
    time: isoTime(item.publishedMs),
    title: item.title,
    publisher: item.publisher,
    url: item.url,
    symbols: item.symbols,
    id: item.id,
    ...freshnessRecord(freshness),
  };
}

export function newsDataset(
  items: readonly NewsItem[],
  freshness: Freshness = FETCHED_NOW,
  format: OutputFormat = 'table',
): Dataset<NewsItem> {
  return {
    rows: items,
    record: (item) => newsRecord(item, freshness),
    columns: [
      { key: 'time', header: 'TIME', kind: 'time', value: (i) => i.publishedMs },
      { key: 'publisher', header: 'SOURCE', kind: 'text', value: (i) => i.publisher, maxWidth: 22 },
      { key: 'title', header: 'HEADLINE', kind: 'text', value: (i) => i.title, maxWidth: 64 },
      { key: 'url', header: 'LINK', kind: 'text', value: (i) => i.url, priority: 1 },
      ...freshnessColumns<NewsItem>(format, () => freshness),
    ],
  };
}
