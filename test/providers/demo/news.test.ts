import { describe, expect, it } from 'vitest';
import { UnknownSymbolError } from '../../../src/errors.js';
import { DEMO_NEWS_DAYS, DEMO_PUBLISHER } from '../../../src/providers/demo/news.js';
import { createDemoProvider } from '../../../src/providers/demo/provider.js';
import { fixedClock } from '../../../src/engine/clock.js';

const NOW = Date.parse('2026-03-04T18:00:00Z');
const demo = (nowMs = NOW, seed?: number) =>
  createDemoProvider({ clock: fixedClock(nowMs), ...(seed === undefined ? {} : { seed }) });

describe('demo news', () => {
  it('is deterministic, clearly fictional, newest first, never after now and within the last days', async () => {
    const items = await demo().getNews?.('ACME');
    expect(items).toEqual(await demo().getNews?.('ACME'));
    expect(items?.length).toBeGreaterThanOrEqual(DEMO_NEWS_DAYS - 1);
    for (const item of items ?? []) {
      expect(item.title).toMatch(/^\[Demo\] /);
      expect(item.publisher).toBe(DEMO_PUBLISHER);
      expect(new URL(item.url).hostname).toMatch(/\.invalid$/);
      expect(item.publishedMs).toBeLessThanOrEqual(NOW);
      expect(item.publishedMs).toBeGreaterThan(NOW - DEMO_NEWS_DAYS * 86_400_000);
      expect(item.symbols).toEqual(['ACME']);
    }
    const times = (items ?? []).map((i) => i.publishedMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('publishes nothing after now, early in the day too', async () => {
    for (const hour of [0, 8, 9, 12]) {
      const nowMs = Date.parse(`2026-03-04T${String(hour).padStart(2, '0')}:30:00Z`);
      const items = (await demo(nowMs).getNews?.('ACME')) ?? [];
      expect(items.every((item) => item.publishedMs <= nowMs)).toBe(true);
      expect(await demo(nowMs).getNews?.('ACME')).toEqual(items);
    }
  });

  it('differs by symbol and seed, has market news, and refuses an unknown symbol', async () => {
    const acme = await demo().getNews?.('ACME');
    expect(await demo().getNews?.('GLOBX')).not.toEqual(acme);
    expect(await demo(NOW, 7).getNews?.('ACME')).not.toEqual(acme);
    expect((await demo().getNews?.(undefined))?.every((i) => i.symbols.length === 0)).toBe(true);
    await expect(demo().getNews?.('NOPE')).rejects.toBeInstanceOf(UnknownSymbolError);
  });
});
