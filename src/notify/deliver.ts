import type { Firing } from '../store/alert-firing-row.js';
import { runCommandHook } from './command.js';
import { findDesktopNotifier, showDesktopNotification } from './desktop.js';
import { parseNotifyTarget } from './targets.js';
import { postWebhook } from './webhook.js';

export interface NotifyDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  /** Budget of one delivery (a webhook request, a hook's run). */
  readonly timeoutMs: number;
}

/** What one delivery attempt came to. `skipped`: impossible here (no desktop notifier), not retried. */
export type DeliveryOutcome =
  { status: 'delivered' } | { status: 'failed'; error: string } | { status: 'skipped'; note: string };

/** Delivers one firing to one target (its stored text). Never throws. */
export async function deliverFiring(targetText: string, firing: Firing, deps: NotifyDeps): Promise<DeliveryOutcome> {
  const parsed = parseNotifyTarget(targetText);
  if (!parsed.ok) return { status: 'skipped', note: parsed.message };
  const { target } = parsed;
  try {
    switch (target.kind) {
      case 'stdout':
        return { status: 'delivered' };
      case 'desktop': {
        const notifier = findDesktopNotifier(deps.platform, deps.env['PATH']);
        if (notifier === undefined) {
          const wanted = deps.platform === 'darwin' ? 'osascript' : 'notify-send (package libnotify-bin)';
          return { status: 'skipped', note: `no desktop notifier on this system (${wanted} not found on PATH)` };
        }
        await showDesktopNotification(notifier, firing, deps.timeoutMs);
        return { status: 'delivered' };
      }
      case 'cmd':
        await runCommandHook(target.command, firing, deps.env, deps.timeoutMs);
        return { status: 'delivered' };
      default:
        await postWebhook(target.kind, target.url, firing, deps.timeoutMs);
        return { status: 'delivered' };
    }
  } catch (error) {
    return { status: 'failed', error: (error as Error).message };
  }
}
