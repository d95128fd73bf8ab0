import { setFlagsFromString } from 'node:v8';

/**
 * Stops V8 from growing its young generation from here on. A dashboard allocates steadily (every
 * frame is laid out and turned into text anew), and under a steady allocation rate V8 doubles the
 * young generation's two semispaces up to 16 MB each and keeps them: 32 MB of a process that
 * otherwise needs ~80. The growth factor is read each time V8 considers growing, so setting it
 * to 1 at run time holds the semispaces at the size they have now (1 MB each after start-up).
 * The cost is more frequent minor collections, each shorter (bench/RESULTS.md, "Memory"). The
 * maximum size is fixed at start-up and cannot be lowered from inside the process.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
