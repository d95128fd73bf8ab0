import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRaw } from '../helpers/raw-sqlite.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, NOW, runBin, runShell } from './run-cli.js';

const TICK_FIELDS = ['type', 'symbol', 'time', 'kind', 'price', 'size', 'bid', 'ask', 'source'];
const BAR_FIELDS = ['type', 'symbol', 'interval', 'time', 'open', 'high', 'low', 'close', 'volume', 'closed', 'source'];
const STATUS_FIELDS = ['type', 'status', 'source', 'message', 'code'];

let home: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('build first: npm run build (npm test does it for you)');
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'stockato-e2e-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('stream', () => {
  it('--demo --count N prints a connected status and N ticks as NDJSON with a stable field set, exit 0', () => {
    const run = runBin(['stream', 'ZORK-USD', 'ACME', '--demo', '--count', '8', '--rate', '20'], home);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const events = lines(run.stdout);
    expect(events[0]).toMatchObject({ type: 'status', status: 'connected', source: 'demo' });
    expect(Object.keys(events[0]!)).toEqual(STATUS_FIELDS);
    const ticks = events.filter((e) => e.type === 'tick');
    expect(ticks).toHaveLength(8);
    for (const tick of ticks) {
      expect(Object.keys(tick)).toEqual(TICK_FIELDS);
      expect(tick.price).toMatch(/^\d+(\.\d+)?$/);
      expect(tick.size).toMatch(/^\d+(\.\d+)?$/);
      expect(Date.parse(tick.time as string)).toBeGreaterThanOrEqual(Date.parse(NOW));
    }
    expect(new Set(ticks.map((t) => t.symbol))).toEqual(new Set(['ZORK-USD', 'ACME']));
  });

  it('--bars 1m prints bars and stores the closed ones in the database', () => {
    // 17:59:57: the first minute closes three seconds in (and is replaced from history).
    const run = runBin(['stream', 'ZORK-USD', '--demo', '--bars', '1m', '--duration', '5s'], home, {
      STOCKATO_NOW: '2026-03-04T17:59:57Z',
    });
    expect(run.status).toBe(0);
    const bars = lines(run.stdout).filter((e) => e.type === 'bar');
    for (const bar of bars) expect(Object.keys(bar)).toEqual(BAR_FIELDS);
    const closed = bars.filter((bar) => bar.closed === true);
    expect(closed.map((bar) => bar.time)).toEqual(['2026-03-04T17:59:00.000Z']);
    const db = openRaw(join(home, 'stockato.db'), { readonly: true });
    const rows = db.prepare("SELECT ts_ms, close FROM bars WHERE symbol = 'ZORK-USD' AND interval = '1m'").all();
    db.close();
    expect(rows).toEqual([{ ts_ms: Date.parse('2026-03-04T17:59:00Z'), close: closed[0]!.close }]);
  });

  it('ends quietly with 0 when the reader leaves (| head -3)', () => {
    const run = runShell('stockato stream ZORK-USD --demo --rate 100 | head -3', home);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toBe('');
  });

  it('ends with 130 on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'stream', 'ZORK-USD', '--demo'], {
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', STOCKATO_HOME: home, STOCKATO_NOW: NOW },
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    expect(code).toBe(130);
  });

  it('a provider without a stream is a usage error (exit 2) naming the ones with one', () => {
    const run = runBin(['stream', 'BTC-USD', '--provider', 'coingecko'], home);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/provider "coingecko" has no live stream/);
    expect(run.stderr).toMatch(/a stream adapter: demo, binance/);
  });

  it('an unknown demo symbol is an error naming it (exit 1), before anything streams', () => {
    const run = runBin(['stream', 'ZORK-USD', 'NOPE', '--demo'], home);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown symbol "NOPE" on demo/);
  });

  it.each([
    [['--bars', '1d'], /--bars must be one of 1m, 5m, 15m, 30m, 1h \(received "1d"\)/],
    [['--count', '0'], /--count must be a whole number from 1/],
    [['--duration', 'soon'], /--duration must be a duration like 30s/],
    [['--csv'], /does not support --csv/],
  ])('rejects %j with exit 2', (args, message) => {
    const run = runBin(['stream', 'ZORK-USD', '--demo', ...args], home);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('demo-exchange', () => {
  it('prints its URL, serves trades to a client, and ends with 130 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'demo-exchange', '--port', '0', '--rate', '10'], {
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', STOCKATO_HOME: home, STOCKATO_NOW: NOW },
    });
    const url = await new Promise<string>((resolve) =>
      child.stdout.once('data', (data) => resolve(String(data).trim())),
    );
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(url);
    const frames: string[] = [];
    socket.on('message', (data) => frames.push(String(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ op: 'subscribe', symbols: ['ZORK-USD'] }));
    const deadline = Date.now() + 5_000;
    while (!frames.some((f) => f.includes('"type":"trade"')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.close();
    expect(frames.some((f) => f.includes('"type":"trade"'))).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    expect(code).toBe(130);
  });
});
