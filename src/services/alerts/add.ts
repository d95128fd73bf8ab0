import { formatRuleError, parseRule, type Rule } from '../../engine/alerts/index.js';
import type { Interval } from '../../engine/interval.js';
import { UnknownSymbolError, UsageError } from '../../errors.js';
import type { MarketDataProvider } from '../../providers/provider.js';
import type { Alert, NewAlert } from '../../store/alert-repository.js';
import type { Store } from '../../store/store.js';

/** A rule's text, parsed; a bad one is a usage error showing the rule with a caret under the column. */
export function parseRuleOrThrow(text: string): Rule {
  const result = parseRule(text);
  if (result.ok) return result.rule;
  const { hint, ...error } = result.error;
  throw new UsageError(`invalid rule: ${formatRuleError(text, error)}`, hint === undefined ? {} : { hint });
}

/** A rule on bars or news the provider cannot give is refused before it is stored. */
export function assertProviderCanServe(provider: MarketDataProvider, rule: Rule, interval: Interval): void {
  const { capabilities } = provider;
  if (!capabilities.intervals.includes(interval)) {
    throw new UsageError(`${provider.id} has no ${interval} bars`, {
      hint: `it offers: ${capabilities.intervals.join(', ')}`,
    });
  }
  if (rule.needs.news && (!capabilities.news || provider.getNews === undefined)) {
    throw new UsageError(`the rule reads news, which ${provider.id} does not give`, {
      hint: 'use a provider with news (e.g. --provider yahoo), or drop the news condition',
    });
  }
}

/**
 * Adds an alert, for `stockato alerts add` and the dashboard's alerts pane alike: checks the rule,
 * then the rule against what the provider can give and the symbol against what it knows (one
 * quote request), then stores it. A bad rule or an unknown symbol is a usage error; other
 * provider failures (offline) do not block adding, they are passed to `warn`.
 */
export async function addAlert(
  alert: NewAlert,
  deps: { provider: MarketDataProvider; store: Store; nowMs: number; warn?: (message: string) => void },
): Promise<Alert> {
  assertProviderCanServe(deps.provider, parseRuleOrThrow(alert.rule), alert.interval);
  try {
    const batch = await deps.provider.getQuotes([alert.symbol]);
    const failure = batch.failures.find((f) => f.symbol === alert.symbol);
    if (failure?.error instanceof UnknownSymbolError) throw failure.error;
  } catch (error) {
    if (error instanceof UnknownSymbolError) {
      throw new UsageError(error.message, {
        hint: error.hint ?? `check the symbol with stockato search ${alert.symbol}`,
      });
    }
    deps.warn?.(`could not check ${alert.symbol} with ${deps.provider.id} now: ${(error as Error).message}`);
  }
  return deps.store.alerts.add(alert, deps.nowMs);
}
