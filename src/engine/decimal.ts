import BigFactory, { type Big as BigNumber } from 'big.js';

/**
 * The one exact decimal type for prices, quantities, cash, fees and P&L.
 *
 * It wraps big.js so that the choice of library lives in this file only. Values read back from
 * the store arrive as canonical strings; they are kept as text and parsed only when arithmetic
 * needs them, so a round trip through SQLite costs no parsing.
 */
const Big = BigFactory();
Big.DP = 28; // decimal places kept by div(); other operations are exact
Big.RM = Big.roundHalfEven;
Big.NE = -1_000_000; // never switch to exponent notation in toString()
Big.PE = 1_000_000;
Big.strict = false;

const CANONICAL = /^(0|-?(0\.\d*[1-9]|[1-9]\d*(\.\d*[1-9])?))$/;
const ACCEPTED = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export type DecimalInput = Decimal | string | number | bigint;

/** Rounding modes, named as in IEEE 754. */
export type Rounding = 'down' | 'halfUp' | 'halfEven' | 'up';
const ROUNDING: Record<Rounding, 0 | 1 | 2 | 3> = { down: 0, halfUp: 1, halfEven: 2, up: 3 };

export class Decimal {
  static readonly ZERO = new Decimal('0');
  static readonly ONE = new Decimal('1');
  static readonly HUNDRED = new Decimal('100');

  #text: string | undefined;
  #big: BigNumber | undefined;
  /** toNumber's result, kept once computed: a Decimal never changes, so neither does it. */
  #number: number | undefined;

  private constructor(text: string | undefined, big?: BigNumber) {
    this.#text = text;
    this.#big = big;
  }

  /**
   * Parses a decimal from text or a finite number. Throws RangeError naming the input when it is
   * not a number (NaN, Infinity, empty or malformed text).
   */
  static of(value: DecimalInput): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return new Decimal(value.toString());
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
      // Shortest round-trip text of the double: 0.1 stays "0.1", not its binary expansion.
      return Decimal.of(String(value));
    }
    const text = value.trim().replace(/^\+/, '');
    if (CANONICAL.test(text)) return new Decimal(text);
    if (!ACCEPTED.test(text)) throw new RangeError(`not a decimal number: "${value}"`);
    return new Decimal(undefined, new Big(text));
  }

  /** Like `of`, but returns undefined for null, undefined and text that is not a number. */
  static tryOf(value: DecimalInput | null | undefined): Decimal | undefined {
    if (value === null || value === undefined) return undefined;
    try {
      return Decimal.of(value);
    } catch {
      return undefined;
    }
  }

  /**
   * Trusts text already in canonical form (as `toString()` writes it), skipping validation. For
   * hot paths that produce such text themselves (the store reading what it wrote, the demo market
   * formatting its own integers); anything from outside goes through `of`.
   */
  static fromCanonical(text: string): Decimal {
    return new Decimal(text);
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let total = Decimal.ZERO;
    for (const value of values) total = total.plus(value);
    return total;
  }

  static max(first: Decimal, ...rest: Decimal[]): Decimal {
    return rest.reduce((best, v) => (v.gt(best) ? v : best), first);
  }

  static min(first: Decimal, ...rest: Decimal[]): Decimal {
    return rest.reduce((best, v) => (v.lt(best) ? v : best), first);
  }

  private get big(): BigNumber {
    this.#big ??= new Big(this.#text as string);
    return this.#big;
  }

  plus(other: DecimalInput): Decimal {
    return new Decimal(undefined, this.big.plus(Decimal.of(other).big));
  }

  minus(other: DecimalInput): Decimal {
    return new Decimal(undefined, this.big.minus(Decimal.of(other).big));
  }

  times(other: DecimalInput): Decimal {
    return new Decimal(undefined, this.big.times(Decimal.of(other).big));
  }

  /** Division to 28 decimal places, half-even. Throws RangeError on division by zero. */
  div(other: DecimalInput): Decimal {
    const divisor = Decimal.of(other);
    if (divisor.isZero()) throw new RangeError('division by zero');
    return new Decimal(undefined, this.big.div(divisor.big));
  }

  neg(): Decimal {
    return new Decimal(undefined, this.big.neg());
  }

  abs(): Decimal {
    return this.isNegative() ? this.neg() : this;
  }

  /** Rounds to `places` decimal places (default half-even, the banker's rounding). */
  round(places: number, rounding: Rounding = 'halfEven'): Decimal {
    return new Decimal(undefined, this.big.round(places, ROUNDING[rounding]));
  }

  cmp(other: DecimalInput): -1 | 0 | 1 {
    return this.big.cmp(Decimal.of(other).big) as -1 | 0 | 1;
  }

  eq(other: DecimalInput): boolean {
    return this.cmp(other) === 0;
  }

  lt(other: DecimalInput): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: DecimalInput): boolean {
    return this.cmp(other) <= 0;
  }

  gt(other: DecimalInput): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: DecimalInput): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.#text !== undefined ? this.#text === '0' : this.big.eq(0);
  }

  isNegative(): boolean {
    return this.#text !== undefined ? this.#text.startsWith('-') : this.big.lt(0);
  }

  /** Canonical text: no exponent, no trailing zeros, no "-0". */
  toString(): string {
    if (this.#text === undefined) {
      const text = this.big.toString();
      this.#text = text === '-0' ? '0' : text;
    }
    return this.#text;
  }

  /** Fixed-point text with exactly `places` decimals (half-even). */
  toFixed(places: number): string {
    const text = this.big.toFixed(places, ROUNDING.halfEven);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  }

  /** For indicators and statistics only: never sum the result into money. */
  toNumber(): number {
    // Indicators read the same bar's close once per indicator: parse the text only the first time.
    this.#number ??= Number(this.toString());
    return this.#number;
  }

  /** JSON carries decimals as strings so that no consumer loses precision. */
  toJSON(): string {
    return this.toString();
  }
}
