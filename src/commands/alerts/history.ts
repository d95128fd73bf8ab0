import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { UsageError } from '../../errors.js';
import { firingDataset } from './format.js';
import { parseAlertId } from './options.js';

export function defineHistory(command: Command, context: () => CommandContext): void {
  command
    .option('--alert <id>', 'only the firings of this alert')
    .option('-n, --limit <count>', 'at most this many, newest first', '50')
    .action(async (raw: { alert?: string; limit: string }) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
      const limit = /^\d+$/.test(raw.limit) ? Number(raw.limit) : Number.NaN;
      if (!(limit >= 1)) throw new UsageError(`--limit must be a whole number from 1 up (received "${raw.limit}")`);
      const alertId = raw.alert === undefined ? undefined : parseAlertId(raw.alert);
      const firings = (await ctx.store()).alerts.firings(limit, alertId);
      await ctx.emit(firingDataset(firings), format);
    });
}
