import { Decimal } from '../../engine/decimal.js';

/** Slots of the direct-mapped cache: a power of two, so a slot is the low bits of the value. */
const CACHE_SLOTS = 1024;

/**
 * Converts whole grid units (price ticks of 10^-decimals, or volume units) to Decimal. The
 * generator only ever produces whole units, so the text is built exactly with string
 * operations. Neighbouring bars share many prices (an open is the previous close), so a small
 * direct-mapped cache avoids most allocations at the cost of one array read; a Map was slower
 * than no cache at all in a cold process.
 */
export class TickScale {
  readonly #decimals: number;
  readonly #factor: number;
  readonly #keys = new Float64Array(CACHE_SLOTS).fill(-1);
  readonly #values: (Decimal | undefined)[] = new Array<Decimal | undefined>(CACHE_SLOTS).fill(undefined);

  constructor(decimals: number) {
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
      throw new RangeError(`decimals must be a whole number from 0 to 12, received ${decimals}`);
    }
    this.#decimals = decimals;
    this.#factor = 10 ** decimals;
  }

  /** `units` as a Decimal; `units` must be a whole number from 0 up (safe integer). */
  toDecimal(units: number): Decimal {
    const slot = units % CACHE_SLOTS;
    if (this.#keys[slot] === units) return this.#values[slot] as Decimal;
    // unitsToText writes canonical text (tested against Decimal.of), so the parse is skipped:
    // at tens of thousands of bars per request, validation was most of the cost.
    const value = Decimal.fromCanonical(unitsToText(units, this.#decimals));
    this.#keys[slot] = units;
    this.#values[slot] = value;
    return value;
  }

  /**
   * Whole units nearest to decimal text such as "120.50" (for configuration, not hot paths).
   * Throws RangeError when the text is not a number.
   */
  fromText(text: string): number {
    return Decimal.of(text).times(this.#factor).round(0).toNumber();
  }
}

/**
 * Canonical decimal text of `units` × 10^-decimals: no trailing zeros, no exponent. Integer
 * arithmetic (exact below 2^53) keeps the intermediate strings few, which matters at 200 000
 * values per request.
 */
export function unitsToText(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new RangeError(`expected a whole number of units from 0 up, received ${units}`);
  }
  if (decimals === 0) return String(units);
  const factor = 10 ** decimals;
  let whole = Math.floor(units / factor);
  let fraction = units - whole * factor;
  if (fraction < 0) {
    // Near 2^53 the division can round up to the next whole number.
    whole -= 1;
    fraction += factor;
  }
  if (fraction === 0) return String(whole);
  let digits = decimals;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${whole}.${String(fraction).padStart(digits, '0')}`;
}
