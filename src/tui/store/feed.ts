import type { Quote } from '../../engine/quote.js';
import type { Tick } from '../../engine/tick.js';

/** How a feed's connection to its source stands, as the header shows it. */
export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'stale' | 'error' | 'closed';

/** What a feed delivers; `receivedMs` is our clock when it arrived (for staleness), not the source's. */
export type FeedEvent =
  | { readonly type: 'quote'; readonly quote: Quote; readonly receivedMs: number }
  | { readonly type: 'tick'; readonly tick: Tick; readonly receivedMs: number }
  | { readonly type: 'status'; readonly source: string; readonly state: FeedState; readonly message?: string }
  | { readonly type: 'failure'; readonly symbol: string; readonly message: string };

/**
 * Live prices for the dashboard, whatever brings them: a poll of `getQuotes` or the stream
 * multiplexer. The dashboard store is written against this and nothing else.
 */
export interface PriceFeed {
  /** Provider id shown in the header. */
  readonly source: string;
  /** Delivers events for exactly these symbols from now on (replaces the previous set). */
  watch(symbols: readonly string[]): void;
  /** One listener; events come in batches, never one call per tick. */
  onEvents(listener: (events: FeedEvent[]) => void): void;
  close(): void;
}

/** Timers, injectable so tests can drive them. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
