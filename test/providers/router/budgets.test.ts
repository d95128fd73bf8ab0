import { describe, expect, it } from 'vitest';
import { MemoryBudgets } from '../../../src/providers/router/budgets.js';
import { createRouter } from '../../../src/providers/router/router.js';
import { FakeProvider, ManualClock, T0, failures, sources } from './fakes.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** T0 is 16:07:31.250; these are the starts of the next minute and the next UTC day. */
const NEXT_MINUTE = Math.ceil(T0 / MINUTE_MS) * MINUTE_MS;
const NEXT_DAY = Math.ceil(T0 / DAY_MS) * DAY_MS;

describe('MemoryBudgets', () => {
  it.each([
    ['per minute', { perMinute: 3 }, 3, 'per-minute', NEXT_MINUTE],
    ['per day', { perDay: 2 }, 2, 'per-day', NEXT_DAY],
    ['the tighter of both', { perMinute: 5, perDay: 1 }, 1, 'per-day', NEXT_DAY],
  ] as const)('spends up to the limit %s, then says when to come back', (_name, limits, allowed, reason, retryAtMs) => {
    const budgets = new MemoryBudgets();
    const decisions = Array.from({ length: allowed + 2 }, () => budgets.tryConsume('a', T0, limits));
    expect(decisions.filter((d) => d.ok)).toHaveLength(allowed);
    expect(decisions.at(-1)).toEqual({ ok: false, reason, retryAtMs });
  });

  it('starts a new minute window afresh but keeps counting the day', () => {
    const budgets = new MemoryBudgets();
    const limits = { perMinute: 1, perDay: 2 };
    expect(budgets.tryConsume('a', T0, limits).ok).toBe(true);
    expect(budgets.tryConsume('a', T0, limits).ok).toBe(false);
    expect(budgets.tryConsume('a', NEXT_MINUTE, limits).ok).toBe(true);
    expect(budgets.tryConsume('a', NEXT_MINUTE + MINUTE_MS, limits)).toMatchObject({ ok: false, reason: 'per-day' });
    expect(budgets.tryConsume('a', NEXT_DAY, limits).ok).toBe(true);
  });

  it('keeps providers apart', () => {
    const budgets = new MemoryBudgets();
    expect(budgets.tryConsume('a', T0, { perDay: 1 }).ok).toBe(true);
    expect(budgets.tryConsume('b', T0, { perDay: 1 }).ok).toBe(true);
  });
});

describe('router request budgets', () => {
  it('skips a provider whose budget is spent (from its capabilities) and falls back', async () => {
    const clock = new ManualClock();
    const a = new FakeProvider('a', {}, { quota: { perMinute: 2 } });
    const b = new FakeProvider('b');
    const router = createRouter({ chain: [a, b], clock });
    const answered: string[] = [];
    for (const symbol of ['S1', 'S2', 'S3']) answered.push(...Object.values(sources(await router.getQuotes([symbol]))));
    expect(answered).toEqual(['a', 'a', 'b']);
    clock.tsMs = NEXT_MINUTE;
    expect(sources(await router.getQuotes(['S4']))).toEqual({ S4: 'a' });
  });

  it('lets configured limits replace the declared quota', async () => {
    const a = new FakeProvider('a', {}, { quota: { perMinute: 100 } });
    const router = createRouter({ chain: [a], clock: new ManualClock(), limits: { a: { perDay: 1 } } });
    await router.getQuotes(['S1']);
    const batch = await router.getQuotes(['S2']);
    expect(batch.failures[0]?.error.message).toBe(
      'no provider could answer for S2: a: per-day request budget spent (retry in 7h 53m)',
    );
    expect(a.calls).toBe(1);
  });
});

describe('router Retry-After', () => {
  it('skips a provider until its Retry-After has passed, then asks it again', async () => {
    const clock = new ManualClock();
    const a = new FakeProvider('a', { '*': (call) => (call === 1 ? failures.rateLimited('a', 30_000) : 'ok') });
    const b = new FakeProvider('b');
    const router = createRouter({ chain: [a, b], clock });
    expect(sources(await router.getQuotes(['S1']))).toEqual({ S1: 'b' });
    clock.advance(29_999);
    expect(sources(await router.getQuotes(['S2']))).toEqual({ S2: 'b' });
    expect(a.calls).toBe(1);
    clock.advance(1);
    expect(sources(await router.getQuotes(['S3']))).toEqual({ S3: 'a' });
  });

  it('records the block in the ledger it was given', async () => {
    const clock = new ManualClock();
    const budgets = new MemoryBudgets();
    const a = new FakeProvider('a');
    a.throwAll = failures.rateLimited('a', 5_000);
    await createRouter({ chain: [a], clock, budgets }).getQuotes(['S1']);
    expect(budgets.tryConsume('a', T0 + 4_999, {})).toEqual({
      ok: false,
      reason: 'retry-after',
      retryAtMs: T0 + 5_000,
    });
    expect(budgets.tryConsume('a', T0 + 5_000, {}).ok).toBe(true);
  });

  it('without a Retry-After, a 429 does not block the provider', async () => {
    const clock = new ManualClock();
    const a = new FakeProvider('a', { '*': (call) => (call === 1 ? failures.rateLimited('a') : 'ok') });
    const router = createRouter({ chain: [a, new FakeProvider('b')], clock });
    await router.getQuotes(['S1']);
    expect(sources(await router.getQuotes(['S2']))).toEqual({ S2: 'a' });
  });
});
