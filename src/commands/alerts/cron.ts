import { realpathSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';

export function defineCron(command: Command, context: () => CommandContext): void {
  command
    .option('--every <duration>', 'how often: 1m..59m in minutes that divide an hour, or 1h..24h', '5m')
    .action((raw: { every: string }) => {
      const ctx = context();
      ctx.format(['table']);
      ctx.print(
        cronLine({
          schedule: cronSchedule(raw.every),
          node: process.execPath,
          script: realpathSync(process.argv[1] ?? ''),
          home: ctx.deps.env['STOCKATO_HOME'],
          provider: ctx.globals.demo === true ? 'demo' : ctx.globals.provider,
        }),
      );
    });
}

/** `5m` to `*\/5 * * * *`, `2h` to `0 *\/2 * * *`; other periods cannot be said in cron. */
export function cronSchedule(every: string): string {
  const ms = parseDuration(every, '--every');
  const minutes = ms / 60_000;
  if (Number.isInteger(minutes) && minutes >= 1 && minutes < 60 && 60 % minutes === 0) {
    return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  }
  const hours = ms / 3_600_000;
  if (Number.isInteger(hours) && hours >= 1 && hours <= 24 && 24 % hours === 0) {
    return hours === 24 ? '0 0 * * *' : hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
  }
  throw new UsageError(`--every ${every} cannot be written as a cron schedule`, {
    hint: 'use minutes that divide an hour (1m, 5m, 15m, 30m) or hours that divide a day (1h, 2h, 6h, 24h)',
  });
}

/** A crontab line: absolute node and script, so cron's bare PATH does not matter. */
export function cronLine(parts: {
  schedule: string;
  node: string;
  script: string;
  home?: string | undefined;
  provider?: string | undefined;
}): string {
  const quote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  const env = parts.home === undefined ? '' : `STOCKATO_HOME=${quote(parts.home)} `;
  const provider = parts.provider === undefined ? '' : ` --provider ${quote(parts.provider)}`;
  return `${parts.schedule} ${env}${quote(parts.node)} ${quote(parts.script)} alerts check${provider}`;
}
