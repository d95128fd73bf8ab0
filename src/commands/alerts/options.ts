import { formatRuleError, parseRule, type Rule } from '../../engine/alerts/index.js';
import { INTERVALS, isInterval, type Interval } from '../../engine/interval.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { formatNotifyTarget, parseNotifyTarget, splitTargets } from '../../notify/targets.js';
import type { MarketDataProvider } from '../../providers/provider.js';

/** A rule from argv; a bad one is a usage error showing the rule with a caret under the column. */
export function parseRuleArgument(text: string): Rule {
  const result = parseRule(text);
  if (result.ok) return result.rule;
  const { hint, ...error } = result.error;
  throw new UsageError(`invalid rule: ${formatRuleError(text, error)}`, hint === undefined ? {} : { hint });
}

export function parseIntervalOption(text: string): Interval {
  if (!isInterval(text)) throw new UsageError(`--interval must be one of ${INTERVALS.join(', ')} (received "${text}")`);
  return text;
}

/** `--cooldown 1h`: a positive duration; `-5m` or `0` is refused. */
export function parseCooldownOption(text: string | undefined): number {
  if (text === undefined) return 0;
  const ms = parseDuration(text, '--cooldown');
  if (ms <= 0) throw new UsageError(`--cooldown must be longer than zero (received "${text}"); leave it out for none`);
  return ms;
}

/** `--notify` values (repeatable, or comma-separated) in canonical form; undefined when none. */
export function parseNotifyOption(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  // A URL or a command may hold commas: split only values that are lists of simple targets.
  const texts = values.flatMap((value) =>
    /^(cmd|webhook|slack|discord|ntfy):/.test(value.trim()) ? [value] : splitTargets(value),
  );
  return texts.map((text) => {
    const parsed = parseNotifyTarget(text);
    if (!parsed.ok) throw new UsageError(`--notify: ${parsed.message}`);
    return formatNotifyTarget(parsed.target);
  });
}

export function parseAlertId(text: string): number {
  const id = /^#?\d+$/.test(text.trim()) ? Number(text.trim().replace('#', '')) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new UsageError(`"${text}" is not an alert id: expected a number such as 3 (see stockato alerts ls)`);
  return id;
}

/** Refuses a rule on data the provider cannot give (news, an interval it lacks). */
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

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
