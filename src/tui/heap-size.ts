import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's heap close to what the dashboard really holds (~14 MB live), from here on. Two
 * flags, both read by V8 each time it sizes the heap, so setting them at run time works:
 * - The young generation stops growing. Under a steady allocation rate (every frame is laid out
 *   and turned into text anew) V8 doubles its two semispaces up to 16 MB each and keeps them:
 *   32 MB of a process that otherwise needs ~80. A growth factor of 1 holds them at the size
 *   they have now (2 MB each after start-up).
 * - The old generation is collected when it reaches 1.3 times what survived the last full
 *   collection, instead of up to 3 or 4 times: with small semispaces more short-lived objects
 *   are promoted, and old space would swing between 14 and 47 MB.
 *   Node 24's V8 is not held by this one (its young generation is); Node 20's is.
 * Measured cost: no more CPU for the old-space limit, a few percent for the smaller young
 * generation under a firehose of ticks (bench/RESULTS.md, "Memory"). The maximum heap size is
 * fixed at start-up and not changed here, so a large watchlist can never run out of memory
 * because of this.
 */
export function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=30');
}
