import type { Clock } from '../../engine/clock.js';
import { AppError } from '../../errors.js';
import type { MarketDataProvider } from '../../providers/provider.js';
import { addAlert } from '../../services/alerts/add.js';
import type { Store } from '../../store/store.js';
import type { AlertsPort } from './ports.js';

/**
 * The alerts pane over the alert store (migration 4): the same rules, checks and rows as
 * `stockato alerts add/list`, so an alert added here is checked by cron like any other.
 */
export function storeAlerts(deps: { store: Store; provider: MarketDataProvider; clock: Clock }): AlertsPort {
  const { store } = deps;
  return {
    list: () =>
      store.alerts.list().map((a) => ({ id: String(a.id), symbol: a.symbol, rule: a.rule, enabled: a.enabled })),
    recentFirings: (limit) =>
      store.alerts.firings(limit).map((f) => ({
        alertId: String(f.alertId),
        symbol: f.symbol,
        rule: f.rule,
        firedMs: f.firedMs,
        message: f.name ?? f.rule,
      })),
    async add(symbol, rule) {
      try {
        const alert = {
          name: undefined,
          symbol,
          rule: rule.trim(),
          interval: '1d',
          cooldownMs: 0,
          once: false,
          notify: undefined,
        } as const;
        await addAlert(alert, { provider: deps.provider, store, nowMs: deps.clock.nowMs() });
        return { ok: true };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, message: error.message };
        throw error;
      }
    },
    setEnabled: (id, enabled) => {
      store.alerts.setEnabled(Number(id), enabled);
    },
  };
}
