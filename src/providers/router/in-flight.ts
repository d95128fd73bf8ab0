/**
 * Shares one promise among identical concurrent requests: while a request for `key` is running,
 * later callers get the same promise instead of a new request. Settled requests are forgotten at
 * once, so this is deduplication, not a cache.
 */
export class InFlight {
  readonly #running = new Map<string, Promise<unknown>>();

  run<T>(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running as Promise<T>;
    const promise = start().finally(() => this.#running.delete(key));
    this.#running.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.#running.size;
  }
}

/**
 * Lets one caller stop waiting for a shared request without cancelling it for the others: the
 * returned promise rejects with the signal's reason when the signal aborts first.
 */
export function abandonable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
