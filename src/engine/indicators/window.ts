/**
 * The last `size` numbers of a series with running sums, where the latest number can be revised.
 * `push(value, true)` first undoes the previous push (the slot, the count and the sums come back
 * exactly), so revising the open bar costs O(1) and leaves no floating-point trace: `push(a);
 * push(b, true)` is bit for bit `push(b)`. A revising push with nothing to revise is a plain push.
 */
export class RollingWindow {
  readonly #slots: number[];
  #next = 0;
  #count = 0;
  #sum = 0;
  #sumOfSquares = 0;
  #undo: { slot: number; previous: number; count: number; sum: number; sumOfSquares: number } | undefined;

  constructor(readonly size: number) {
    this.#slots = new Array<number>(size).fill(0);
  }

  push(value: number, replace = false): void {
    if (replace && this.#undo !== undefined) {
      const undo = this.#undo;
      this.#slots[undo.slot] = undo.previous;
      this.#next = undo.slot;
      this.#count = undo.count;
      this.#sum = undo.sum;
      this.#sumOfSquares = undo.sumOfSquares;
    }
    const slot = this.#next;
    const previous = this.#slots[slot] ?? 0;
    this.#undo = { slot, previous, count: this.#count, sum: this.#sum, sumOfSquares: this.#sumOfSquares };
    const evicted = this.#count === this.size ? previous : 0;
    this.#sum = this.#sum + value - evicted;
    this.#sumOfSquares = this.#sumOfSquares + value * value - evicted * evicted;
    this.#slots[slot] = value;
    this.#next = (slot + 1) % this.size;
    this.#count = Math.min(this.#count + 1, this.size);
  }

  /** True once `size` numbers have been pushed. */
  get full(): boolean {
    return this.#count === this.size;
  }

  get length(): number {
    return this.#count;
  }

  /** Running sum of the numbers held (TA-Lib's running-total style: add the new, drop the evicted). */
  get sum(): number {
    return this.#sum;
  }

  get sumOfSquares(): number {
    return this.#sumOfSquares;
  }

  /** The number `age` pushes ago (0 = the latest); undefined beyond what is held. */
  at(age: number): number | undefined {
    if (age < 0 || age >= this.#count) return undefined;
    return this.#slots[(this.#next - 1 - age + 2 * this.size) % this.size];
  }

  /** Largest number held and its age (ties: the most recent), O(size); -Infinity when empty. */
  max(): { value: number; age: number } {
    return this.#extreme((a, b) => a > b);
  }

  /** Smallest number held and its age (ties: the most recent), O(size); Infinity when empty. */
  min(): { value: number; age: number } {
    return this.#extreme((a, b) => a < b);
  }

  #extreme(better: (a: number, b: number) => boolean): { value: number; age: number } {
    let best = { value: better(1, 0) ? -Infinity : Infinity, age: -1 };
    for (let age = 0; age < this.#count; age++) {
      const value = this.at(age) as number;
      if (better(value, best.value)) best = { value, age };
    }
    return best;
  }
}

/** TA-Lib's zero test for running sums: |x| < 1e-8 (running totals leave tiny residues). */
export function isNearZero(value: number): boolean {
  return value > -1e-8 && value < 1e-8;
}
