import type { Command } from 'commander';
import { SETTINGS, type SettingDefinition } from '../../config/schema.js';
import type { Config } from '../../config/config.js';
import type { CommandContext } from '../../context.js';
import type { Dataset } from '../../output/dataset.js';

export function defineList(command: Command, context: () => CommandContext): void {
  command.action(async () => {
    const ctx = context();
    const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
    await ctx.emit(settingsDataset(await ctx.config()), format);
  });
}

export function settingsDataset(config: Config): Dataset<SettingDefinition> {
  return {
    rows: SETTINGS,
    record: (s) => ({
      key: s.key,
      value: config.get(s.key),
      source: config.sourceOf(s.key),
      description: s.description,
    }),
    columns: [
      { key: 'key', header: 'KEY', kind: 'text', value: (s) => s.key },
      { key: 'value', header: 'VALUE', kind: 'text', value: (s) => String(config.get(s.key)) },
      { key: 'source', header: 'FROM', kind: 'text', value: (s) => config.sourceOf(s.key) },
      { key: 'description', header: 'DESCRIPTION', kind: 'text', value: (s) => s.description },
    ],
  };
}
