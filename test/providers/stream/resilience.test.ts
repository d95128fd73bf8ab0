import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import type { StreamEvent } from '../../../src/engine/tick.js';
import { parseFrame as parseBinanceFrame } from '../../../src/providers/binance/ws-parse.js';
import { startDemoExchange, type DemoExchange } from '../../../src/providers/demo/exchange-server.js';
import { DemoMarket } from '../../../src/providers/demo/market.js';
import { createDemoProvider } from '../../../src/providers/demo/provider.js';
import { createDemoStreamAdapter } from '../../../src/providers/demo/ws.js';
import { tradeFrame } from '../../../src/providers/demo/ws-protocol.js';
import {
  createLiveStream,
  type LiveStreamOptions,
  type Multiplexer,
} from '../../../src/providers/stream/multiplexer.js';
import type { StreamAdapter } from '../../../src/providers/stream/types.js';
import { texts } from '../demo/helpers.js';
import { wsFixtureReader } from '../ws-fixtures.js';
import { collect, fastClock, ManualScheduler, startWsServer, statuses, waitFor } from './helpers.js';

const START = Date.UTC(2026, 2, 4, 15, 0, 0);
const FAST_BACKOFF = { baseMs: 20, capMs: 100 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function live(options: LiveStreamOptions): Multiplexer {
  const stream = createLiveStream({ backoff: FAST_BACKOFF, ...options });
  cleanups.push(() => stream.close());
  return stream;
}

describe('reconnects', () => {
  it('survives the server killed and restarted 10 times: it resubscribes, the stream goes on, bars stay whole', async () => {
    const market = new DemoMarket();
    const nowMs = fastClock(START, 120); // a simulated minute every 0.5 s
    let server: DemoExchange = await startDemoExchange({ market, nowMs, rate: 4 });
    const { port } = server;
    cleanups.push(() => server.close());
    const stored: StreamEvent[] = [];
    const history = createDemoProvider({ clock: { nowMs }, market });
    const stream = live({
      adapters: [createDemoStreamAdapter({ url: server.url })],
      history: () => history,
      onBarClosed: (event) => stored.push(event),
    });
    const events = collect(stream.subscribe(['ZORK-USD'], { trades: true, bars: '1m' }));
    const ticksNow = () => stream.stats('demo')?.ticks ?? 0;
    await waitFor(() => ticksNow() > 0, 'first ticks');
    for (let restart = 1; restart <= 10; restart++) {
      await server.close();
      const before = ticksNow();
      server = await startDemoExchange({ market, nowMs, rate: 4, port });
      await waitFor(() => server.controlMessages.length > 0, `resubscribe after restart ${restart}`);
      expect(JSON.parse(server.controlMessages[0]!.text)).toEqual({ op: 'subscribe', symbols: ['ZORK-USD'] });
      await waitFor(() => ticksNow() > before, `ticks after restart ${restart}`);
    }
    expect(stream.stats('demo')?.ready).toBe(11);
    expect(statuses(events).filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(10);
    expect(statuses(events).filter((s) => s === 'connected')).toHaveLength(11);
    // Bars cut by the outages were replaced from history: every stored bar equals history's.
    await waitFor(() => stored.length >= 3, 'closed bars');
    const bars = stored.flatMap((e) => (e.type === 'bar' ? [e.bar] : [])).sort((a, b) => a.tsMs - b.tsMs);
    const reference = createDemoProvider({ clock: fixedClock(nowMs()), market });
    for (const bar of bars) {
      const rest = await reference.getHistory({
        symbol: 'ZORK-USD',
        interval: '1m',
        fromMs: bar.tsMs,
        toMs: bar.tsMs + 60_000,
      });
      expect(texts([bar])).toEqual(texts(rest.bars));
    }
  }, 30_000);

  it('backfills the bars missed during a long outage from history and says gap-filled', async () => {
    const market = new DemoMarket();
    const nowMs = fastClock(START, 120);
    let server = await startDemoExchange({ market, nowMs, rate: 4 });
    const { port } = server;
    cleanups.push(() => server.close());
    const stored: StreamEvent[] = [];
    const history = createDemoProvider({ clock: { nowMs }, market });
    const stream = live({
      adapters: [createDemoStreamAdapter({ url: server.url })],
      history: () => history,
      onBarClosed: (event) => stored.push(event),
    });
    const events = collect(stream.subscribe(['ZORK-USD'], { bars: '1m' }));
    await waitFor(() => (stream.stats('demo')?.ticks ?? 0) > 0, 'first ticks');
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 1_600)); // about 3 simulated minutes
    server = await startDemoExchange({ market, nowMs, rate: 4, port });
    await waitFor(() => statuses(events).includes('gap-filled'), 'gap-filled');
    const gap = events.find((e) => e.type === 'status' && e.status === 'gap-filled');
    expect(gap?.type === 'status' && Number(gap.code)).toBeGreaterThanOrEqual(2);
    await waitFor(() => stored.length >= 4, 'bars');
    const tsMs = stored.flatMap((e) => (e.type === 'bar' ? [e.bar.tsMs] : [])).sort((a, b) => a - b);
    for (let i = 1; i < tsMs.length; i++) expect(tsMs[i]! - tsMs[i - 1]!).toBe(60_000); // no hole
  }, 20_000);
});

