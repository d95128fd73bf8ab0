// Indicator benchmark: streaming updates per second for every indicator, at its default periods
// and at ten times them (O(1) indicators keep their speed, windowed rescans slow down), plus the
// cost of revising the open bar. Baseline from the same run: a hand-written running-sum SMA(20)
// over the same bars (reading each close with toNumber, as every indicator must), the cheapest
// indicator loop there can be. Each figure is the median of 3 timed runs after a warm-up.
//
//   node bench/indicators-bench.js [bars]     (default 50,000)
//
// Self-contained: bundles src/engine/indicators with esbuild into a temp folder (no build step).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BAR_COUNT = Number(process.argv[2] ?? 50_000);

async function loadEngine(dir) {
  const outfile = join(dir, 'indicators-bundle.mjs');
  await build({
    stdin: {
      contents:
        "export * from './src/engine/indicators/index.ts';\nexport { Decimal } from './src/engine/decimal.ts';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

/** A deterministic random walk (no Math.random: the same bars every run). */
function makeBars(Decimal, count) {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  let close = 100;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = Math.max(1, open * (1 + (next() - 0.5) * 0.04));
    const high = Math.max(open, close) * (1 + next() * 0.01);
    const low = Math.min(open, close) * (1 - next() * 0.01);
    const cents = (x) => Decimal.of(x.toFixed(2));
    return {
      tsMs: i * 60_000,
      open: cents(open),
      high: cents(high),
      low: cents(low),
      close: cents(close),
      volume: Decimal.of(Math.round(next() * 1e6)),
    };
  });
}

function perSecond(run) {
  run(); // warm-up
  const rates = [0, 1, 2].map(() => {
    const started = performance.now();
    const count = run();
    return count / ((performance.now() - started) / 1000);
  });
  return rates.sort((a, b) => a - b)[1];
}

function baselineSma(bars, period) {
  return () => {
    const window = new Float64Array(period);
    let sum = 0;
    let last = 0;
    for (let i = 0; i < bars.length; i++) {
      const close = bars[i].close.toNumber();
      sum += close - window[i % period];
      window[i % period] = close;
      if (i >= period - 1) last = sum / period;
    }
    if (last < 0) throw new Error('unreachable');
    return bars.length;
  };
}

function scaled(engine, name, factor) {
  const definition = engine.INDICATORS[name];
  const params = Object.fromEntries(
    definition.params.map((param) => [param.key, param.kind === 'period' ? param.default * factor : param.default]),
  );
  const checked = engine.validateIndicatorSpec(name, params);
  return checked.ok ? checked.spec : undefined;
}

const dir = mkdtempSync(join(tmpdir(), 'stockato-ind-bench-'));
try {
  const engine = await loadEngine(dir);
  const bars = makeBars(engine.Decimal, BAR_COUNT);
  const baseline = perSecond(baselineSma(bars, 20));
  console.log(`${BAR_COUNT.toLocaleString('en')} bars, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);
  console.log(
    `baseline: hand-written running-sum SMA(20) over the bars: ${Math.round(baseline).toLocaleString('en')} bars/s\n`,
  );
  console.log(
    '| indicator | default periods, bars/s | 10x periods, bars/s | 10x / default | update + replace, bars/s | default / baseline |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const name of engine.INDICATOR_NAMES) {
    const updates = (spec) => () => {
      const stream = engine.createIndicator(spec);
      for (const bar of bars) stream.update(bar);
      return bars.length;
    };
    const revised = (spec) => () => {
      const stream = engine.createIndicator(spec);
      for (const bar of bars) {
        stream.update(bar);
        stream.replace(bar);
      }
      return bars.length;
    };
    const normal = scaled(engine, name, 1);
    const long = scaled(engine, name, 10);
    const fast = perSecond(updates(normal));
    const slow =
      long && engine.INDICATORS[name].params.some((p) => p.kind === 'period') ? perSecond(updates(long)) : undefined;
    const withReplace = perSecond(revised(normal));
    const format = (n) => Math.round(n).toLocaleString('en');
    console.log(
      `| \`${engine.formatIndicatorSpec(normal)}\` | ${format(fast)} | ${slow === undefined ? 'n/a' : format(slow)} | ${
        slow === undefined ? 'n/a' : (slow / fast).toFixed(2)
      } | ${format(withReplace)} | ${(fast / baseline).toFixed(3)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
