import type { Clock } from '../../engine/clock.js';
import type { StreamEvent, StreamStatusKind } from '../../engine/tick.js';
import type { QuoteBatch } from '../../providers/provider.js';
import type { LiveStream, StreamSubscription } from '../../providers/stream/types.js';
import type { FeedEvent, FeedState, PriceFeed } from './feed.js';

export interface StreamFeedOptions {
  readonly stream: LiveStream;
  /** Provider id the stream's events come from (shown in the header). */
  readonly source: string;
  readonly clock: Clock;
  /**
   * One REST quote per symbol when the watch starts: a stream carries prices, not the name, the
   * previous close or the day's range, which the watchlist needs from the first frame.
   */
  readonly snapshot: (symbols: readonly string[]) => Promise<QuoteBatch>;
}

/**
 * A feed over the stream multiplexer (`LiveStream`): a REST snapshot first, then the conflated
 * ticks of one subscription, drained once per `onReady` (the multiplexer keeps only the latest
 * tick per symbol, so a burst costs one small batch here, never a queue).
 */
export function createStreamFeed(options: StreamFeedOptions): PriceFeed {
  const { stream, source, clock } = options;
  let listener: (events: FeedEvent[]) => void = () => undefined;
  let subscription: StreamSubscription | undefined;
  let generation = 0;
  let drainQueued = false;

  let state: FeedState = 'connecting';
  const drain = () => {
    drainQueued = false;
    if (!subscription) return;
    const receivedMs = clock.nowMs();
    const events = subscription.take().flatMap((event) => toFeedEvents(event, receivedMs));
    for (const event of events) if (event.type === 'status' && event.source === source) state = event.state;
    // A tick proves the connection is up, even when its `connected` came before we subscribed.
    if (state !== 'live' && events.some((e) => e.type === 'tick')) {
      state = 'live';
      events.unshift({ type: 'status', source, state });
    }
    if (events.length > 0) listener(events);
  };

  return {
    source,
    watch(symbols) {
      subscription?.close();
      subscription = undefined;
      const asked = ++generation;
      if (symbols.length === 0) return;
      const current = stream.subscribe(symbols, { trades: true });
      subscription = current;
      current.onReady(() => {
        // take() from a microtask: onReady may run inside the multiplexer's own frame handler.
        if (drainQueued) return;
        drainQueued = true;
        queueMicrotask(drain);
      });
      options.snapshot(symbols).then(
        (batch) => {
          if (asked !== generation) return;
          const receivedMs = clock.nowMs();
          listener([
            ...batch.quotes.map((quote): FeedEvent => ({ type: 'quote', quote, receivedMs })),
            ...batch.failures.map((f): FeedEvent => ({ type: 'failure', symbol: f.symbol, message: f.error.message })),
          ]);
        },
        (error: unknown) => {
          if (asked !== generation) return;
          const message = error instanceof Error ? error.message : String(error);
          listener([{ type: 'status', source, state: 'error', message: `snapshot: ${message}` }]);
        },
      );
    },
    onEvents(next) {
      listener = next;
      listener([{ type: 'status', source, state: 'connecting' }]);
    },
    close() {
      generation++;
      subscription?.close();
      subscription = undefined;
    },
  };
}

/** A stream event in the feed's vocabulary; unknown and malformed frames are not the dashboard's concern. */
export function toFeedEvents(event: StreamEvent, receivedMs: number): FeedEvent[] {
  switch (event.type) {
    case 'tick':
      return [{ type: 'tick', tick: event.tick, receivedMs }];
    case 'status': {
      const state = statusState(event.status);
      if (state === undefined) return [];
      return [
        {
          type: 'status',
          source: event.source,
          state,
          ...(event.message !== undefined ? { message: event.message } : {}),
        },
      ];
    }
    default:
      return [];
  }
}

/** Status kinds (the sources' and the multiplexer's own connection words) to connection states. */
function statusState(status: StreamStatusKind): FeedState | undefined {
  switch (status) {
    case 'reconnecting':
    case 'stale':
    case 'closed':
      return status;
    case 'connected':
    case 'subscribed':
    case 'authenticated':
    case 'gap-filled':
      return 'live';
    case 'auth-failed':
    case 'error':
      return 'error';
    case 'shutdown':
      return 'reconnecting';
    default:
      return undefined;
  }
}