describe('heartbeats', () => {
  it('replaces a connection whose server stopped answering pings, within the heartbeat timeout', async () => {
    const silent = await startWsServer({ autoPong: false });
    cleanups.push(() => silent.close());
    const scheduler = new ManualScheduler();
    const adapter: StreamAdapter = {
      ...createDemoStreamAdapter({ url: silent.url }),
      heartbeat: { kind: 'ping', intervalMs: 1_000, timeoutMs: 3_000 },
    };
    const stream = live({ adapters: [adapter], scheduler });
    const events = collect(stream.subscribe(['ACME']));
    await waitFor(() => stream.stats('demo')?.ready === 1, 'connected');
    const pings: number[] = [];
    silent.sockets[0]!.on('ping', () => pings.push(scheduler.nowMs()));
    scheduler.advance(2_999);
    await waitFor(() => pings.length === 2, 'two pings');
    expect(statuses(events)).not.toContain('stale');
    scheduler.advance(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(statuses(events)).toContain('stale');
    expect(stream.stats('demo')?.stale).toBe(1);
    await waitFor(() => stream.stats('demo')?.ready === 2, 'a replacement connection');
    expect(silent.sockets).toHaveLength(2);
  });
});

describe('connection age', () => {
  it('replaces a connection before the source age limit and resubscribes', async () => {
    const server = await startWsServer();
    cleanups.push(() => server.close());
    const received: string[][] = [];
    server.server.on('connection', (socket) => {
      const mine: string[] = [];
      received.push(mine);
      socket.on('message', (data) => mine.push(String(data)));
    });
    const scheduler = new ManualScheduler();
    const adapter: StreamAdapter = {
      ...createDemoStreamAdapter({ url: server.url }),
      limits: { controlMessagesPerSecond: 5, symbolsPerMessage: 10, maxConnectionAgeMs: 100_000 },
    };
    const stream = live({ adapters: [adapter], scheduler });
    const events = collect(stream.subscribe(['ACME']));
    await waitFor(() => stream.stats('demo')?.ready === 1, 'connected');
    // A second at a time, letting the server's pongs arrive (the heartbeat must stay happy).
    for (let second = 1; second < 95; second++) {
      scheduler.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    scheduler.advance(999);
    expect(stream.stats('demo')).toMatchObject({ connectAttempts: 1, stale: 0 });
    scheduler.advance(1); // 95 %: before the source would cut it
    await waitFor(() => stream.stats('demo')?.ready === 2, 'the replacement');
    await waitFor(() => received.length === 2 && received[1]!.length === 1, 'the resubscribe');
    expect(JSON.parse(received[1]![0]!)).toEqual({ op: 'subscribe', symbols: ['ACME'] });
    expect(statuses(events)).toEqual(['connected', 'reconnecting', 'connected']);
  });
});

describe('bad frames', () => {
  it('counts malformed and unknown frames, skips them, and keeps the connection', async () => {
    const frames = [
      tradeFrame('ACME', START, '120.5', '10'),
      'not json at all',
      '{"type":"trade","symbol":"ACME","ts":"yesterday","price":"1","size":"1"}',
      '{"type":"trade","symbol":"ACME","ts":1,"price":"-1e5","size":"1"}',
      '[1,2,3]',
      '{"type":"depth","bids":[]}',
      '{"type":"news"}',
      tradeFrame('ACME', START + 1, '120.75', '5'),
    ];
    const server = await startWsServer();
    cleanups.push(() => server.close());
    server.server.on('connection', (socket) => {
      socket.once('message', () => {
        for (const frame of frames) socket.send(frame);
        socket.send(Buffer.from([0xff, 0xfe, 0x00]), { binary: true });
      });
    });
    const stream = live({ adapters: [createDemoStreamAdapter({ url: server.url })] });
    const events = collect(stream.subscribe(['ACME']));
    await waitFor(() => stream.stats('demo')?.frames === frames.length + 1, 'every frame');
    expect(stream.stats('demo')).toMatchObject({ ticks: 2, malformed: 5, unknown: 2, ready: 1, connectAttempts: 1 });
    await waitFor(() => events.some((e) => e.type === 'tick' && e.tick.price.toString() === '120.75'), 'last tick');
  });

  it('replays recorded Binance frames through the transport as the pure parser reads them', async () => {
    const reader = wsFixtureReader('binance');
    const frames = [
      ...reader.frames('ws-combined-mixed-spot-2019-tardis.ndjson'),
      ...reader.frames('ws-combined-trade-btcusdt-2020.json'),
      ...reader.frames('ws-combined-aggTrade-btcusdt-2020.json'),
    ];
    const server = await startWsServer();
    cleanups.push(() => server.close());
    server.server.on('connection', (socket) => {
      socket.once('message', () => frames.forEach((frame) => socket.send(frame)));
    });
    const adapter: StreamAdapter = {
      ...createDemoStreamAdapter({ url: server.url }),
      id: 'binance',
      subscribeFrames: (symbols) => [JSON.stringify({ method: 'SUBSCRIBE', params: symbols })],
      parse: (text, receivedMs) => parseBinanceFrame(text, receivedMs),
    };
    const expected = frames.flatMap((frame) => parseBinanceFrame(frame, 0));
    const tickSymbols = [...new Set(expected.flatMap((e) => (e.type === 'tick' ? [e.tick.symbol] : [])))];
    const stream = live({ adapters: [adapter] });
    const events = collect(stream.subscribe(tickSymbols));
    await waitFor(() => stream.stats('binance')?.frames === frames.length, 'every frame');
    const count = (type: string) => expected.filter((e) => e.type === type).length;
    expect(stream.stats('binance')).toMatchObject({
      ticks: count('tick'),
      unknown: count('unknown'),
      malformed: count('malformed'),
    });
    expect(count('tick')).toBeGreaterThan(2);
    await waitFor(() => events.some((e) => e.type === 'tick'), 'ticks delivered');
  });
});

describe('authentication', () => {
  it('a refused token is a clear auth-failed status and no reconnect storm', async () => {
    const server = await startDemoExchange({ market: new DemoMarket(), nowMs: () => START, token: 'right' });
    cleanups.push(() => server.close());
    const stream = live({ adapters: [createDemoStreamAdapter({ url: server.url, apiKey: 'wrong' })] });
    const events = collect(stream.subscribe(['ACME']));
    await waitFor(() => statuses(events).includes('auth-failed'), 'auth-failed');
    const failed = events.find((e) => e.type === 'status' && e.status === 'auth-failed');
    expect(failed?.type === 'status' && failed.message).toBe('invalid token');
    await new Promise((resolve) => setTimeout(resolve, 500)); // 25 backoff periods
    expect(stream.stats('demo')?.connectAttempts).toBe(1);
    expect(statuses(events)).not.toContain('reconnecting');
    const late = stream.subscribe(['GLOBX']).take();
    expect(late).toEqual([{ type: 'status', status: 'auth-failed', source: 'demo', message: 'invalid token' }]);
  });

  it('an HTTP 401 on the upgrade is an auth failure too, tried once', async () => {
    const server = await startWsServer({ verifyClient: (_info, done) => done(false, 401, 'Unauthorized') });
    cleanups.push(() => server.close());
    const stream = live({ adapters: [createDemoStreamAdapter({ url: server.url })] });
    const events = collect(stream.subscribe(['ACME']));
    await waitFor(() => statuses(events).includes('auth-failed'), 'auth-failed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.stats('demo')?.connectAttempts).toBe(1);
  });

  it('a correct token streams', async () => {
    const server = await startDemoExchange({ market: new DemoMarket(), nowMs: fastClock(START, 1), token: 'right' });
    cleanups.push(() => server.close());
    const stream = live({ adapters: [createDemoStreamAdapter({ url: server.url, apiKey: 'right' })] });
    stream.subscribe(['ZORK-USD']);
    await waitFor(() => (stream.stats('demo')?.ticks ?? 0) > 0, 'ticks');
  });
});

describe('a slow consumer', () => {
  it('holds the latest state per symbol, not a queue, through a burst of 100k ticks', async () => {
    const symbols = ['ACME', 'GLOBX', 'QBTX', 'HXLM', 'VLTQ', 'FZLR', 'KRMB', 'BNKQ', 'BRZL', 'TKPT'];
    const TOTAL = 100_000;
    const server = await startWsServer();
    cleanups.push(() => server.close());
    let last = '';
    server.server.on('connection', (socket) => {
      socket.once('message', () => {
        for (let i = 0; i < TOTAL; i++) {
          const price = `${100 + (i % 1000) / 100}`;
          last = price;
          socket.send(tradeFrame(symbols[i % symbols.length]!, START + i, price, '1'));
        }
      });
    });
    const stream = live({ adapters: [createDemoStreamAdapter({ url: server.url })] });
    const subscription = stream.subscribe(symbols, { trades: true, bars: '1m' });
    await waitFor(() => stream.stats('demo')?.ticks === TOTAL, 'the whole burst', 60_000);
    // 10 symbols x (latest tick + open bar + the closed bars of 100 s of ticks) + 1 status.
    expect(stream.heldEvents()).toBeLessThanOrEqual(10 * (1 + 1 + 2) + 1);
    const events = subscription.take();
    expect(stream.heldEvents()).toBe(0);
    const lastTick = events.filter((e) => e.type === 'tick').at(-1);
    expect(lastTick?.type === 'tick' && lastTick.tick.price.toString()).toBe(last);
    const volume = events
      .flatMap((e) => (e.type === 'bar' && e.symbol === 'ACME' ? [Number(e.bar.volume.toString())] : []))
      .reduce((a, b) => a + b, 0);
    expect(volume).toBe(TOTAL / symbols.length); // conflation never drops a trade from a bar
  }, 60_000);
});
