// Memory of a dashboard left open: 100 symbols ticking 20 times a second each for N minutes
// (default 10), RSS and live heap sampled every 30 s after a full GC. Two dashboards run side by
// side in child processes for the same minutes: the one `stockato dash` runs (Ink patched by
// scripts/tui-bundle-patches.js, young generation held) and the baseline, the same dashboard on
// the libraries as published with V8's defaults. Usage: node bench/dash-rss.js [minutes]
import { spawn } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const minutes = Number(process.argv[2] ?? 10);
const mb = (bytes) => +(bytes / 1048576).toFixed(1);

if (process.argv[3] === '--child') {
  // Like `stockato dash`, the child only loads a built bundle (no esbuild in this process).
  const { loadDashboard, startDashboard } = await import('./dash-harness.mjs');
  const lib = await loadDashboard(process.argv[4]);
  const sample = (at) => {
    globalThis.gc();
    const m = process.memoryUsage();
    console.log(JSON.stringify({ at, rss: mb(m.rss), heap: mb(m.heapUsed) }));
  };
  sample('before start');
  const dash = startDashboard(lib, { symbols: 100, batchesPerSecond: 20 });
  const started = Date.now();
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (Date.now() - started) / 60000;
      sample(`${elapsed.toFixed(1)} min`);
      if (elapsed >= minutes) {
        clearInterval(timer);
        resolve();
      }
    }, 30_000);
  });
  dash.stop();
  process.exit(0);
}

const { buildDashboard } = await import('./dash-harness.mjs');
const VARIANTS = {
  'stockato dash': { bundle: await buildDashboard({ patched: true, name: `${process.pid}-patched` }), env: {} },
  'baseline: unpatched Ink, V8 defaults': {
    bundle: await buildDashboard({ patched: false, name: `${process.pid}-unpatched` }),
    env: { DASH_BENCH_V8_DEFAULTS: '1' },
  },
};

function run({ bundle, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), String(minutes), '--child', bundle],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`dash-rss child exited ${code}`));
      resolve(out.split('\n').flatMap((line) => (line.startsWith('{') ? [JSON.parse(line)] : [])));
    });
  });
}

const names = Object.keys(VARIANTS);
const results = await Promise.all(names.map((name) => run(VARIANTS[name])));
console.log(`dashboard memory over ${minutes} min, 100 symbols x 20 ticks/s, 160x48, node ${process.version}`);
console.table(
  results[0].map((row, i) =>
    Object.fromEntries([
      ['at', row.at],
      ...names.flatMap((name, v) => [
        [`${name}: RSS MB`, results[v][i]?.rss],
        [`${name}: heap MB`, results[v][i]?.heap],
      ]),
    ]),
  ),
);
for (const [v, name] of names.entries()) {
  const samples = results[v];
  const after1 = samples.find((s) => s.at.startsWith('1.0')) ?? samples[2];
  const last = samples.at(-1);
  console.log(
    `${name}: RSS after 1 min ${after1?.rss} MB, at the end ${last.rss} MB, max ${Math.max(...samples.slice(1).map((s) => s.rss))} MB; heap ${after1?.heap} -> ${last.heap} MB`,
  );
}
