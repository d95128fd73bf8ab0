import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { StoreError, UsageError } from '../../errors.js';
import { formatBytes } from './format.js';

const EXAMPLES = `
Examples:
  $ stockato db path
  $ stockato db check --json
  $ stockato db backup ~/stockato-$(date +%F).db
  $ stockato db vacuum`;

export function define(command: Command, context: () => CommandContext): void {
  command.addHelpText('after', EXAMPLES);
  command
    .command('path')
    .description('print the database file path')
    .action(() => context().print(context().paths().databaseFile));
  command
    .command('check')
    .description('check the database (integrity, schema version, sizes, row counts)')
    .action(() => check(context()));
  command
    .command('backup')
    .description('copy the database, consistently, while it may be in use')
    .argument('<file>', 'where to write the copy (must not exist)')
    .action((file: string) => backup(context(), file));
  command
    .command('vacuum')
    .description('compact the database file')
    .action(() => vacuum(context()));
}

async function check(ctx: CommandContext): Promise<void> {
  const format = ctx.format(['table', 'json']);
  const store = await openExisting(ctx);
  const { checkDatabase } = await import('../../store/maintenance.js');
  const report = checkDatabase(store);
  if (format === 'json') ctx.print(JSON.stringify(report, null, 2));
  else {
    ctx.print(
      [
        `database   ${report.path}`,
        `integrity  ${report.integrity.join('; ')}`,
        `schema     version ${report.schemaVersion}`,
        `size       ${formatBytes(report.sizeBytes)} (+ ${formatBytes(report.walSizeBytes)} write-ahead log)`,
        `rows       ${report.counts.bars} bars, ${report.counts.instruments} instruments, ${report.counts.coverage} cached ranges`,
      ].join('\n'),
    );
  }
  if (!report.ok)
    throw new StoreError('integrity', `${report.path} failed its integrity check`, {
      hint: 'restore a backup (stockato db backup makes one) or move the file away to start afresh',
    });
}

async function backup(ctx: CommandContext, file: string): Promise<void> {
  const format = ctx.format(['table', 'json']);
  const destination = resolve(file);
  if (existsSync(destination)) throw new UsageError(`${destination} already exists: choose a new file name`);
  const store = await openExisting(ctx);
  const { backupDatabase } = await import('../../store/maintenance.js');
  const result = await backupDatabase(store, destination);
  ctx.print(
    format === 'json' ? JSON.stringify(result) : `backed up ${formatBytes(result.sizeBytes)} to ${result.destPath}`,
  );
}

async function vacuum(ctx: CommandContext): Promise<void> {
  const format = ctx.format(['table', 'json']);
  const store = await openExisting(ctx);
  const { vacuumDatabase } = await import('../../store/maintenance.js');
  const result = vacuumDatabase(store);
  ctx.print(
    format === 'json'
      ? JSON.stringify(result)
      : `${formatBytes(result.beforeBytes)} -> ${formatBytes(result.afterBytes)}`,
  );
}

/** Maintenance never creates a database: it says there is none yet. */
async function openExisting(ctx: CommandContext) {
  const file = ctx.paths().databaseFile;
  if (!existsSync(file)) {
    throw new StoreError('no-database', `there is no database at ${file} yet`, {
      hint: 'it is created the first time a command caches data, e.g. stockato history ACME --demo',
    });
  }
  return ctx.store();
}
