import { describe, expect, it } from 'vitest';
import type { FeedEvent, PriceFeed } from '../../src/tui/store/feed.js';
import { createDeferredFeed } from '../../src/tui/store/deferred-feed.js';

/** A real feed's contract, recorded: what it was told, and a way to emit. */
function recordingFeed() {
  const calls: string[] = [];
  let listener: (events: FeedEvent[]) => void = () => undefined;
  const feed: PriceFeed = {
    source: 'demo',
    watch: (symbols) => calls.push(`watch ${symbols.join(',')}`),
    onEvents: (next) => {
      calls.push('onEvents');
      listener = next;
    },
    close: () => calls.push('close'),
  };
  return { feed, calls, emit: (events: FeedEvent[]) => listener(events) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('deferred feed', () => {
  it('hands the listener and only the last watch to the real feed once it is ready', async () => {
    const real = recordingFeed();
    const pending = deferred<PriceFeed>();
    const feed = createDeferredFeed('demo', pending.promise);
    const received: FeedEvent[][] = [];
    feed.onEvents((events) => received.push(events));
    feed.watch(['ACME']);
    feed.watch(['ACME', 'GLOBX']);
    expect(real.calls).toEqual([]);
    pending.resolve(real.feed);
    await pending.promise;
    await Promise.resolve();
    expect(real.calls).toEqual(['onEvents', 'watch ACME,GLOBX']);
    real.emit([{ type: 'status', source: 'demo', state: 'live' }]);
    expect(received).toEqual([[{ type: 'status', source: 'demo', state: 'live' }]]);
    feed.watch(['QBTX']);
    feed.close();
    expect(real.calls.slice(2)).toEqual(['watch QBTX', 'close']);
  });

  it('closes a feed that arrives after the dashboard closed', async () => {
    const real = recordingFeed();
    const pending = deferred<PriceFeed>();
    const feed = createDeferredFeed('demo', pending.promise);
    feed.watch(['ACME']);
    feed.close();
    pending.resolve(real.feed);
    await pending.promise;
    await Promise.resolve();
    expect(real.calls).toEqual(['close']);
  });

  it('reports a feed that could not be made as an error status', async () => {
    const pending = deferred<PriceFeed>();
    const feed = createDeferredFeed('demo', pending.promise);
    const received: FeedEvent[][] = [];
    feed.onEvents((events) => received.push(events));
    pending.reject(new Error('refused'));
    await pending.promise.catch(() => undefined);
    await Promise.resolve();
    expect(received).toEqual([[{ type: 'status', source: 'demo', state: 'error', message: 'refused' }]]);
  });
});
