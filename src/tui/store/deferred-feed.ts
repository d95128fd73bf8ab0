import type { FeedEvent, PriceFeed } from './feed.js';

/**
 * A feed whose real feed is still being made (a live stream still connecting, its modules still
 * loading): the dashboard draws its first frame at once and prices follow. Until `pending`
 * settles it only remembers the last `watch` and the listener, then hands both to the real feed.
 * The header shows the connection as connecting meanwhile (the store's first state).
 */
export function createDeferredFeed(source: string, pending: Promise<PriceFeed>): PriceFeed {
  let listener: ((events: FeedEvent[]) => void) | undefined;
  let watched: readonly string[] | undefined;
  let feed: PriceFeed | undefined;
  let closed = false;
  void pending.then(
    (ready) => {
      if (closed) return ready.close();
      feed = ready;
      if (listener) ready.onEvents(listener);
      if (watched) ready.watch(watched);
    },
    (error: unknown) => {
      listener?.([{ type: 'status', source, state: 'error', message: (error as Error).message }]);
    },
  );
  return {
    source,
    watch(symbols) {
      watched = [...symbols];
      feed?.watch(watched);
    },
    onEvents(next) {
      listener = next;
      feed?.onEvents(next);
    },
    close() {
      closed = true;
      feed?.close();
    },
  };
}
