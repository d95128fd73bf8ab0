import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/providers/router/router.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createTempHome, type TempHome } from '../../helpers/temp-home.js';
import { bundleStore } from '../../store/store-bundle.js';
import { FakeProvider, ManualClock, T0, failures, sources } from './fakes.js';

const DAY_MS = 86_400_000;
const NEXT_DAY = Math.ceil(T0 / DAY_MS) * DAY_MS;

let home: TempHome;
let stores: Store[];
beforeEach(() => {
  home = createTempHome();
  stores = [];
});
afterEach(() => {
  for (const store of stores) store.close();
  home.cleanup();
});

/** A new connection to the same file, as another process would open it. */
function open(): Store {
  const store = openStore(home.path('stockato.db'));
  stores.push(store);
  return store;
}

describe('BudgetRepository (SQLite)', () => {
  it('two stores on one file share the daily budget and never spend more than it', () => {
    const [first, second] = [open(), open()];
    const limits = { perDay: 5 };
    const granted = Array.from({ length: 8 }, (_, i) => {
      const store = i % 2 === 0 ? first : second;
      return store.budgets.tryConsume('yahoo', T0 + i * 1000, limits).ok;
    });
    expect(granted.filter(Boolean)).toHaveLength(5);
    expect(first.budgets.usage('yahoo', T0)).toEqual({ minute: 5, day: 5 });
    expect(second.budgets.tryConsume('yahoo', T0, limits)).toEqual({
      ok: false,
      reason: 'per-day',
      retryAtMs: NEXT_DAY,
    });
    expect(first.budgets.tryConsume('yahoo', NEXT_DAY, limits).ok).toBe(true);
  });

  it('counts per minute in clock-minute windows', () => {
    const store = open();
    const minuteStart = Math.floor(T0 / 60_000) * 60_000;
    expect(store.budgets.tryConsume('a', T0, { perMinute: 1 }).ok).toBe(true);
    expect(store.budgets.tryConsume('a', T0, { perMinute: 1 })).toEqual({
      ok: false,
      reason: 'per-minute',
      retryAtMs: minuteStart + 60_000,
    });
    expect(store.budgets.tryConsume('a', minuteStart + 60_000, { perMinute: 1 }).ok).toBe(true);
  });

  it('a Retry-After written by one store holds the other back until it passes, across a day boundary', () => {
    const [first, second] = [open(), open()];
    first.budgets.blockUntil('yahoo', T0, NEXT_DAY + 1000);
    first.budgets.blockUntil('yahoo', T0, T0 + 10); // an earlier block never shortens a later one
    expect(second.budgets.tryConsume('yahoo', NEXT_DAY + 999, {})).toEqual({
      ok: false,
      reason: 'retry-after',
      retryAtMs: NEXT_DAY + 1000,
    });
    expect(second.budgets.tryConsume('yahoo', NEXT_DAY + 1000, {}).ok).toBe(true);
  });

  it('a router in the next process respects the Retry-After the previous one received', async () => {
    const clock = new ManualClock();
    const yahoo = new FakeProvider('yahoo');
    yahoo.throwAll = failures.rateLimited('yahoo', 60_000);
    await createRouter({ chain: [yahoo], clock, budgets: open().budgets }).getQuotes(['AAPL']);
    const nextRun = new FakeProvider('yahoo');
    const fallback = new FakeProvider('demo');
    const router = createRouter({ chain: [nextRun, fallback], clock, budgets: open().budgets });
    expect(sources(await router.getQuotes(['AAPL']))).toEqual({ AAPL: 'demo' });
    expect(nextRun.calls).toBe(0);
  });
});

describe('BudgetRepository across real processes', () => {
  it('overlapping processes together never spend more than the daily limit', async () => {
    const bundleUrl = await bundleStore(home.path('store-bundle.mjs'));
    const script = home.path('worker.mjs');
    writeFileSync(script, workerSource(bundleUrl));
    open().close(); // create and migrate the file once, so workers only contend for budgets
    const workers = [0, 1, 2].map(() => startWorker(script, [home.path('stockato.db'), String(T0)]));
    await Promise.all(workers.map((w) => w.ready));
    for (const worker of workers) worker.go();
    const granted = await Promise.all(workers.map((w) => w.granted));
    expect(granted.reduce((sum, n) => sum + n, 0)).toBe(LIMIT);
    expect(open().budgets.usage('yahoo', T0).day).toBe(LIMIT);
  }, 30_000);
});

const LIMIT = 150;

/**
 * Each worker opens the store, waits at a barrier (a "go" line on stdin) so that all of them
 * spend at once, tries 100 requests against the shared daily limit and prints how many it got.
 */
function workerSource(bundleUrl: string): string {
  return `
import { openStore } from ${JSON.stringify(bundleUrl)};
const [dbPath, nowMs] = process.argv.slice(2);
const store = openStore(dbPath);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
let granted = 0;
for (let i = 0; i < 100; i++) if (store.budgets.tryConsume('yahoo', Number(nowMs), { perDay: ${LIMIT} }).ok) granted++;
store.close();
process.stdout.write('granted ' + granted + '\\n');
`;
}

interface Worker {
  readonly ready: Promise<void>;
  readonly granted: Promise<number>;
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
  const granted = new Promise<number>((resolve, reject) =>
    child.on('close', (code) => {
      markReady(); // a worker that died before the barrier must not hang the test
      const match = /granted (\d+)/.exec(stdout);
      if (code === 0 && match) resolve(Number(match[1]));
      else reject(new Error(`worker exited ${code}: ${stderr}`));
    }),
  );
  return { ready, granted, go: () => child.stdin.end('go\n') };
}
