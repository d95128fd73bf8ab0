import type { Command } from 'commander';
import { requireSetting } from '../../config/config.js';
import type { CommandContext } from '../../context.js';

export function defineGet(command: Command, context: () => CommandContext): void {
  command.argument('<key>', 'setting name, e.g. timezone').action(async (key: string) => {
    const ctx = context();
    const format = ctx.format(['table', 'json']);
    requireSetting(key);
    const value = (await ctx.config()).get(key);
    ctx.print(format === 'json' ? JSON.stringify({ key, value }) : String(value));
  });
}
