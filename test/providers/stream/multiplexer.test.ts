import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import type { StreamEvent } from '../../../src/engine/tick.js';
import { startDemoExchange } from '../../../src/providers/demo/exchange-server.js';
import { DemoMarket } from '../../../src/providers/demo/market.js';
import { createDemoProvider } from '../../../src/providers/demo/provider.js';
import { createDemoStreamAdapter } from '../../../src/providers/demo/ws.js';
import { createLiveStream, type Multiplexer } from '../../../src/providers/stream/multiplexer.js';
import { texts } from '../demo/helpers.js';
import { collect, fastClock, statuses, waitFor } from './helpers.js';

const START = Date.UTC(2026, 2, 4, 15, 0, 0);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function exchange(options: { rate?: number; speed?: number; port?: number; token?: string } = {}) {
  const market = new DemoMarket();
  const nowMs = fastClock(START, options.speed ?? 1);
  const server = await startDemoExchange({ market, nowMs, rate: options.rate ?? 10, ...options });
  cleanups.push(() => server.close());
  return { server, market, nowMs };
}

function stream(url: string, extra: Partial<Parameters<typeof createLiveStream>[0]> = {}): Multiplexer {
  const live = createLiveStream({ adapters: [createDemoStreamAdapter({ url })], ...extra });
  cleanups.push(() => live.close());
  return live;
}

const ticks = (events: readonly StreamEvent[]) => events.filter((e) => e.type === 'tick');

describe('the multiplexer on the demo exchange', () => {
  it('streams ticks for the subscribed symbols only', async () => {
    const { server } = await exchange();
    const live = stream(server.url);
    const events = collect(live.subscribe(['ZORK-USD', 'QUX-USD']));
    await waitFor(() => new Set(ticks(events).map((e) => e.type === 'tick' && e.tick.symbol)).size === 2, 'ticks');
    expect(statuses(events)[0]).toBe('connected');
    const symbols = new Set(ticks(events).map((e) => (e.type === 'tick' ? e.tick.symbol : '')));
    expect([...symbols].sort()).toEqual(['QUX-USD', 'ZORK-USD']);
  });

  it('reference-counts symbols across consumers: subscribe and unsubscribe only on 0 <-> 1', async () => {
    const { server } = await exchange();
    const live = stream(server.url);
    const a = live.subscribe(['ZORK-USD', 'QUX-USD']);
    const b = live.subscribe(['ZORK-USD']);
    const c = live.subscribe(['QUX-USD', 'NBL-USD']);
    await waitFor(() => (live.stats('demo')?.ticks ?? 0) > 0, 'ticks');
    a.close();
    await waitFor(() => server.controlMessages.length >= 1, 'frames');
    b.close(); // ZORK-USD 1 -> 0
    await waitFor(() => server.controlMessages.length >= 2, 'unsubscribe');
    const sent = server.controlMessages.map((m) => JSON.parse(m.text) as { op: string; symbols: string[] });
    expect(sent).toEqual([
      { op: 'subscribe', symbols: ['ZORK-USD', 'QUX-USD', 'NBL-USD'] },
      { op: 'unsubscribe', symbols: ['ZORK-USD'] },
    ]);
    c.close();
    await waitFor(() => server.clients === 0, 'the idle connection to close');
  });

  it('batches subscribe frames by symbolsPerMessage and paces them by controlMessagesPerSecond', async () => {
    const { server } = await exchange();
    const base = createDemoStreamAdapter({ url: server.url });
    const adapter = { ...base, limits: { controlMessagesPerSecond: 10, symbolsPerMessage: 2 } };
    const live = createLiveStream({ adapters: [adapter] });
    cleanups.push(() => live.close());
    live.subscribe(['ACME', 'GLOBX', 'QBTX', 'HXLM', 'VLTQ']);
    await waitFor(() => server.controlMessages.length === 3, 'three subscribe frames');
    const symbols = server.controlMessages.map((m) => (JSON.parse(m.text) as { symbols: string[] }).symbols);
    expect(symbols).toEqual([['ACME', 'GLOBX'], ['QBTX', 'HXLM'], ['VLTQ']]);
    const [first, , last] = server.controlMessages.map((m) => m.atMs);
    expect(last! - first!).toBeGreaterThanOrEqual(190); // 10 a second: 100 ms apart
  });

  it('builds 1m bars equal to the demo history and stores the closed ones', async () => {
    // 120x: a simulated minute every half second.
    const { server, market, nowMs } = await exchange({ rate: 4, speed: 120 });
    const stored: StreamEvent[] = [];
    const live = stream(server.url, { onBarClosed: (event) => stored.push(event) });
    live.subscribe(['ZORK-USD'], { bars: '1m' });
    await waitFor(() => stored.length >= 3, 'three closed bars', 15_000);
    const bars = stored.map((e) => (e.type === 'bar' ? e.bar : undefined)).filter((b) => b !== undefined);
    const provider = createDemoProvider({ clock: fixedClock(nowMs()), market });
    const history = await provider.getHistory({
      symbol: 'ZORK-USD',
      interval: '1m',
      fromMs: bars[0]!.tsMs,
      toMs: bars.at(-1)!.tsMs + 60_000,
    });
    expect(texts(bars)).toEqual(texts(history.bars));
  });
});
