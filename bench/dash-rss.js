// Memory of a dashboard left open: 100 symbols ticking 20 times a second each for N minutes
// (default 10), RSS and heap sampled every 30 s. The baseline is the same process after its
// first minute. Usage: node --expose-gc bench/dash-rss.js [minutes]
import { clearInterval, setInterval } from 'node:timers';
import { loadDashboard, startDashboard } from './dash-harness.mjs';

const minutes = Number(process.argv[2] ?? 10);
const lib = await loadDashboard();
const mb = (bytes) => +(bytes / 1048576).toFixed(1);
const samples = [];
const sample = (label) => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  samples.push({ at: label, 'RSS MB': mb(m.rss), 'heap used MB': mb(m.heapUsed) });
  console.log(JSON.stringify(samples.at(-1)));
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
console.log(`dashboard RSS over ${minutes} min, 100 symbols x 20 ticks/s, 160x48, node ${process.version}`);
console.table(samples);
const after1 = samples.find((s) => s.at.startsWith('1.0')) ?? samples[2];
const last = samples.at(-1);
console.log(
  `RSS after 1 min ${after1['RSS MB']} MB (baseline), at the end ${last['RSS MB']} MB, max ${Math.max(...samples.map((s) => s['RSS MB']))} MB`,
);
process.exit(0);
