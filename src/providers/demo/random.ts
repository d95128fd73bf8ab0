/**
 * Counter-based seeded randomness for the demo market.
 *
 * Every random number is a hash of integers (seed, symbol, day or step, purpose), so any bar can
 * be computed on its own without replaying a global generator, and nothing depends on "now".
 * Only 32-bit integer operations and IEEE double arithmetic (+, -, *, /, sqrt) are used: these
 * are exact and identical on every platform. Deriving a stream costs a few integer operations,
 * which matters because a cold CLI process runs this code in the interpreter.
 */

const GOLDEN = 0x9e3779b9;

/**
 * A 32-bit finalizer (Chris Wellons' "lowbias32"): a bijection on 32-bit words where every input
 * bit flips about half of the output bits.
 */
export function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of a key extended by one more word; chain calls to key by several words. */
export function combine(key: number, word: number): number {
  return mix32(Math.imul(key ^ GOLDEN, 0x2c1b3c6d) ^ mix32(word));
}

/** FNV-1a over UTF-16 code units: a stable 32-bit number for a symbol. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The 32-bit key of a whole-number seed (0 up to Number.MAX_SAFE_INTEGER, split into two words so
 * large seeds stay distinct). Throws RangeError otherwise: such a seed is a programming error.
 */
export function seedKey(seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`demo seed must be a whole number from 0 up, received ${seed}`);
  }
  return combine(combine(0x5eed, seed % 0x1_0000_0000), Math.floor(seed / 0x1_0000_0000));
}

/** Standard deviation of the sum of four independent uniform bytes. */
const BYTE_SUM_SD = Math.sqrt((4 * (256 * 256 - 1)) / 12);

/**
 * Approximately standard normal from one 32-bit word: the Irwin-Hall sum of its four bytes,
 * centred and scaled. Bounded to about ±3.45, in steps of 0.007: a fine shape for a demo.
 */
export function normalOf(word: number): number {
  const sum = (word & 255) + ((word >>> 8) & 255) + ((word >>> 16) & 255) + (word >>> 24);
  return (sum - 510) / BYTE_SUM_SD;
}

/**
 * A stream of random words: the n-th output is mix32(key + n × golden ratio), the scheme of
 * SplitMix. Equal keys give equal streams on every machine.
 */
export class Random {
  #state: number;

  constructor(key: number) {
    this.#state = key | 0;
  }

  nextUint32(): number {
    this.#state = (this.#state + GOLDEN) | 0;
    return mix32(this.#state);
  }

  /** Uniform in [0, 1), with 32 random bits. */
  uniform(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform whole number in [0, n), for n up to 2^32. */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Approximately standard normal (see `normalOf`). */
  normal(): number {
    return normalOf(this.nextUint32());
  }
}
