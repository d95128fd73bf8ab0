import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/providers/router/router.js';
import { FakeProvider, ManualClock, failureCodes, failures, sources } from './fakes.js';

const clock = new ManualClock();

describe('router quote batches: fallback per symbol', () => {
  it('asks the next provider only for the symbols that failed retryably, and merges the answers', async () => {
    const a = new FakeProvider('a', { MSFT: failures.serverError('a'), TSLA: failures.timeout('a'), '*': 'ok' });
    const b = new FakeProvider('b');
    const batch = await createRouter({ chain: [a, b], clock }).getQuotes(['AAPL', 'MSFT', 'TSLA']);
    expect(sources(batch)).toEqual({ AAPL: 'a', MSFT: 'b', TSLA: 'b' });
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT', 'TSLA']);
    expect(batch.failures).toEqual([]);
    expect(b.quoteCalls).toEqual([['MSFT', 'TSLA']]);
  });

  it('keeps a final failure where it happened: an unknown symbol is not asked of the next provider', async () => {
    const a = new FakeProvider('a', { ZZZZ: failures.unknown('a', 'ZZZZ'), '*': 'ok' });
    const b = new FakeProvider('b');
    const batch = await createRouter({ chain: [a, b], clock }).getQuotes(['AAPL', 'ZZZZ']);
    expect(sources(batch)).toEqual({ AAPL: 'a' });
    expect(failureCodes(batch)).toEqual({ ZZZZ: 'unknown-symbol' });
    expect(b.calls).toBe(0);
  });

  it('prefers a final error from a later provider over the earlier retryable one', async () => {
    const a = new FakeProvider('a', { '*': failures.rateLimited('a') });
    const b = new FakeProvider('b', { ZZZZ: failures.unknown('b', 'ZZZZ'), '*': 'ok' });
    const c = new FakeProvider('c');
    const batch = await createRouter({ chain: [a, b, c], clock }).getQuotes(['AAPL', 'ZZZZ']);
    expect(sources(batch)).toEqual({ AAPL: 'b' });
    expect(batch.failures[0]?.error.message).toBe('unknown symbol "ZZZZ" on b');
    expect(c.calls).toBe(0);
  });

  it('falls back for the whole batch when the request itself fails', async () => {
    const a = new FakeProvider('a');
    a.throwAll = failures.serverError('a');
    const b = new FakeProvider('b');
    const batch = await createRouter({ chain: [a, b], clock }).getQuotes(['AAPL', 'MSFT']);
    expect(sources(batch)).toEqual({ AAPL: 'b', MSFT: 'b' });
  });

  it('treats a symbol the provider neither quoted nor reported as malformed, and asks the next', async () => {
    const a = new FakeProvider('a');
    const original = a.getQuotes.bind(a);
    a.getQuotes = async (symbols) => ({ ...(await original(symbols)), quotes: [] });
    const batch = await createRouter({ chain: [a, new FakeProvider('b')], clock }).getQuotes(['AAPL']);
    expect(sources(batch)).toEqual({ AAPL: 'b' });
  });

  it('names every provider for a symbol that no provider could quote, beside the ones that worked', async () => {
    const a = new FakeProvider('a', { MSFT: failures.rateLimited('a'), '*': 'ok' });
    const b = new FakeProvider('b', { MSFT: failures.malformed('b'), '*': 'ok' });
    const batch = await createRouter({ chain: [a, b], clock }).getQuotes(['AAPL', 'MSFT']);
    expect(sources(batch)).toEqual({ AAPL: 'a' });
    expect(batch.failures).toHaveLength(1);
    expect(batch.failures[0]?.error).toMatchObject({
      code: 'all-providers-failed',
      retryable: true,
      message: 'no provider could answer for MSFT: a: rate limited; b: malformed payload',
    });
  });

  it('splits a batch into requests of at most maxSymbolsPerQuote symbols', async () => {
    const a = new FakeProvider('a', {}, { maxSymbolsPerQuote: 2 });
    const batch = await createRouter({ chain: [a], clock }).getQuotes(['A', 'B', 'C', 'D', 'E']);
    expect(a.quoteCalls).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    expect(batch.quotes).toHaveLength(5);
  });

  it('skips providers without quotes', async () => {
    const a = new FakeProvider('a', {}, { quotes: false });
    const b = new FakeProvider('b');
    const batch = await createRouter({ chain: [a, b], clock }).getQuotes(['AAPL']);
    expect(sources(batch)).toEqual({ AAPL: 'b' });
    expect(a.calls).toBe(0);
  });
});
