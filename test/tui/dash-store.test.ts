import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/engine/decimal.js';
import type { Quote } from '../../src/engine/quote.js';
import type { StreamEvent } from '../../src/engine/tick.js';
import { createDemoProvider } from '../../src/providers/demo/provider.js';
import type { LiveStream, StreamSubscription } from '../../src/providers/stream/types.js';
import { DashStore } from '../../src/tui/store/dash-store.js';
import type { FeedEvent, PriceFeed, Timers } from '../../src/tui/store/feed.js';
import { memoryWatchlists } from '../../src/tui/store/memory-watchlists.js';
import { createPollFeed } from '../../src/tui/store/poll-feed.js';
import { ALERTS_WAITING } from '../../src/tui/store/ports.js';
import { shortAge, staleAgeMs, visibleRows } from '../../src/tui/store/selectors.js';
import { createStreamFeed, toFeedEvents } from '../../src/tui/store/stream-feed.js';
import { manualClock, T } from './dash-fixture.js';

/** Timers run by hand: `run()` fires every timer that is due at the manual clock's time. */
function manualTimers(clock: ReturnType<typeof manualClock>): Timers & { run(): void; pending(): number } {
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.set(id, { at: clock.nowMs() + ms, fn });
      return id;
    },
    clearTimeout: (id) => timers.delete(id as number),
    run() {
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= clock.nowMs()) {
          timers.delete(id);
          t.fn();
        }
      }
    },
    pending: () => timers.size,
  };
}

/** A feed a test pushes events into. */
function pushFeed(): PriceFeed & { push(events: FeedEvent[]): void; watched: string[] } {
  let listener: (events: FeedEvent[]) => void = () => undefined;
  const feed = {
    source: 'test',
    watched: [] as string[],
    watch(symbols: readonly string[]) {
      feed.watched = [...symbols];
    },
    onEvents(next: (events: FeedEvent[]) => void) {
      listener = next;
    },
    close() {},
    push: (events: FeedEvent[]) => listener(events),
  };
  return feed;
}

const quote = (symbol: string, last: string, previousClose = '100'): Quote => ({
  symbol,
  name: symbol,
  currency: 'USD',
  last: Decimal.of(last),
  open: Decimal.of(previousClose),
  high: Decimal.of(last),
  low: Decimal.of(last),
  previousClose: Decimal.of(previousClose),
  volume: Decimal.of('1000'),
  tsMs: T,
  marketState: 'regular',
  source: 'test',
  demo: false,
});

function makeStore(feed: PriceFeed, clock = manualClock(), timers = manualTimers(clock)) {
  const store = new DashStore({
    clock,
    feed,
    watchlists: memoryWatchlists(),
    history: async () => [],
    news: undefined,
    alerts: ALERTS_WAITING,
    search: async () => [],
    demo: false,
    defaultSymbols: ['AAA', 'BBB'],
    timers,
  });
  store.start();
  return { store, clock, timers };
}

