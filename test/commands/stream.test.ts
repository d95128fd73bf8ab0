import { afterEach, describe, expect, it } from 'vitest';
import { parseStreamOptions, runStream, type StreamOutput } from '../../src/commands/stream.js';
import { createDemoStreamAdapter } from '../../src/providers/demo/ws.js';
import { tradeFrame } from '../../src/providers/demo/ws-protocol.js';
import { createLiveStream } from '../../src/providers/stream/multiplexer.js';
import { startWsServer, waitFor } from '../providers/stream/helpers.js';

const START = Date.UTC(2026, 2, 4, 15, 0, 0);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('parseStreamOptions', () => {
  it('turns argv into options', () => {
    expect(parseStreamOptions(['zork-usd', 'ACME'], { bars: '5m', count: '10', duration: '30s', rate: '50' })).toEqual({
      symbols: ['ZORK-USD', 'ACME'],
      bars: '5m',
      count: 10,
      durationMs: 30_000,
      rate: 50,
    });
  });

  it.each([
    [{ bars: '1wk' }, /--bars must be one of/],
    [{ bars: '2m' }, /--bars must be one of/],
    [{ count: '-1' }, /--count must be a whole number/],
    [{ count: '1.5' }, /--count must be a whole number/],
    [{ rate: '5000' }, /--rate must be a whole number from 1 to 1000/],
    [{ duration: '0s' }, /--duration must be longer than 0/],
  ])('rejects %j', (flags, message) => {
    expect(() => parseStreamOptions(['ACME'], flags)).toThrow(message);
  });
});

/** A pipe that accepts one write and then stays full until `drain()`. */
class SlowPipe implements StreamOutput {
  readonly chunks: string[] = [];
  closed = false;
  #drain: (() => void) | undefined;
  write(text: string): boolean {
    this.chunks.push(text);
    return false;
  }
  once(_event: 'drain', listener: () => void): void {
    this.#drain = listener;
  }
  drain(): void {
    const listener = this.#drain;
    this.#drain = undefined;
    listener?.();
  }
}

describe('runStream', () => {
  it('takes nothing while stdout is full: the stream conflates to the latest state per symbol', async () => {
    const symbols = ['ACME', 'GLOBX', 'QBTX'];
    const server = await startWsServer();
    cleanups.push(() => server.close());
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.server.on('connection', (socket) => {
      socket.once('message', async () => {
        socket.send(tradeFrame('ACME', START, '1', '1'));
        await released;
        for (let i = 1; i <= 30_000; i++) socket.send(tradeFrame(symbols[i % 3]!, START + i, `${i}`, '1'));
      });
    });
    const live = createLiveStream({ adapters: [createDemoStreamAdapter({ url: server.url })] });
    cleanups.push(() => live.close());
    const stdout = new SlowPipe();
    const done = runStream({ symbols }, { stdout, subscribe: (s, c) => live.subscribe(s, c) });
    await waitFor(() => stdout.chunks.length === 1, 'the first write');
    release();
    await waitFor(() => live.stats('demo')?.ticks === 30_001, 'the burst');
    expect(live.heldEvents()).toBe(3); // one latest tick per symbol, however many arrived
    stdout.drain();
    await waitFor(() => stdout.chunks.length === 2, 'the write after the drain');
    const written = stdout.chunks[1]!.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { price: string });
    expect(written.map((e) => Number(e.price)).sort((a, b) => a - b)).toEqual([29_998, 29_999, 30_000]);
    stdout.closed = true; // the reader leaves
    expect(await done).toMatchObject({ reason: 'reader-left' });
  });
});
