import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../../context.js';
import { evaluateRule, type Evaluation, type OperandValue } from '../../engine/alerts/index.js';
import { INTERVALS, type Interval } from '../../engine/interval.js';
import { isoTime, type Dataset } from '../../output/dataset.js';
import { mergeNeeds } from '../../services/alerts/lookback.js';
import { gatherMarketData, groupKey, type MarketDataDeps } from '../../services/alerts/market-data.js';
import { parseSymbols } from '../parse.js';
import { marketDataDeps } from './deps.js';
import { assertProviderCanServe, parseRuleOrThrow } from '../../services/alerts/add.js';
import { parseIntervalOption } from './options.js';

export interface TestOptions {
  readonly symbol: string;
  readonly rule: string;
  readonly interval: Interval;
}

export function defineTest(command: Command, context: () => CommandContext): void {
  command
    .argument('<symbol>', 'symbol, e.g. ACME')
    .argument('<rule>', 'the rule, quoted')
    .addOption(new Option('-i, --interval <interval>', `bars the rule reads: ${INTERVALS.join(', ')}`).default('1d'))
    .action(async (symbol: string, rule: string, raw: { interval: string }) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const [canonical] = parseSymbols([symbol]) as [string];
      const options = { symbol: canonical, rule: rule.trim(), interval: parseIntervalOption(raw.interval) };
      parseRuleOrThrow(options.rule);
      const evaluation = await runTest(options, await marketDataDeps(ctx));
      await ctx.emit(testDataset(options, evaluation), format);
      if (format === 'table') {
        const word = evaluation.condition === null ? 'unknown (not enough data yet)' : String(evaluation.condition);
        ctx.deps.stderr.write(`condition: ${word} — nothing fired (alerts test never fires)\n`);
      }
    });
}

/** Evaluates the rule now on the same data `alerts check` would use; records and fires nothing. */
export async function runTest(options: TestOptions, deps: MarketDataDeps): Promise<Evaluation> {
  const rule = parseRuleOrThrow(options.rule);
  assertProviderCanServe(deps.provider, rule, options.interval);
  const group = { symbol: options.symbol, interval: options.interval, needs: mergeNeeds(undefined, rule.needs) };
  const gathered = await gatherMarketData([group], deps);
  const key = groupKey(options.symbol, options.interval);
  const failure = gathered.failures.get(key);
  if (failure !== undefined) throw failure;
  return evaluateRule(rule, gathered.data.get(key) as NonNullable<ReturnType<typeof gathered.data.get>>);
}

function testDataset(options: TestOptions, evaluation: Evaluation): Dataset<OperandValue> {
  return {
    rows: evaluation.values,
    record: (v) => ({ symbol: options.symbol, operand: v.label, value: v.value, previous: v.previous }),
    document: () => ({
      symbol: options.symbol,
      rule: options.rule,
      interval: options.interval,
      condition: evaluation.condition,
      barTime: evaluation.barMs === undefined ? null : isoTime(evaluation.barMs),
      values: evaluation.values,
    }),
    columns: [
      { key: 'operand', header: 'OPERAND', kind: 'text', value: (v) => v.label },
      { key: 'value', header: 'NOW', kind: 'text', value: (v) => show(v.value) },
      { key: 'previous', header: 'PREVIOUS BAR', kind: 'text', value: (v) => show(v.previous) },
    ],
  };
}

const show = (value: number | null) => (value === null ? 'n/a' : String(Number(value.toPrecision(10))));
