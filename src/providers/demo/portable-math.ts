/**
 * exp from + - * / only. Math.exp is not required to give the same last bit on every
 * engine and platform; these are, because IEEE 754 fixes the result of every basic operation.
 * The demo walk rounds their results to the tick, so one different bit could move a price.
 */

const LN2 = 0.6931471805599453;
const TAYLOR_TERMS = 14;

/**
 * e^x for |x| <= 700, accurate to a few units in the last place (range reduction by ln 2 and a
 * Taylor series on |r| <= 0.35). Throws RangeError outside that range or for NaN.
 */
export function portableExp(x: number): number {
  if (!(Math.abs(x) <= 700)) throw new RangeError(`portableExp takes |x| <= 700, received ${x}`);
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= TAYLOR_TERMS; i++) {
    term = (term * r) / i;
    sum += term;
  }
  return sum * powerOfTwo(k);
}

/** 2^k by repeated exact multiplication (Math.pow gives no cross-platform promise). */
function powerOfTwo(k: number): number {
  const base = k < 0 ? 0.5 : 2;
  let result = 1;
  for (let i = Math.abs(k); i > 0; i--) result *= base;
  return result;
}

/**
 * x / sqrt(1 + (x / bound)^2): about x for small x, never beyond ±bound. The walk uses it to keep
 * its log-price within a plausible band over decades; sqrt is exact in IEEE 754, so this is too.
 */
export function softBound(x: number, bound: number): number {
  const ratio = x / bound;
  return x / Math.sqrt(1 + ratio * ratio);
}
