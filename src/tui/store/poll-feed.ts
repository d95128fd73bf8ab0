import type { Clock } from '../../engine/clock.js';
import type { MarketDataProvider, QuoteBatch } from '../../providers/provider.js';
import { systemTimers, type FeedEvent, type PriceFeed, type Timers } from './feed.js';

export interface PollFeedOptions {
  readonly provider: MarketDataProvider;
  readonly clock: Clock;
  /** Time between the end of one poll and the start of the next. */
  readonly intervalMs: number;
  readonly timers?: Timers;
}

/**
 * A feed that asks `provider.getQuotes` for every watched symbol, again `intervalMs` after each
 * answer (never two requests at once, so a slow source is never flooded). The fallback for
 * sources without streaming, and the demo market's feed until the stream multiplexer lands.
 */
export function createPollFeed(options: PollFeedOptions): PriceFeed {
  const { provider, clock, intervalMs } = options;
  const timers = options.timers ?? systemTimers;
  let symbols: readonly string[] = [];
  let listener: (events: FeedEvent[]) => void = () => undefined;
  let timer: unknown;
  let controller: AbortController | undefined;
  let closed = false;
  let generation = 0;

  const schedule = (ms: number) => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = closed ? undefined : timers.setTimeout(poll, ms);
  };

  async function poll(): Promise<void> {
    timer = undefined;
    if (closed || symbols.length === 0) return;
    const asked = generation;
    controller = new AbortController();
    const signal = controller.signal;
    try {
      const batch = await quoteAll(provider, symbols, signal);
      if (closed || asked !== generation) return;
      const receivedMs = clock.nowMs();
      listener([
        { type: 'status', source: provider.id, state: 'live' },
        ...batch.quotes.map((quote): FeedEvent => ({ type: 'quote', quote, receivedMs })),
        ...batch.failures.map((f): FeedEvent => ({ type: 'failure', symbol: f.symbol, message: f.error.message })),
      ]);
    } catch (error) {
      if (closed || asked !== generation) return;
      const message = error instanceof Error ? error.message : String(error);
      listener([{ type: 'status', source: provider.id, state: 'error', message }]);
    }
    if (asked === generation) schedule(intervalMs);
  }

  return {
    source: provider.id,
    watch(next) {
      symbols = [...next];
      generation++;
      controller?.abort();
      schedule(0);
    },
    onEvents(next) {
      listener = next;
      listener([{ type: 'status', source: provider.id, state: 'connecting' }]);
    },
    close() {
      closed = true;
      controller?.abort();
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Quotes straight from the provider (never the response cache: the dashboard wants the latest),
 * in batches of the size it accepts, tied to `signal` so close() cancels a poll in flight.
 */
async function quoteAll(
  provider: MarketDataProvider,
  symbols: readonly string[],
  signal: AbortSignal,
): Promise<QuoteBatch> {
  const size = Math.max(1, provider.capabilities.maxSymbolsPerQuote);
  const batches: Promise<QuoteBatch>[] = [];
  for (let i = 0; i < symbols.length; i += size)
    batches.push(provider.getQuotes(symbols.slice(i, i + size), { signal }));
  const results = await Promise.all(batches);
  return { quotes: results.flatMap((r) => r.quotes), failures: results.flatMap((r) => r.failures) };
}
