import type { Clock } from './engine/clock.js';
import { ConfigError } from './errors.js';

/**
 * The system clock, or a fixed instant from STOCKATO_NOW (ISO 8601) so that demo output and
 * end-to-end checks are reproducible.
 */
export function systemClock(env: Readonly<Record<string, string | undefined>>): Clock {
  const fixed = env['STOCKATO_NOW'];
  if (fixed === undefined || fixed === '') return { nowMs: () => Date.now() };
  const tsMs = Date.parse(fixed);
  if (Number.isNaN(tsMs)) {
    throw new ConfigError(`STOCKATO_NOW is "${fixed}", expected an ISO 8601 time such as 2026-03-02T15:30:00Z`);
  }
  return { nowMs: () => tsMs };
}
