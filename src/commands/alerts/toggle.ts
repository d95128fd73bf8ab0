import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { parseAlertId } from './options.js';
import { noSuchAlert } from './rm.js';

/** `alerts enable ID...` and `alerts disable ID...`: a disabled alert is not checked; its state is kept. */
export function defineToggle(command: Command, context: () => CommandContext, enabled: boolean): void {
  command.argument('<id...>', 'alert ids (see alerts ls)').action(async (ids: string[]) => {
    const ctx = context();
    ctx.format(['table', 'json']);
    const parsed = ids.map(parseAlertId);
    const store = await ctx.store();
    for (const id of parsed) if (!store.alerts.setEnabled(id, enabled)) ctx.fail(noSuchAlert(id));
  });
}
