import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { EXIT } from '../../errors.js';
import { firingLine, firingRecord } from '../../notify/message.js';
import { runCheck } from '../../services/alerts/check.js';
import { deliverDue } from '../../services/alerts/deliveries.js';
import { defaultNotify, marketDataDeps } from './deps.js';

const EXAMPLES = `
Quiet when nothing fired, so cron mails only real news. Exit 0; with --exit-code, 3 when an
alert fired; 1 when some symbol could not be checked (named on stderr, the rest still checked).`;

export function defineCheck(command: Command, context: () => CommandContext): void {
  command
    .option('--exit-code', 'exit 3 when an alert fired')
    .option('--no-deliver', 'record firings but leave notifications in the outbox')
    .addHelpText('after', EXAMPLES)
    .action(async (raw: { exitCode?: boolean; deliver: boolean }) => {
      const ctx = context();
      const format = ctx.format(['table', 'json', 'ndjson']);
      const deps = await marketDataDeps(ctx);
      const store = await ctx.store();
      const result = await runCheck({ ...deps, store, defaultNotify: await defaultNotify(ctx) });
      ctx.debug(
        `alerts check: ${result.evaluated} evaluated, ${result.fired.length} fired, requests ${JSON.stringify(result.requests)}`,
      );
      if (format === 'json') ctx.print(JSON.stringify(result.fired.map(firingRecord), null, 2));
      else
        for (const firing of result.fired)
          ctx.print(format === 'ndjson' ? JSON.stringify(firingRecord(firing)) : firingLine(firing));
      const reported = new Set<string>();
      for (const failure of result.failures) {
        const key = `${failure.symbol} ${failure.error.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.fail(failure.error);
      }
      if (raw.deliver) {
        const delivery = await deliverDue(store, ctx.clock, {
          env: ctx.deps.env,
          platform: process.platform,
          timeoutMs: 10_000,
        });
        for (const f of delivery.failed)
          ctx.warn(
            `alert #${f.alertId}: delivery to ${f.target} failed: ${f.error}${f.willRetry ? ' (retried at the next check)' : ' (given up)'}`,
          );
        for (const s of delivery.skipped) ctx.warn(`alert #${s.alertId}: ${s.target} skipped: ${s.note}`);
      }
      if (raw.exitCode === true && result.fired.length > 0 && ctx.exitCode === EXIT.ok) ctx.exitCode = EXIT.alertFired;
    });
}
