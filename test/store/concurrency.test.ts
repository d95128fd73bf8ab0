import { openRaw } from '../helpers/raw-sqlite.js';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { minuteBars } from './make-bars.js';
import { bundleStore } from './store-bundle.js';

/*
 * Real processes, real files: each child runs the bundled store code (openStore, BarRepository,
 * Store.transaction) while the test process writes through the same code. All wait at a barrier
 * (a "go" line on stdin) so their writes really overlap.
 */

function workerSource(bundleUrl: string): string {
  return `
import { openStore, Decimal } from ${JSON.stringify(bundleUrl)};
const [dbPath, id, transactions, barsPerTransaction] = process.argv.slice(2);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const startedMs = Date.now();
const store = openStore(dbPath);
const symbol = 'W' + id;
const per = Number(barsPerTransaction);
for (let t = 0; t < Number(transactions); t++) {
  const bars = [];
  for (let i = 0; i < per; i++) {
    const price = Decimal.of(t * per + i).div(100).plus('10');
    bars.push({ tsMs: (t * per + i) * 60000, open: price, high: price, low: price, close: price, volume: Decimal.of(i) });
  }
  store.transaction(() => {
    store.bars.upsertBars(symbol, '1m', bars);
    // Every process also rewrites the same shared rows, so writes collide on keys too.
    store.bars.upsertBars('SHARED', '1m', bars.slice(0, 5).map((b, i) => ({ ...b, tsMs: i * 60000 })));
    store.coverage.record(symbol, '1m', 'demo', t * per * 60000, (t + 1) * per * 60000, t);
  });
}
store.close();
process.stdout.write(JSON.stringify({ startedMs, endedMs: Date.now() }) + '\\n');
`;
}

interface Worker {
  readonly ready: Promise<void>;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  go(): void;
}

function startWorker(script: string, args: string[]): Worker {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      markReady(); // a worker that died before the barrier must not hang the test
      resolve({ code, stdout, stderr });
    }),
  );
  return { ready, done, go: () => child.stdin.end('go\n') };
}

function spans(stdout: string): { startedMs: number; endedMs: number } {
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  return JSON.parse(line ?? '{}') as { startedMs: number; endedMs: number };
}

let home: TempHome;
let script: string;
beforeAll(async () => {
  home = createTempHome();
  const bundleUrl = await bundleStore(home.path('store-bundle.mjs'));
  script = home.path('worker.mjs');
  writeFileSync(script, workerSource(bundleUrl));
});
afterAll(() => home.cleanup());

describe('two or more processes at once', () => {
  it('write to one database without "database is locked" and lose no row', async () => {
    const path = home.path('shared.db');
    const store = openStore(path);
    const [transactions, per] = [40, 200];
    const workers = [1, 2, 3].map((id) => startWorker(script, [path, String(id), String(transactions), String(per)]));
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());

    const mainStartedMs = Date.now();
    for (let t = 0; t < transactions; t++) {
      store.transaction(() => {
        store.bars.upsertBars('MAIN', '1m', minuteBars(per, t * per * 60_000));
        store.coverage.record('MAIN', '1m', 'demo', t * per * 60_000, (t + 1) * per * 60_000, t);
      });
    }
    const mainEndedMs = Date.now();
    const results = await Promise.all(workers.map((w) => w.done));

    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    for (const symbol of ['W1', 'W2', 'W3', 'MAIN']) {
      expect(store.bars.countBars(symbol, '1m')).toBe(transactions * per);
      expect(store.coverage.isCovered(symbol, '1m', 0, transactions * per * 60_000, 0)).toBe(true);
    }
    expect(store.bars.countBars('SHARED', '1m')).toBe(5);
    // The test means something only if the writers really ran at the same time.
    const all = [...results.map((r) => spans(r.stdout)), { startedMs: mainStartedMs, endedMs: mainEndedMs }];
    expect(Math.max(...all.map((s) => s.startedMs))).toBeLessThan(Math.min(...all.map((s) => s.endedMs)));
    store.close();
  });

  it('open a brand-new file at the same moment: all succeed and it is migrated once', async () => {
    for (const round of [1, 2]) {
      const path = home.path(`fresh-${round}.db`);
      const workers = [1, 2, 3, 4].map((id) => startWorker(script, [path, String(id), '1', '10']));
      await Promise.all(workers.map((w) => w.ready));
      workers.forEach((w) => w.go());
      const results = await Promise.all(workers.map((w) => w.done));
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const db = openRaw(path, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
      expect(db.prepare('SELECT count(*) FROM bars').pluck().get()).toBe(4 * 10 + 5);
      db.close();
    }
  });
});
