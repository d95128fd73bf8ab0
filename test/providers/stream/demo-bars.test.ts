import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { fixedClock } from '../../../src/engine/clock.js';
import type { Interval } from '../../../src/engine/interval.js';
import type { Tick } from '../../../src/engine/tick.js';
import { createDemoProvider } from '../../../src/providers/demo/provider.js';
import { DemoMarket } from '../../../src/providers/demo/market.js';
import { DemoTickFeed } from '../../../src/providers/demo/tick-feed.js';
import { BarBuilder } from '../../../src/providers/stream/bar-builder.js';
import { texts } from '../demo/helpers.js';

const MINUTE = 60_000;
/** Wednesday 2026-03-04 15:00 UTC: equities in session, crypto and FX always. */
const FROM = Date.UTC(2026, 2, 4, 15, 0);
const TO = FROM + 45 * MINUTE;

function barsFromTicks(feed: DemoTickFeed, interval: Interval, fromMs: number, toMs: number): Bar[] {
  const builder = new BarBuilder(feed.symbol, interval, 'demo');
  const bars: Bar[] = [];
  feed.forEach(fromMs, toMs, (trade) => {
    const tick: Tick = { symbol: feed.symbol, kind: 'trade', source: 'demo', ...trade };
    const closed = builder.add(tick);
    if (closed) bars.push(closed.bar);
  });
  const last = builder.closeIfDue(toMs);
  if (last) bars.push(last.bar);
  return bars;
}

describe('bars built from demo exchange trades', () => {
  const market = new DemoMarket();
  const provider = createDemoProvider({ clock: fixedClock(FROM + 180 * MINUTE), market });

  it.each([
    ['ACME', '1m', 1],
    ['ZORK-USD', '1m', 4],
    ['EURUSD=X', '5m', 10],
    ['QBTX', '15m', 2],
    ['ZORK-USD', '1h', 1],
  ] as const)('%s %s at %i trades a second equal the history', async (symbol, interval, rate) => {
    const feed = new DemoTickFeed(market.simulation(symbol)!, 1000 / rate);
    const to = interval === '1h' ? FROM + 120 * MINUTE : TO;
    const built = barsFromTicks(feed, interval, FROM, to);
    const history = await provider.getHistory({ symbol, interval, fromMs: FROM, toMs: to });
    expect(built.length).toBeGreaterThan(0);
    expect(texts(built)).toEqual(texts(history.bars));
  });

  it('publishes no trades outside a session (equities at night)', () => {
    const feed = new DemoTickFeed(market.simulation('ACME')!, 250);
    let count = 0;
    feed.forEach(Date.UTC(2026, 2, 4, 2, 0), Date.UTC(2026, 2, 4, 3, 0), () => count++);
    expect(count).toBe(0);
  });

  it('a bar starting mid-bucket closes as incomplete; the next is complete', () => {
    const feed = new DemoTickFeed(market.simulation('ZORK-USD')!, 250);
    const builder = new BarBuilder('ZORK-USD', '1m', 'demo');
    const closed: boolean[] = [];
    feed.forEach(FROM + 30_000, FROM + 3 * MINUTE, (trade) => {
      const result = builder.add({ symbol: 'ZORK-USD', kind: 'trade', source: 'demo', ...trade });
      if (result) closed.push(result.complete);
    });
    expect(closed).toEqual([false, true]);
  });
});
