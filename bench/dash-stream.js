// Steady-state output of the dashboard with 50 symbols: bytes written and frames per second, and
// CPU, while every symbol ticks 100 times a second (5,000 ticks/s), beside the same dashboard
// with no ticks (the baseline: clock only). Usage: node bench/dash-stream.js [seconds]
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { loadDashboard, startDashboard } from './dash-harness.mjs';

const seconds = Number(process.argv[2] ?? 15);
const lib = await loadDashboard();

async function measure(name, batchesPerSecond) {
  const dash = startDashboard(lib, { symbols: 50, batchesPerSecond });
  await new Promise((r) => setTimeout(r, 2000)); // first frame, chart load, warm-up
  const bytes0 = dash.terminal.bytes;
  const writes0 = dash.terminal.writes;
  const renders0 = dash.renders();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const row = {
    case: name,
    'bytes/s': Math.round((dash.terminal.bytes - bytes0) / wall),
    'frames written/s': +((dash.terminal.writes - writes0) / wall).toFixed(1),
    'renders/s': +((dash.renders() - renders0) / wall).toFixed(1),
    'CPU %': +((100 * (cpu.user + cpu.system)) / 1e6 / wall).toFixed(1),
  };
  dash.stop();
  return row;
}

const rows = [await measure('50 symbols, no ticks (baseline)', 0), await measure('50 symbols x 100 ticks/s', 100)];
console.log(`dashboard steady state, 160x48, ${seconds} s per case, node ${process.version}`);
console.table(rows);
process.exit(0);
