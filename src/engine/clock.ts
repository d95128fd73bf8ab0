/** The only way the engine learns the time: passed in, never read from the system. */
export interface Clock {
  /** Current time, UTC epoch ms. */
  nowMs(): number;
}

/** A clock stopped at one instant, for tests and reproducible runs. */
export function fixedClock(tsMs: number): Clock {
  return { nowMs: () => tsMs };
}
