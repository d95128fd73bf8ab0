/**
 * `promise`, or a rejection with the signal's reason as soon as the signal aborts. Only the
 * caller's wait ends: the promise itself goes on, for whoever else shares it.
 */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A value loaded once and shared by every caller for the provider's life (a market list, say).
 * A failed load is forgotten, so the next call tries again; a caller's abort ends its own wait.
 */
export function loadOnce<T>(load: () => Promise<T>): (signal?: AbortSignal) => Promise<T> {
  let value: Promise<T> | undefined;
  return (signal) => {
    if (!value) {
      const loading = load();
      loading.catch(() => {
        if (value === loading) value = undefined;
      });
      value = loading;
    }
    return untilAborted(value, signal);
  };
}
