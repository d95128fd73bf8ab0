import { ProviderError } from '../../errors.js';

/** Why one provider did not answer for a symbol (or for a request without one). */
export interface Attempt {
  readonly provider: string;
  readonly reason: string;
  /** The provider's own error; undefined when the router skipped the provider itself. */
  readonly error?: ProviderError;
  /** Whether another try later could succeed. */
  readonly retryable: boolean;
}

export const ROUTER_ID = 'router';

/**
 * A provider error the chain should not stop at: retryable failures, and 'unsupported-symbol'
 * (that provider cannot express the symbol; the next one may).
 */
export function shouldFallBack(error: ProviderError): boolean {
  return error.retryable || error.code === 'unsupported-symbol';
}

/** "30s", "4m", "3h 20m": whole units a person reads at a glance. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

/**
 * The error when every provider of the chain failed or was skipped: names each one and why,
 * and is retryable when the last attempt was (a later run may succeed).
 */
export function allProvidersFailed(subject: string, attempts: readonly Attempt[]): ProviderError {
  const last = attempts.at(-1);
  const detail = attempts.length === 0 ? 'no provider in the chain can do this' : attempts.map(describe).join('; ');
  return new ProviderError(
    ROUTER_ID,
    'all-providers-failed',
    `no provider could answer for ${subject}: ${detail}`,
    last?.retryable ?? false,
    { hint: hintFor(attempts) },
  );
}

function describe(attempt: Attempt): string {
  return `${attempt.provider}: ${attempt.reason}`;
}

/** Codes of failures a key fixes: none set, one refused, or one not in the provider's form. */
const KEY_CODES = new Set(['unauthorized', 'missing-key', 'key-rejected', 'key-malformed']);

function hintFor(attempts: readonly Attempt[]): string {
  const steps: string[] = [];
  if (attempts.some((a) => a.retryable)) steps.push('try again later');
  if (attempts.some((a) => KEY_CODES.has(a.error?.code ?? '')))
    steps.push('check API keys with `stockato keys set <provider>`');
  steps.push('add another provider to the chain, or use --provider demo to work offline');
  return steps.join('; ');
}

/** Message of a provider error without the provider's name repeated at its start. */
export function reasonOf(error: ProviderError): string {
  const prefix = `${error.provider}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
