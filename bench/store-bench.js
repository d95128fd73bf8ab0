// Store benchmark: bulk bar writes and range reads, each beside a raw better-sqlite3 baseline
// measured in the same run on the same kind of file (WAL, synchronous NORMAL, same schema).
//
//   node bench/store-bench.js [bars]      (default 1,000,000; add --expose-gc before the script for steadier reads)
//
// Self-contained: bundles src/store with esbuild into a temp folder, so it needs no build step.
// Targets (not enforced): upsertBars >= 500k bars/s; a 10k-bar getBars under 15 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStore } from './store-bundle.mjs';
import { performance } from 'node:perf_hooks';

const BAR_COUNT = Number(process.argv[2] ?? 1_000_000);
const READ_BARS = 10_000;
const READ_RUNS = 20;
const MINUTE_MS = 60_000;
const START_MS = Date.UTC(2020, 0, 1);

/** Canonical decimal text of units / 10^4 (no trailing zeros), as Decimal.toString() writes it. */
function price(units) {
  const whole = Math.trunc(units / 10_000);
  const frac = String(units % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

/** A seeded random walk: rows of [tsMs, open, high, low, close, volume] as text. */
function generateRows(count) {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const rows = new Array(count);
  let close = 1_500_000; // 150.0000
  for (let i = 0; i < count; i++) {
    const open = close;
    close = Math.max(10_000, open + Math.round((random() - 0.5) * 2_000));
    const high = Math.max(open, close) + Math.round(random() * 500);
    const low = Math.min(open, close) - Math.round(random() * 500);
    const volume = String(Math.round(random() * 1_000_000));
    rows[i] = [START_MS + i * MINUTE_MS, price(open), price(high), price(low), price(close), volume];
  }
  return rows;
}

function toBars(Decimal, rows) {
  return rows.map(([tsMs, open, high, low, close, volume]) => ({
    tsMs,
    open: Decimal.fromCanonical(open),
    high: Decimal.fromCanonical(high),
    low: Decimal.fromCanonical(low),
    close: Decimal.fromCanonical(close),
    volume: Decimal.fromCanonical(volume),
  }));
}

function timeMs(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function rawInsert(db, rows, upsert) {
  const statement = db.prepare(
    'INSERT INTO bars (symbol, interval, ts_ms, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)' +
      (upsert
        ? ' ON CONFLICT (symbol, interval, ts_ms) DO UPDATE SET open = excluded.open, high = excluded.high,' +
          ' low = excluded.low, close = excluded.close, volume = excluded.volume'
        : ''),
  );
  return timeMs(() =>
    db
      .transaction(() => {
        for (const r of rows) statement.run('BENCH', '1m', r[0], r[1], r[2], r[3], r[4], r[5]);
      })
      .immediate(),
  );
}

function measureReads(label, read) {
  for (let i = 0; i < 5; i++) read();
  const runs = Array.from({ length: READ_RUNS }, () => timeMs(read));
  return { label, ms: median(runs) };
}

function measureWrites(openStore, Decimal, dir) {
  const rows = generateRows(BAR_COUNT);
  const bars = toBars(Decimal, rows);
  const results = [];
  // Each case writes into a fresh file made by openStore: same schema, pragmas and WAL.
  const write = (label, file, run) => {
    const store = openStore(join(dir, file));
    results.push({ label, count: BAR_COUNT, ms: run(store) });
    store.close();
  };
  const upsertAll = (store) => timeMs(() => store.bars.upsertBars('BENCH', '1m', bars));
  write('raw INSERT, 1 row per run() (baseline)', 'raw.db', (s) => rawInsert(s.db, rows, false));
  write('raw INSERT ... ON CONFLICT, 1 row per run()', 'raw-upsert.db', (s) => rawInsert(s.db, rows, true));
  write('BarRepository.upsertBars, new rows', 'repo.db', upsertAll);
  write('BarRepository.upsertBars, same rows again', 'repo.db', upsertAll);
  return results;
}

/** Reads run after the 1M generated bars are garbage, so their GC cost does not leak in. */
function measureRangeReads(openStore, dir) {
  const store = openStore(join(dir, 'repo.db'));
  const fromMs = START_MS + Math.floor(BAR_COUNT / 2) * MINUTE_MS;
  const toMs = fromMs + READ_BARS * MINUTE_MS;
  const rawAll = store.db.prepare(
    'SELECT ts_ms, open, high, low, close, volume FROM bars WHERE symbol = ? AND interval = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms',
  );
  const rawArrays = store.db.prepare(rawAll.source).raw();
  const args = ['BENCH', '1m', fromMs, toMs];
  const count = store.bars.getBars(...args).length;
  const reads = [
    measureReads('raw .all() objects (baseline)', () => rawAll.all(...args)),
    measureReads('raw .raw().all() arrays, no Decimal', () => rawArrays.all(...args)),
    measureReads('BarRepository.getBars', () => store.bars.getBars(...args)),
  ];
  store.close();
  return { reads, count };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'stockato-bench-'));
  try {
    const { openStore, Decimal } = await loadStore(dir);
    const writes = measureWrites(openStore, Decimal, dir);
    globalThis.gc?.();
    const { reads, count } = measureRangeReads(openStore, dir);
    print(writes, reads, count);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(writes, reads, readCount) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`store bench: node ${process.version}, ${cpus().length} x ${cpu}, ${new Date().toISOString()}`);
  console.log(`\nwrites (${writes[0].count.toLocaleString('en')} bars, one transaction each)`);
  const base = writes[0].ms;
  for (const w of writes) {
    const rate = Math.round(w.count / (w.ms / 1000)).toLocaleString('en');
    console.log(
      `  ${w.label.padEnd(48)} ${w.ms.toFixed(0).padStart(7)} ms ${rate.padStart(11)} bars/s  ${(base / w.ms).toFixed(2)}x baseline speed`,
    );
  }
  console.log(`\nreads (${readCount.toLocaleString('en')} rows, median of ${READ_RUNS} after 5 warm-up runs)`);
  const readBase = reads[0].ms;
  for (const r of reads) {
    console.log(
      `  ${r.label.padEnd(48)} ${r.ms.toFixed(2).padStart(7)} ms  ${(r.ms / readBase).toFixed(2)}x baseline time`,
    );
  }
}

await main();
