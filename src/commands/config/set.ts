import type { Command } from 'commander';
import { setConfigValue } from '../../config/config.js';
import type { CommandContext } from '../../context.js';

export function defineSet(command: Command, context: () => CommandContext): void {
  command
    .argument('<key>', 'setting name, e.g. timezone')
    .argument('<value>', 'new value, e.g. UTC')
    .action(async (key: string, raw: string) => {
      const ctx = context();
      ctx.format(['table']);
      const file = ctx.paths().configFile;
      const value = await setConfigValue(file, key, raw);
      ctx.debug(`wrote ${key}=${value} to ${file}`);
    });
}
