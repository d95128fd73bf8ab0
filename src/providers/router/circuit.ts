export interface CircuitOptions {
  /** Consecutive retryable failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit refuses requests before one trial is let through. */
  readonly coolDownMs: number;
}

export const DEFAULT_CIRCUIT: CircuitOptions = { failureThreshold: 5, coolDownMs: 30_000 };

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * One provider's circuit breaker. Closed: requests pass and retryable failures are counted.
 * Open (after `failureThreshold` in a row): requests are refused for `coolDownMs`. Half-open
 * (after the cool-down): exactly one trial passes; its success closes the circuit, its failure
 * opens it for another cool-down. Kept per process: a cron run starts closed, which costs at most
 * `failureThreshold` requests to a dead provider.
 */
export class Circuit {
  #failures = 0;
  #openedAtMs: number | undefined;
  #trialRunning = false;

  constructor(readonly options: CircuitOptions) {}

  state(nowMs: number): CircuitState {
    if (this.#openedAtMs === undefined) return 'closed';
    return nowMs < this.#openedAtMs + this.options.coolDownMs ? 'open' : 'half-open';
  }

  /** When a refused request could pass again, or undefined when one may pass now. */
  blockedUntilMs(nowMs: number): number | undefined {
    const state = this.state(nowMs);
    if (state === 'closed') return undefined;
    const reopensMs = (this.#openedAtMs ?? nowMs) + this.options.coolDownMs;
    if (state === 'open') return reopensMs;
    return this.#trialRunning ? reopensMs : undefined;
  }

  /** Takes the right to send one request now; in half-open only the first caller gets it. */
  acquire(nowMs: number): boolean {
    if (this.blockedUntilMs(nowMs) !== undefined) return false;
    if (this.state(nowMs) === 'half-open') this.#trialRunning = true;
    return true;
  }

  /** The provider answered (a final error such as an unknown symbol is an answer too). */
  succeeded(): void {
    this.#failures = 0;
    this.#openedAtMs = undefined;
    this.#trialRunning = false;
  }

  failed(nowMs: number): void {
    this.#failures += 1;
    if (this.#trialRunning || this.#failures >= this.options.failureThreshold) {
      this.#openedAtMs = nowMs;
      this.#trialRunning = false;
    }
  }

  get consecutiveFailures(): number {
    return this.#failures;
  }
}