describe('DashStore', () => {
  it('creates the first watchlist from the defaults and watches its symbols', () => {
    const feed = pushFeed();
    const { store } = makeStore(feed);
    expect(store.getSnapshot().watchlists.map((l) => l.name)).toEqual(['Main']);
    expect(feed.watched).toEqual(['AAA', 'BBB']);
  });

  it('publishes a burst of events as one snapshot after the flush interval', () => {
    const feed = pushFeed();
    const { store, clock, timers } = makeStore(feed);
    let published = 0;
    store.subscribe(() => published++);
    for (let i = 0; i < 500; i++) {
      feed.push([{ type: 'quote', quote: quote('AAA', String(100 + i / 100)), receivedMs: clock.nowMs() }]);
    }
    expect(published).toBe(0);
    clock.advance(100);
    timers.run();
    expect(published).toBe(1);
    expect(store.getSnapshot().rows.get('AAA')?.quote?.last.toString()).toBe('104.99');
  });

  it('applies ticks to the quote: last, high, volume; status events set the connection', () => {
    const feed = pushFeed();
    const { store, clock, timers } = makeStore(feed);
    feed.push([
      { type: 'status', source: 'test', state: 'live' },
      { type: 'quote', quote: quote('AAA', '101'), receivedMs: T },
      {
        type: 'tick',
        receivedMs: T,
        tick: {
          symbol: 'AAA',
          tsMs: T + 1,
          kind: 'trade',
          price: Decimal.of('105'),
          size: Decimal.of('7'),
          source: 'test',
        },
      },
    ]);
    clock.advance(100);
    timers.run();
    const row = store.getSnapshot().rows.get('AAA');
    expect(row?.quote?.last.toString()).toBe('105');
    expect(row?.quote?.high.toString()).toBe('105');
    expect(row?.quote?.volume.toString()).toBe('1007');
    expect(store.getSnapshot().connections).toEqual([{ source: 'test', state: 'live' }]);
  });

  it('marks a row stale with its age when no price came for 10 s', () => {
    const feed = pushFeed();
    const { store, clock, timers } = makeStore(feed);
    feed.push([{ type: 'quote', quote: quote('AAA', '101'), receivedMs: clock.nowMs() }]);
    clock.advance(100);
    timers.run();
    const row = () => store.getSnapshot().rows.get('AAA')!;
    expect(staleAgeMs(row(), store.getSnapshot().nowMs)).toBeUndefined();
    clock.advance(75_000);
    timers.run();
    expect(shortAge(staleAgeMs(row(), store.getSnapshot().nowMs)!)).toBe('1m');
  });

  it('drops events for symbols no longer watched', () => {
    const feed = pushFeed();
    const { store, clock, timers } = makeStore(feed);
    store.watchlist.removeSymbol('BBB');
    feed.push([{ type: 'quote', quote: quote('BBB', '1'), receivedMs: T }]);
    clock.advance(100);
    timers.run();
    expect(store.getSnapshot().rows.has('BBB')).toBe(false);
    expect(feed.watched).toEqual(['AAA']);
  });

  it('sorts rows by change percent, unpriced rows last', () => {
    const feed = pushFeed();
    const { store, clock, timers } = makeStore(feed);
    store.watchlist.addSymbol('CCC');
    feed.push([
      { type: 'quote', quote: quote('AAA', '99'), receivedMs: T },
      { type: 'quote', quote: quote('CCC', '110'), receivedMs: T },
    ]);
    clock.advance(100);
    timers.run();
    const order = (descending: boolean) =>
      visibleRows(store.getSnapshot(), { column: 'changePercent', descending }).map((r) => r.symbol);
    expect(order(true)).toEqual(['CCC', 'AAA', 'BBB']);
    expect(order(false)).toEqual(['AAA', 'CCC', 'BBB']);
  });
});

describe('poll feed', () => {
  it('asks the demo provider for every watched symbol, and again after the interval', async () => {
    const clock = manualClock();
    const timers = manualTimers(clock);
    const provider = createDemoProvider({ clock });
    const feed = createPollFeed({ provider, clock, intervalMs: 1000, timers });
    const batches: FeedEvent[][] = [];
    feed.onEvents((events) => batches.push(events));
    feed.watch(['ACME', 'NOPE']);
    timers.run();
    await new Promise((r) => setTimeout(r, 20));
    const first = batches.at(-1)!;
    expect(first.filter((e) => e.type === 'quote').map((e) => e.type === 'quote' && e.quote.symbol)).toEqual(['ACME']);
    expect(first.find((e) => e.type === 'failure')).toMatchObject({ symbol: 'NOPE' });
    clock.advance(60_000);
    timers.run();
    await new Promise((r) => setTimeout(r, 20));
    const price = (events: FeedEvent[]) => events.flatMap((e) => (e.type === 'quote' ? [e.quote.last.toString()] : []));
    expect(price(batches.at(-1)!)).not.toEqual(price(first)); // the demo market moved with the clock
    feed.close();
    expect(timers.pending()).toBe(0);
  });
});

