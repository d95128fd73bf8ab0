import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../../context.js';
import type { Interval } from '../../engine/interval.js';
import { INTERVALS } from '../../engine/interval.js';
import type { NewAlert } from '../../store/alert-repository.js';
import { parseSymbols } from '../parse.js';
import { alertDataset } from './format.js';
import { addAlert, parseRuleOrThrow } from '../../services/alerts/add.js';
import { collect, parseCooldownOption, parseIntervalOption, parseNotifyOption } from './options.js';

interface RawAddOptions {
  readonly name?: string;
  readonly interval: string;
  readonly cooldown?: string;
  readonly once?: boolean;
  readonly notify?: string[];
}

export function defineAdd(command: Command, context: () => CommandContext): void {
  command
    .argument('<symbol>', 'the symbol to watch, e.g. ACME')
    .argument('<rule>', 'the rule, quoted, e.g. "rsi(14) < 30"')
    .option('--name <name>', 'a name for the alert')
    .addOption(new Option('-i, --interval <interval>', `bars the rule reads: ${INTERVALS.join(', ')}`).default('1d'))
    .option('--cooldown <duration>', 'no second firing within this time, e.g. 1h')
    .option('--once', 'fire one time, then stop')
    .option(
      '--notify <target>',
      'where to tell (repeatable): stdout, desktop, cmd:..., webhook:URL, slack:URL, discord:URL, ntfy:URL',
      collect,
    )
    .action(async (symbol: string, rule: string, raw: RawAddOptions) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const alert = parseAddOptions(symbol, rule, raw);
      const added = await addAlert(alert, {
        provider: await ctx.provider(),
        store: await ctx.store(),
        nowMs: ctx.clock.nowMs(),
      });
      await ctx.emit(alertDataset([added]), format);
    });
}

/** argv to a new alert; a bad rule, interval, cooldown or target is a usage error (exit 2). */
export function parseAddOptions(symbolArg: string, ruleText: string, raw: RawAddOptions): NewAlert {
  const [symbol] = parseSymbols([symbolArg]) as [string];
  parseRuleOrThrow(ruleText);
  const interval: Interval = parseIntervalOption(raw.interval);
  return {
    name: raw.name?.trim() || undefined,
    symbol,
    rule: ruleText.trim(),
    interval,
    cooldownMs: parseCooldownOption(raw.cooldown),
    once: raw.once === true,
    notify: parseNotifyOption(raw.notify),
  };
}
