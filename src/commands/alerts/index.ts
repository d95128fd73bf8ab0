import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { defineAdd } from './add.js';
import { defineCheck } from './check.js';
import { defineCron } from './cron.js';
import { defineHistory } from './history.js';
import { defineLs } from './ls.js';
import { defineRm } from './rm.js';
import { defineTest } from './test.js';
import { defineToggle } from './toggle.js';

const EXAMPLES = `
Examples:
  $ stockato alerts add ACME "price crosses above 200" --cooldown 1h --notify desktop
  $ stockato alerts add ACME "rsi(14) < 30 and volume > 2 * avg_volume(20)" --name oversold
  $ stockato alerts test ACME "sma(50) crosses above sma(200)"
  $ stockato alerts check --ndjson --exit-code
  $ stockato alerts cron >> my-crontab

Rules: see the Alerts section of the README (grammar, firing semantics, notifications).`;

export function define(command: Command, context: () => CommandContext): void {
  command.addHelpText('after', EXAMPLES);
  defineAdd(command.command('add').description('add an alert: SYMBOL "RULE"'), context);
  defineLs(command.command('ls').description('list alerts with their state'), context);
  defineRm(command.command('rm').description('remove alerts (their firing history stays)'), context);
  defineToggle(command.command('enable').description('check these alerts again'), context, true);
  defineToggle(command.command('disable').description('stop checking these alerts (state kept)'), context, false);
  defineTest(command.command('test').description('evaluate a rule now and show its values; fires nothing'), context);
  defineHistory(command.command('history').description('past firings, newest first'), context);
  defineCheck(command.command('check').description('evaluate every enabled alert once (for cron)'), context);
  defineCron(command.command('cron').description('print a crontab line that runs alerts check'), context);
}