describe('stream feed (LiveStream contract)', () => {
  /** A LiveStream that hands out what the test queues, per the contract: take() drains, onReady signals. */
  function queueStream() {
    const subscriptions: Array<{
      symbols: readonly string[];
      queue: StreamEvent[];
      ready?: () => void;
      closed: boolean;
    }> = [];
    const stream: LiveStream = {
      subscribe(symbols) {
        const entry = { symbols, queue: [] as StreamEvent[], closed: false } as (typeof subscriptions)[number];
        subscriptions.push(entry);
        const subscription: StreamSubscription = {
          take: () => entry.queue.splice(0),
          onReady: (listener) => (entry.ready = listener),
          close: () => (entry.closed = true),
        };
        return subscription;
      },
      close: async () => undefined,
    };
    const emit = (events: StreamEvent[]) => {
      const current = subscriptions.at(-1)!;
      current.queue.push(...events);
      current.ready?.();
    };
    return { stream, subscriptions, emit };
  }

  it('sends a REST snapshot first, then the ticks of one subscription', async () => {
    const clock = manualClock();
    const provider = createDemoProvider({ clock });
    const { stream, subscriptions, emit } = queueStream();
    const feed = createStreamFeed({ stream, source: 'demo', clock, snapshot: (s) => provider.getQuotes(s) });
    const batches: FeedEvent[][] = [];
    feed.onEvents((events) => batches.push(events));
    feed.watch(['ACME']);
    await new Promise((r) => setTimeout(r, 10));
    expect(batches.flat().some((e) => e.type === 'quote' && e.quote.symbol === 'ACME')).toBe(true);
    emit([
      { type: 'status', status: 'connected', source: 'demo' },
      {
        type: 'tick',
        tick: { symbol: 'ACME', tsMs: T, kind: 'trade', price: Decimal.of('1'), size: undefined, source: 'demo' },
      },
      { type: 'malformed', reason: 'x', source: 'demo' },
    ]);
    await new Promise((r) => setTimeout(r, 0));
    expect(batches.at(-1)?.map((e) => e.type)).toEqual(['status', 'tick']);

    feed.watch(['GLOBX']);
    expect(subscriptions[0]?.closed).toBe(true);
    expect(subscriptions[1]?.symbols).toEqual(['GLOBX']);
    feed.close();
    expect(subscriptions[1]?.closed).toBe(true);
  });

  it('a tick before any status still marks the connection live (its `connected` came earlier)', async () => {
    const clock = manualClock();
    const { stream, emit } = queueStream();
    const feed = createStreamFeed({
      stream,
      source: 'demo',
      clock,
      snapshot: async () => ({ quotes: [], failures: [] }),
    });
    const batches: FeedEvent[][] = [];
    feed.onEvents((events) => batches.push(events));
    feed.watch(['ACME']);
    emit([
      {
        type: 'tick',
        tick: { symbol: 'ACME', tsMs: T, kind: 'trade', price: Decimal.of('2'), size: undefined, source: 'demo' },
      },
    ]);
    await new Promise((r) => setTimeout(r, 0));
    expect(batches.at(-1)?.[0]).toEqual({ type: 'status', source: 'demo', state: 'live' });
  });

  it.each([
    ['connected', undefined, 'live'],
    ['auth-failed', undefined, 'error'],
    ['shutdown', undefined, 'reconnecting'],
    ['reconnecting', undefined, 'reconnecting'],
    ['gap-filled', undefined, 'live'],
    ['heartbeat', undefined, undefined],
  ] as const)('status %s (%s) is %s', (status, message, state) => {
    const events = toFeedEvents({ type: 'status', status, source: 'demo', ...(message ? { message } : {}) }, T);
    expect(events[0]?.type === 'status' ? events[0].state : undefined).toBe(state);
  });
});
