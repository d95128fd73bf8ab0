import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';

export function definePath(command: Command, context: () => CommandContext): void {
  command.action(() => {
    const ctx = context();
    const format = ctx.format(['table', 'json']);
    const { configFile, configDir, dataDir, cacheDir, databaseFile, source } = ctx.paths();
    ctx.print(
      format === 'json'
        ? JSON.stringify({ configFile, configDir, dataDir, cacheDir, databaseFile, source }, null, 2)
        : configFile,
    );
  });
}
