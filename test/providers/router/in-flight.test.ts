import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/providers/router/router.js';
import { FakeProvider, ManualClock } from './fakes.js';

const REQUEST = { symbol: 'AAPL', interval: '1d', fromMs: 0, toMs: 86_400_000 } as const;

/** A promise the test resolves when it wants the provider's answers to arrive. */
function hold(): { promise: Promise<void>; release: () => void } {
  let release: () => void = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('router in-flight sharing', () => {
  it('ten concurrent identical history requests make one provider request', async () => {
    const a = new FakeProvider('a');
    const router = createRouter({ chain: [a], clock: new ManualClock() });
    const results = await Promise.all(Array.from({ length: 10 }, () => router.getHistory(REQUEST)));
    expect(a.calls).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it.each([
    ['a different range', { ...REQUEST, toMs: 2 * 86_400_000 }],
    ['a different symbol', { ...REQUEST, symbol: 'MSFT' }],
  ])('does not share requests with %s', async (_name, other) => {
    const a = new FakeProvider('a');
    const router = createRouter({ chain: [a], clock: new ManualClock() });
    await Promise.all([router.getHistory(REQUEST), router.getHistory(other)]);
    expect(a.calls).toBe(2);
  });

  it('shares identical quote batches and search, and forgets a request once it settled', async () => {
    const a = new FakeProvider('a');
    const router = createRouter({ chain: [a], clock: new ManualClock() });
    await Promise.all([router.getQuotes(['AAPL', 'MSFT']), router.getQuotes(['AAPL', 'MSFT'])]);
    await Promise.all([router.search('apple'), router.search('apple')]);
    expect(a.calls).toBe(2);
    await router.getQuotes(['AAPL', 'MSFT']);
    expect(a.calls).toBe(3);
  });

  it('one caller giving up does not cancel the request for the others', async () => {
    const a = new FakeProvider('a');
    const held = hold();
    a.gate = held.promise;
    const router = createRouter({ chain: [a], clock: new ManualClock() });
    const controller = new AbortController();
    const leaving = router.getHistory(REQUEST, { signal: controller.signal });
    const staying = router.getHistory(REQUEST);
    controller.abort(new Error('user pressed q'));
    await expect(leaving).rejects.toThrow('user pressed q');
    held.release();
    await expect(staying).resolves.toMatchObject({ interval: '1d' });
    expect(a.calls).toBe(1);
  });
});
