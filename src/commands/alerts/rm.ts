import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { parseAlertId } from './options.js';

export function defineRm(command: Command, context: () => CommandContext): void {
  command.argument('<id...>', 'alert ids (see alerts ls)').action(async (ids: string[]) => {
    const ctx = context();
    ctx.format(['table', 'json']);
    const parsed = ids.map(parseAlertId);
    const store = await ctx.store();
    for (const id of parsed) {
      if (!store.alerts.remove(id)) ctx.fail(noSuchAlert(id));
      else ctx.debug(`removed alert #${id}`);
    }
  });
}

export function noSuchAlert(id: number): AppError {
  return new AppError('no-such-alert', `there is no alert #${id}`, 1, { hint: 'see stockato alerts ls' });
}
