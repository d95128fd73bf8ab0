import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../context.js';
import type { Bar } from '../engine/bar.js';
import { INTERVALS, isInterval, isIntraday, type Interval } from '../engine/interval.js';
import { isRange, RANGES, rangeStart, type Range } from '../engine/range.js';
import { ProviderError, UsageError } from '../errors.js';
import type { Dataset } from '../output/dataset.js';
import { isoTime } from '../output/dataset.js';
import { getHistory, type HistoryResult } from '../services/history.js';
import { rethrowWithDemoHint } from './demo-hint.js';
import { cachePolicy, freshnessRecord, reportStale } from './freshness.js';
import { parseSymbols, parseTimeOption } from './parse.js';

export interface HistoryOptions {
  readonly symbol: string;
  readonly interval: Interval;
  readonly fromMs: number;
  readonly toMs: number;
}

interface RawHistoryOptions {
  readonly range?: string;
  readonly interval: string;
  readonly from?: string;
  readonly to?: string;
}

const EXAMPLES = `
Examples:
  $ stockato history ACME --demo
  $ stockato history ACME --range 5y --interval 1wk --demo
  $ stockato history ZORK-USD --range 5d --interval 1h --demo --json
  $ stockato history ACME --from 2024-01-01 --to 2024-03-31 --csv > q1.csv

--to is inclusive when it is a date (the whole day) and exclusive when it is a time.`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .argument('<symbol>', 'one symbol, e.g. ACME')
    .addOption(new Option('-r, --range <range>', `how far back from now: ${RANGES.join(', ')}`))
    .addOption(new Option('-i, --interval <interval>', `bar size: ${INTERVALS.join(', ')}`).default('1d'))
    .option('--from <date>', 'start date (YYYY-MM-DD) or ISO 8601 time; overrides --range')
    .option('--to <date>', 'end date (inclusive) or ISO 8601 time (exclusive); default now')
    .addHelpText('after', EXAMPLES)
    .action(async (symbol: string, raw: RawHistoryOptions) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const options = parseHistoryOptions(symbol, raw, ctx.clock.nowMs());
      const provider = await ctx.provider();
      if (!provider.capabilities.intervals.includes(options.interval)) {
        throw new UsageError(`--interval ${options.interval} is not offered by ${provider.displayName}`, {
          hint: `it offers: ${provider.capabilities.intervals.join(', ')}`,
        });
      }
      const ttlKey = isIntraday(options.interval) ? 'cache.intraday-ttl' : 'cache.daily-ttl';
      const result = await getHistory(options, {
        provider,
        store: await ctx.cacheStore(),
        clock: ctx.clock,
        policy: await cachePolicy(ctx, ttlKey),
      })
        .catch(rethrowWithDemoHint)
        .catch(asUsageError);
      ctx.debug(`history: ${result.bars.length} bars ${describeFetch(result)}`);
      if (result.bars.length === 0) ctx.warn(`no ${options.interval} bars for ${options.symbol} in that range`);
      if (result.demo && format === 'table') ctx.warn('demo market: simulated prices, not real history');
      reportStale(ctx, options.symbol, result.freshness);
      await ctx.emit(historyDataset(result), format);
    });
}

/** argv to typed options; a bad range, interval or date order is a usage error (exit 2). */
export function parseHistoryOptions(symbolArg: string, raw: RawHistoryOptions, nowMs: number): HistoryOptions {
  const [symbol] = parseSymbols([symbolArg]) as [string];
  if (!isInterval(raw.interval)) {
    throw new UsageError(`--interval must be one of ${INTERVALS.join(', ')} (received "${raw.interval}")`);
  }
  if (raw.range !== undefined && !isRange(raw.range)) {
    throw new UsageError(`--range must be one of ${RANGES.join(', ')} (received "${raw.range}")`);
  }
  if (raw.range !== undefined && raw.from !== undefined) {
    throw new UsageError('give either --range or --from, not both');
  }
  const defaultRange: Range = isIntraday(raw.interval) ? '1d' : '1mo';
  const fromMs =
    raw.from !== undefined
      ? parseTimeOption(raw.from, '--from')
      : rangeStart((raw.range as Range | undefined) ?? defaultRange, nowMs);
  const toMs = raw.to !== undefined ? parseTimeOption(raw.to, '--to', true) : nowMs;
  if (fromMs >= toMs) {
    throw new UsageError(`--from (${isoTime(fromMs)}) must be before --to (${isoTime(toMs)})`);
  }
  return { symbol, interval: raw.interval, fromMs, toMs };
}

/** A provider that cannot serve the asked range (intraday too far back) is the user's input to fix. */
function asUsageError(error: unknown): never {
  if (error instanceof ProviderError && error.code === 'range-unavailable') {
    throw new UsageError(error.message, { hint: error.hint ?? 'ask for a shorter --range' });
  }
  throw error;
}

function describeFetch(result: HistoryResult): string {
  if (result.fromCache) return 'from the cache';
  if (result.freshness.stale) return 'from the cache (stale: the refresh failed)';
  const ranges = result.fetched.map((r) => `${isoTime(r.fromMs)}..${isoTime(r.toMs)}`).join(', ');
  return `from ${result.source} (fetched ${ranges})`;
}

export function barRecord(bar: Bar): Record<string, unknown> {
  return {
    time: isoTime(bar.tsMs),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
  };
}

export function historyDataset(result: HistoryResult): Dataset<Bar> {
  const intraday = isIntraday(result.interval);
  return {
    rows: result.bars,
    record: (bar) => ({ symbol: result.instrument.symbol, ...barRecord(bar) }),
    document: () => ({
      symbol: result.instrument.symbol,
      name: result.instrument.name,
      currency: result.instrument.currency,
      exchange: result.instrument.exchange,
      interval: result.interval,
      source: result.source,
      demo: result.demo,
      ...freshnessRecord(result.freshness),
      bars: result.bars.map(barRecord),
    }),
    columns: [
      { key: 'time', header: intraday ? 'TIME' : 'DATE', kind: intraday ? 'time' : 'date', value: (b) => b.tsMs },
      { key: 'open', header: 'OPEN', kind: 'decimal', value: (b) => b.open },
      { key: 'high', header: 'HIGH', kind: 'decimal', value: (b) => b.high },
      { key: 'low', header: 'LOW', kind: 'decimal', value: (b) => b.low },
      { key: 'close', header: 'CLOSE', kind: 'decimal', value: (b) => b.close },
      { key: 'volume', header: 'VOLUME', kind: 'quantity', value: (b) => b.volume },
    ],
  };
}
