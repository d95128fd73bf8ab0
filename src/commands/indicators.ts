import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../context.js';
import type { Bar } from '../engine/bar.js';
import { PATTERN_NAMES, type PatternName } from '../engine/candles/patterns.js';
import { isIntraday, isInterval, type Interval } from '../engine/interval.js';
import type { Range } from '../engine/range.js';
import { INDICATORS, type IndicatorSpec } from '../engine/indicators/index.js';
import { UsageError } from '../errors.js';
import { parseOhlcvCsv } from '../input/ohlcv-csv.js';
import { readTextInput } from '../input/read-text.js';
import {
  addRangeOptions,
  loadHistory,
  parseHistoryOptions,
  type HistoryOptions,
  type RawHistoryOptions,
} from './history.js';
import { reportStale } from './freshness.js';
import { parsePatterns, parseSpecs } from './indicator-args.js';
import { indicatorDataset, indicatorTable, type IndicatorTable, type TableSource } from './indicator-table.js';

export type BarSource =
  { readonly kind: 'history'; readonly history: HistoryOptions } | { readonly kind: 'input'; readonly path: string };

export interface IndicatorsOptions {
  readonly source: BarSource;
  readonly specs: readonly IndicatorSpec[];
  /** Patterns to look for; undefined when --patterns was not given. */
  readonly patterns: readonly PatternName[] | undefined;
}

interface RawIndicatorsOptions extends RawHistoryOptions {
  readonly ind?: readonly string[];
  readonly patterns?: string | true;
  readonly input?: string;
}

const EXAMPLES = `
Examples:
  $ stockato indicators ACME --demo --ind rsi:14,macd:12:26:9,bb:20:2
  $ stockato indicators ACME --demo --ind sma:50 --ind sma:200 --range 2y --csv
  $ stockato indicators ACME --demo --patterns --range 3mo
  $ stockato history ACME --demo --csv | stockato indicators --input - --ind rsi:14
  $ stockato indicators --input prices.csv --ind supertrend:10:3 --patterns hammer,doji --json

--ind takes NAME[:PARAM...], comma-separated and repeatable; NAME alone takes the defaults.
Without --range or --from: 1y of daily bars (5y of weekly, 10y of monthly, 1d of intraday).
Indicators: ${Object.keys(INDICATORS).join(', ')}
Patterns: ${PATTERN_NAMES.join(', ')}`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function define(command: Command, context: () => CommandContext): void {
  addRangeOptions(command.argument('[symbol]', 'one symbol, e.g. ACME (or read bars with --input)'))
    .addOption(new Option('--ind <specs>', 'indicators, e.g. rsi:14,macd:12:26:9 (repeatable)').argParser(collect))
    .addOption(new Option('--patterns [names]', 'candlestick patterns to find: all (default) or a comma list'))
    .addOption(
      new Option('--input <file>', 'read OHLCV CSV from a file, or - for standard input, instead of a provider'),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (symbol: string | undefined, raw: RawIndicatorsOptions, command: Command) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const given = (name: string): boolean => command.getOptionValueSource(name) === 'cli';
      const options = parseIndicatorsOptions(symbol, raw, ctx.clock.nowMs(), given);
      const result = await run(options, {
        loadHistory: async (history) => {
          const result = await loadHistory(ctx, history);
          reportStale(ctx, history.symbol, result.freshness);
          return result;
        },
        readInput: (path) => readTextInput(path, ctx.deps.stdin),
      });
      if (result.table.rows.length === 0) ctx.warn('no bars to compute indicators on');
      if (result.source.demo && format === 'table') ctx.warn('demo market: simulated prices, not real history');
      const humanDigits = format === 'table' && ctx.deps.stdout.isTTY === true ? 4 : undefined;
      await ctx.emit(
        indicatorDataset(
          result.table,
          { ...result.source, specs: options.specs, patterns: options.patterns },
          humanDigits,
        ),
        format,
      );
    });
}

/** Range defaults long enough for common warm-ups: 1 year of days, 5 of weeks, 10 of months. */
function defaultRange(interval: Interval): Range {
  return isIntraday(interval) ? '1d' : interval === '1d' ? '1y' : interval === '1wk' ? '5y' : '10y';
}

/** argv to typed options; any bad spec, pattern or combination is a usage error (exit 2). */
export function parseIndicatorsOptions(
  symbol: string | undefined,
  raw: RawIndicatorsOptions,
  nowMs: number,
  // Whether a range flag was typed (--interval always has its default value).
  given: (option: 'range' | 'interval' | 'from' | 'to') => boolean = (option) =>
    option !== 'interval' && raw[option] !== undefined,
): IndicatorsOptions {
  const specs = parseSpecs(raw.ind ?? []);
  const patterns = raw.patterns === undefined ? undefined : parsePatterns(raw.patterns);
  if (specs.length === 0 && patterns === undefined) {
    throw new UsageError('give at least one --ind SPEC (e.g. --ind rsi:14) or --patterns');
  }
  if (raw.input !== undefined) {
    if (symbol !== undefined)
      throw new UsageError(`give a symbol or --input, not both (received ${symbol} and --input ${raw.input})`);
    const flag = (['range', 'interval', 'from', 'to'] as const).find(given);
    if (flag !== undefined) throw new UsageError(`--${flag} applies to a symbol's history, not to --input`);
    return { source: { kind: 'input', path: raw.input }, specs, patterns };
  }
  if (symbol === undefined) throw new UsageError('give a symbol (e.g. ACME) or --input FILE (- for standard input)');
  const range =
    raw.range ?? (raw.from === undefined && isInterval(raw.interval) ? defaultRange(raw.interval) : undefined);
  return {
    source: { kind: 'history', history: parseHistoryOptions(symbol, { ...raw, range }, nowMs) },
    specs,
    patterns,
  };
}

export interface IndicatorsDeps {
  readonly loadHistory: (options: HistoryOptions) => Promise<{
    readonly instrument: { readonly symbol: string };
    readonly interval: string;
    readonly bars: readonly Bar[];
    readonly source: string;
    readonly demo: boolean;
  }>;
  readonly readInput: (path: string) => Promise<string>;
}

export interface IndicatorsResult {
  readonly source: TableSource;
  readonly table: IndicatorTable;
}

/** Loads the bars (provider or CSV) and computes the indicators and patterns over them. */
export async function run(options: IndicatorsOptions, deps: IndicatorsDeps): Promise<IndicatorsResult> {
  if (options.source.kind === 'input') {
    const bars = parseOhlcvCsv(await deps.readInput(options.source.path));
    return {
      source: { symbol: undefined, interval: undefined, source: 'csv', demo: false },
      table: indicatorTable(bars, options.specs, options.patterns),
    };
  }
  const history = await deps.loadHistory(options.source.history);
  return {
    source: {
      symbol: history.instrument.symbol,
      interval: history.interval,
      source: history.source,
      demo: history.demo,
    },
    table: indicatorTable(history.bars, options.specs, options.patterns),
  };
}
