import { INTERVALS, isInterval, type Interval } from '../../engine/interval.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { formatNotifyTarget, parseNotifyTarget, splitTargets } from '../../notify/targets.js';

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

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
