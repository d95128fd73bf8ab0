import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { alertDataset } from './format.js';

export function defineLs(command: Command, context: () => CommandContext): void {
  command.action(async () => {
    const ctx = context();
    const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
    const alerts = (await ctx.store()).alerts.list();
    if (alerts.length === 0 && format === 'table')
      ctx.warn('no alerts yet: add one with stockato alerts add SYMBOL "RULE"');
    await ctx.emit(alertDataset(alerts), format);
  });
}
