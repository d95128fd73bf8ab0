import type { Clock } from '../../engine/clock.js';
import { ProviderError, RateLimitError } from '../../errors.js';
import type { MarketDataProvider } from '../provider.js';
import type { BudgetLedger, BudgetLimits } from './budgets.js';
import { Circuit, type CircuitOptions } from './circuit.js';
import { formatWait, type Attempt } from './failures.js';

export interface GateOptions {
  readonly clock: Clock;
  readonly budgets: BudgetLedger;
  readonly circuit: CircuitOptions;
  /** Per provider id, replaces the limits its capabilities declare. */
  readonly limits: Readonly<Record<string, BudgetLimits>>;
  /** Where each provider's last success and failure are recorded (the store's providerHealth). */
  readonly health?: HealthLedger;
}

/** The store's ProviderHealthRepository is one; `stockato doctor` reads what it records. */
export interface HealthLedger {
  recordSuccess(provider: string, atMs: number): void;
  recordFailure(provider: string, error: { readonly code: string; readonly message: string }, atMs: number): void;
}

/**
 * Decides whether a provider may be asked now (circuit, Retry-After, request budget) and learns
 * from each outcome. Every check and spend is synchronous, so the decision and the spending are
 * one step that no other request of this process can interleave with.
 */
export class Gate {
  readonly #circuits = new Map<string, Circuit>();

  constructor(readonly options: GateOptions) {}

  /** Undefined when a request may be sent (and its budget is spent); otherwise why it may not. */
  enter(provider: MarketDataProvider): Attempt | undefined {
    const nowMs = this.options.clock.nowMs();
    const circuit = this.#circuit(provider.id);
    const reopensMs = circuit.blockedUntilMs(nowMs);
    if (reopensMs !== undefined) {
      const n = circuit.consecutiveFailures;
      const failures = `${n} failure${n === 1 ? '' : 's'} in a row`;
      return skipped(provider.id, `circuit open after ${failures} (retry in ${formatWait(reopensMs - nowMs)})`);
    }
    const limits = this.options.limits[provider.id] ?? provider.capabilities.quota ?? {};
    const decision = this.options.budgets.tryConsume(provider.id, nowMs, limits);
    if (!decision.ok) {
      const wait = formatWait(decision.retryAtMs - nowMs);
      const reason = decision.reason === 'retry-after' ? 'rate limited' : `${decision.reason} request budget spent`;
      return skipped(provider.id, `${reason} (retry in ${wait})`);
    }
    circuit.acquire(nowMs);
    return undefined;
  }

  /** The provider answered, even if only to say the symbol is unknown. */
  answered(providerId: string): void {
    this.#circuit(providerId).succeeded();
    this.#recordHealth((health, nowMs) => health.recordSuccess(providerId, nowMs));
  }

  /**
   * A final failure that is the provider's fault, not the request's (a refused key, say): the
   * circuit is not involved (retrying would not help), but the health record shows it.
   */
  refused(providerId: string, error: ProviderError): void {
    this.#circuit(providerId).succeeded();
    this.#recordFailure(providerId, error);
  }

  /**
   * A retryable failure (or a thrown bug, so a half-open trial is never stuck): counts toward the
   * circuit, and a Retry-After is recorded for every process sharing the budgets.
   */
  failed(providerId: string, error: unknown): void {
    this.#circuit(providerId).failed(this.options.clock.nowMs());
    this.noteRetryAfter(providerId, error);
    this.#recordFailure(providerId, error);
  }

  /** Records a Retry-After, also when it came as one symbol's failure in an answered batch. */
  noteRetryAfter(providerId: string, error: unknown): void {
    if (error instanceof RateLimitError && error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
      const nowMs = this.options.clock.nowMs();
      this.options.budgets.blockUntil(providerId, nowMs, nowMs + error.retryAfterMs);
    }
  }

  circuit(providerId: string): Circuit {
    return this.#circuit(providerId);
  }

  #recordFailure(providerId: string, error: unknown): void {
    const failure =
      error instanceof ProviderError
        ? { code: error.code, message: error.message }
        : { code: 'bug', message: error instanceof Error ? error.message : String(error) };
    this.#recordHealth((health, nowMs) => health.recordFailure(providerId, failure, nowMs));
  }

  /**
   * Health is a diagnostic: a write that fails (the database busy past its timeout) must not turn
   * a good answer into a failure, so its error is dropped here.
   */
  #recordHealth(write: (health: HealthLedger, nowMs: number) => void): void {
    const { health, clock } = this.options;
    if (!health) return;
    try {
      write(health, clock.nowMs());
    } catch {
      // see above: the answer matters more than its diagnostic record
    }
  }

  #circuit(providerId: string): Circuit {
    let circuit = this.#circuits.get(providerId);
    if (!circuit) {
      circuit = new Circuit(this.options.circuit);
      this.#circuits.set(providerId, circuit);
    }
    return circuit;
  }
}

function skipped(provider: string, reason: string): Attempt {
  return { provider, reason, retryable: true };
}
