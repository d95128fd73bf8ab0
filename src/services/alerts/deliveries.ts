import type { Clock } from '../../engine/clock.js';
import type { NotifyDeps } from '../../notify/deliver.js';
import type { Store } from '../../store/store.js';

/** Attempts after which a delivery is given up on (status failed). */
export const MAX_DELIVERY_ATTEMPTS = 10;
/** How long a claimed delivery is reserved for the process that claimed it. */
const LEASE_MS = 5 * 60_000;
const BATCH = 200;

export interface DeliveryReport {
  readonly delivered: number;
  readonly failed: ReadonlyArray<{ alertId: number; target: string; error: string; willRetry: boolean }>;
  readonly skipped: ReadonlyArray<{ alertId: number; target: string; note: string }>;
}

/**
 * Delivers every due outbox row (this run's firings and earlier failures): claimed with a lease,
 * sent, then marked. A failure is retried by the next check, up to MAX_DELIVERY_ATTEMPTS; it
 * never touches the firing, so a retry can never fire the alert again.
 */
export async function deliverDue(store: Store, clock: Clock, notify: NotifyDeps): Promise<DeliveryReport> {
  const report = {
    delivered: 0,
    failed: [] as DeliveryReport['failed'][number][],
    skipped: [] as DeliveryReport['skipped'][number][],
  };
  const due = store.alerts.outbox.claimDue(clock.nowMs(), LEASE_MS, BATCH);
  if (due.length === 0) return report;
  // Loaded only when something is due: the notifiers bring undici (webhooks) and child_process,
  // which a check that fired nothing never needs.
  const { deliverFiring } = await import('../../notify/deliver.js');
  const worker = async () => {
    for (let job = due.shift(); job !== undefined; job = due.shift()) {
      const outcome = await deliverFiring(job.target, job.firing, notify);
      const nowMs = clock.nowMs();
      if (outcome.status === 'delivered') {
        store.alerts.outbox.markDelivered(job.id, nowMs);
        report.delivered++;
      } else if (outcome.status === 'skipped') {
        store.alerts.outbox.markFailed(job.id, outcome.note, nowMs, true);
        report.skipped.push({ alertId: job.firing.alertId, target: job.target, note: outcome.note });
      } else {
        const giveUp = job.attempts + 1 >= MAX_DELIVERY_ATTEMPTS;
        store.alerts.outbox.markFailed(job.id, outcome.error, nowMs, giveUp);
        report.failed.push({
          alertId: job.firing.alertId,
          target: job.target,
          error: outcome.error,
          willRetry: !giveUp,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return report;
}
