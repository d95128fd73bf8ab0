import { Decimal } from '../../engine/decimal.js';

/** Most decimals kept as scaled integers; finer sizes fall back to Decimal arithmetic. */
const MAX_SCALE = 12;

/**
 * An exact running sum of unsigned decimal sizes, kept as a whole number of 10^-scale while that
 * is a safe integer (doubles add integers exactly below 2^53), which is several times cheaper
 * per trade than Decimal addition; it moves to Decimal for good the first time a size or the sum
 * would not fit. Either way the result is exact.
 */
export class VolumeSum {
  #units = 0;
  #scale = 0;
  #decimal: Decimal | undefined;

  add(size: Decimal): void {
    if (this.#decimal !== undefined) {
      this.#decimal = this.#decimal.plus(size);
      return;
    }
    const text = size.toString();
    const dot = text.indexOf('.');
    const decimals = dot < 0 ? 0 : text.length - dot - 1;
    if (text.charCodeAt(0) === 45 /* - */ || decimals > MAX_SCALE) {
      this.#decimal = this.value().plus(size);
      return;
    }
    if (decimals > this.#scale) {
      const rescaled = this.#units * 10 ** (decimals - this.#scale);
      if (!Number.isSafeInteger(rescaled)) {
        this.#decimal = this.value().plus(size);
        return;
      }
      this.#units = rescaled;
      this.#scale = decimals;
    }
    const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
    const units = Number(digits) * 10 ** (this.#scale - decimals);
    const total = this.#units + units;
    if (!Number.isSafeInteger(units) || !Number.isSafeInteger(total)) {
      this.#decimal = this.value().plus(size);
      return;
    }
    this.#units = total;
  }

  value(): Decimal {
    if (this.#decimal !== undefined) return this.#decimal;
    if (this.#scale === 0) return Decimal.of(String(this.#units));
    const digits = String(this.#units).padStart(this.#scale + 1, '0');
    const cut = digits.length - this.#scale;
    return Decimal.of(`${digits.slice(0, cut)}.${digits.slice(cut)}`);
  }
}
