import { ProviderError } from '../../errors.js';
import type { MarketDataProvider } from '../provider.js';
import { allProvidersFailed, reasonOf, shouldFallBack, type Attempt } from './failures.js';
import type { Gate } from './gate.js';

export type Outcome<T> =
  | { readonly kind: 'answer'; readonly value: T }
  | { readonly kind: 'fall-back'; readonly attempt: Attempt }
  | { readonly kind: 'final'; readonly error: ProviderError };

/**
 * Sends one request through the gate and sorts what happens: an answer, a failure to fall back
 * from (retryable, or a symbol this provider cannot express), or a final failure. Anything not a
 * ProviderError is a bug and is thrown.
 */
export async function ask<T>(gate: Gate, provider: MarketDataProvider, call: () => Promise<T>): Promise<Outcome<T>> {
  const refused = gate.enter(provider);
  if (refused) return { kind: 'fall-back', attempt: refused };
  try {
    const value = await call();
    gate.answered(provider.id);
    return { kind: 'answer', value };
  } catch (error) {
    if (!(error instanceof ProviderError)) {
      gate.failed(provider.id, error);
      throw error;
    }
    return sortFailure(gate, provider.id, error);
  }
}

/** Sorts a thrown provider error and tells the gate how the request went. */
function sortFailure<T>(gate: Gate, providerId: string, error: ProviderError): Outcome<T> {
  if (error.retryable) gate.failed(providerId, error);
  else if (ANSWERS.has(error.code)) gate.answered(providerId);
  else gate.refused(providerId, error);
  return classify(providerId, error);
}

/** Final errors that are answers about the request (the provider itself is fine). */
const ANSWERS: ReadonlySet<string> = new Set(['unknown-symbol', 'unsupported-symbol', 'range-unavailable']);

/** Final, or worth asking the next provider; used as is for one symbol's failure in a batch. */
export function classify<T>(providerId: string, error: ProviderError): Outcome<T> {
  if (!shouldFallBack(error)) return { kind: 'final', error };
  return {
    kind: 'fall-back',
    attempt: { provider: providerId, reason: reasonOf(error), error, retryable: error.retryable },
  };
}

/**
 * Asks each provider of `providers` that `supports` the request, in order, until one answers.
 * A final failure is thrown as it is; when all fail, the error names each provider and why.
 */
export async function runChain<T>(
  gate: Gate,
  subject: string,
  providers: readonly MarketDataProvider[],
  supports: (provider: MarketDataProvider) => boolean,
  call: (provider: MarketDataProvider) => Promise<T>,
): Promise<T> {
  const attempts: Attempt[] = [];
  for (const provider of providers) {
    if (!supports(provider)) continue;
    const outcome = await ask(gate, provider, () => call(provider));
    if (outcome.kind === 'answer') return outcome.value;
    if (outcome.kind === 'final') throw outcome.error;
    attempts.push(outcome.attempt);
  }
  throw allProvidersFailed(subject, attempts);
}
