import { normalizeSymbol } from '../engine/instrument.js';
import { UsageError } from '../errors.js';

/** Canonical symbols from arguments, de-duplicated in order; a malformed one is a usage error. */
export function parseSymbols(args: readonly string[]): string[] {
  if (args.length === 0) throw new UsageError('give at least one symbol, e.g. ACME');
  const symbols = args.map((arg) => {
    const symbol = normalizeSymbol(arg);
    if (symbol === undefined) {
      throw new UsageError(
        `"${arg}" is not a symbol: expected letters, digits and . - = ^ / (e.g. ACME, BTC-USD, ^GSPC)`,
      );
    }
    return symbol;
  });
  return [...new Set(symbols)];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * A time from an option: `YYYY-MM-DD` (UTC midnight; with `endOfDay`, the midnight after, so that
 * `--to 2024-01-31` includes the 31st) or a full ISO 8601 time.
 */
export function parseTimeOption(text: string, option: string, endOfDay = false): number {
  const tsMs = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(tsMs) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new UsageError(`${option} must be a date like 2024-01-31 or an ISO 8601 time (received "${text}")`);
  }
  return DATE_ONLY.test(text) && endOfDay ? tsMs + DAY_MS : tsMs;
}
