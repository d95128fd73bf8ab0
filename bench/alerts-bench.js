// Alerts benchmark: `stockato alerts check` with 10,000 rules over 1,000 symbols, every bar from
// the cache (no provider request), as whole processes of the built CLI. Baselines in the same run:
// `node -e 0` and the same check with 0 rules on the same database.
//
//   npm run build && node bench/alerts-bench.js [symbols] [rules-per-symbol]   (default 1000 10)
//   ALERTS_BENCH_KEEP=1 keeps the seeded homes (printed at the end) for `node --cpu-prof` runs.
//   ALERTS_BENCH_BASELINE=/path/to/old/bin/stockato.js also times an earlier build on the same
//   homes, its runs interleaved with this build's (a before/after from one run on a busy machine).
//
// The demo market has 20 symbols only: the setup seeds the cache directly (bars, coverage and
// instruments through the real store code, bundled with esbuild) with synthetic daily bars.
// Target (not enforced): the 10,000-rule check under 1 s for the whole process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadStore } from './store-bundle.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/stockato.js');
const BASELINE_BIN = process.env.ALERTS_BENCH_BASELINE;
const SYMBOLS = Number(process.argv[2] ?? 1000);
const RULES_PER_SYMBOL = Number(process.argv[3] ?? 10);
const NOW = '2026-03-04T18:00:00Z';
const NOW_MS = Date.parse(NOW);
const DAY_MS = 86_400_000;
const BARS = 300;
const RUNS = 5;
const RULES = [
  'close > 100',
  'rsi(14) < 30',
  'sma(10) crosses above sma(20)',
  'close > bb_upper(20, 2)',
  'volume > 2 * avg_volume(20)',
  'ema(12) > ema(26)',
  'macd crosses above macd_signal',
  'close < bb_lower(20, 2) or rsi(14) > 70',
  'atr(14) > 5',
  'not high - low < 2',
];

/** A seeded random walk of daily bars ending today. */
function syntheticBars(Decimal, seed) {
  let state = seed >>> 0 || 1;
  const next = () => (state = (state * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  let close = 50 + next() * 150;
  const bars = [];
  const lastDay = Math.floor(NOW_MS / DAY_MS) * DAY_MS;
  for (let i = BARS - 1; i >= 0; i--) {
    const open = close;
    close = Math.max(1, open * (1 + (next() - 0.5) * 0.06));
    const high = Math.max(open, close) * (1 + next() * 0.01);
    const low = Math.min(open, close) * (1 - next() * 0.01);
    const text = (v) => Decimal.of(v.toFixed(2));
    bars.push({
      tsMs: lastDay - i * DAY_MS,
      open: text(open),
      high: text(high),
      low: text(low),
      close: text(close),
      volume: Decimal.of(Math.round(1e5 + next() * 1e6)),
    });
  }
  return bars;
}

function seed(store, Decimal, symbols, rulesPerSymbol) {
  store.transaction(() => {
    for (let s = 0; s < symbols; s++) {
      const symbol = `SYM${String(s).padStart(4, '0')}`;
      store.bars.upsertBars(symbol, '1d', syntheticBars(Decimal, s + 1));
      store.coverage.record(symbol, '1d', 'demo', NOW_MS - 2 * 365 * DAY_MS, NOW_MS + DAY_MS, NOW_MS);
      store.instruments.upsert(
        { symbol, name: `Synthetic ${s}`, assetClass: 'equity', currency: 'USD', exchange: 'BENCH' },
        'demo',
        NOW_MS,
      );
      for (let r = 0; r < rulesPerSymbol; r++) {
        const rule = RULES[r % RULES.length];
        store.alerts.add(
          { name: undefined, symbol, rule, interval: '1d', cooldownMs: 0, once: false, notify: undefined },
          NOW_MS,
        );
      }
    }
  });
}

const TIME = '/usr/bin/time';

/** Wall time, output lines and (with /usr/bin/time) user + system CPU seconds of one process. */
function timeRun(args, home) {
  const timed = existsSync(TIME);
  const started = performance.now();
  const result = spawnSync(
    timed ? TIME : process.execPath,
    timed ? ['-f', 'cpu %U %S', process.execPath, ...args] : args,
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', STOCKATO_HOME: home, STOCKATO_NOW: NOW, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return {
    ms,
    cpuS: cpu === null ? undefined : Number(cpu[1]) + Number(cpu[2]),
    lines: result.stdout.split('\n').filter(Boolean).length,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('build first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'stockato-alerts-bench-'));
  try {
    const { openStore, Decimal } = await loadStore(dir);
    const empty = join(dir, 'empty');
    const full = join(dir, 'full');
    for (const [home, symbols, rules] of [
      [empty, SYMBOLS, 0],
      [full, SYMBOLS, RULES_PER_SYMBOL],
    ]) {
      spawnSync('mkdir', ['-p', home]);
      const store = openStore(join(home, 'stockato.db'));
      const started = performance.now();
      seed(store, Decimal, symbols, rules);
      store.close();
      console.log(
        `seeded ${home === full ? 'full' : 'empty'}: ${symbols} symbols x ${BARS} bars, ${symbols * rules} alerts in ${(performance.now() - started).toFixed(0)} ms`,
      );
    }
    const check = ['--demo', 'alerts', 'check', '--ndjson'];
    const rows = [];
    const row = (label, runs) =>
      rows.push([
        label,
        median(runs.map((r) => r.ms)),
        Math.min(...runs.map((r) => r.ms)),
        runs.map((r) => r.lines).join('/'),
        runs.every((r) => r.cpuS !== undefined) ? median(runs.map((r) => r.cpuS)) : undefined,
      ]);
    // Each build's runs alternate with the other's, so both see the same load.
    const builds =
      BASELINE_BIN === undefined
        ? [['', BIN]]
        : [
            [' (baseline build)', BASELINE_BIN],
            ['', BIN],
          ];
    const measure = (label, args, home) => {
      const runs = builds.map(() => []);
      for (let i = 0; i < RUNS; i++) builds.forEach(([, bin], b) => runs[b].push(timeRun(args(bin), home)));
      builds.forEach(([suffix], b) => row(`${label}${suffix}`, runs[b]));
    };
    row(
      'node -e 0 (baseline)',
      Array.from({ length: RUNS }, () => timeRun(['-e', '0'], empty)),
    );
    measure(`alerts check, 0 rules (baseline)`, (bin) => [bin, ...check], empty);
    const rules = SYMBOLS * RULES_PER_SYMBOL;
    if (BASELINE_BIN === undefined) {
      row(`alerts check, ${rules} rules, first run (fires)`, [timeRun([BIN, ...check], full)]);
    } else {
      // The first run fires and changes the state: each build gets its own copy of the seeded home.
      const copy = join(dir, 'full-baseline');
      cpSync(full, copy, { recursive: true });
      row(`alerts check, ${rules} rules, first run (fires) (baseline build)`, [
        timeRun([BASELINE_BIN, ...check], copy),
      ]);
      row(`alerts check, ${rules} rules, first run (fires)`, [timeRun([BIN, ...check], full)]);
    }
    measure(`alerts check, ${rules} rules, steady state`, (bin) => [bin, ...check], full);
    console.log(
      `\n${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, node ${process.version}, median of ${RUNS}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    console.log('| case | median wall | best wall | median CPU (user + sys) | fired lines |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [label, med, best, lines, cpu] of rows)
      console.log(
        `| ${label} | ${med.toFixed(0)} ms | ${best.toFixed(0)} ms | ${cpu === undefined ? 'n/a' : `${cpu.toFixed(2)} s`} | ${lines} |`,
      );
  } finally {
    if (process.env.ALERTS_BENCH_KEEP) console.log(`kept ${dir} (full/ and empty/ homes for profiling)`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
