// Time to the dashboard's first frame, in a real pseudo-terminal (util-linux `script`), beside
// `node -e 0` and a one-off `stockato quote` in the same pty, interleaved. Target: first frame
// within 300 ms. Usage: node bench/dash-first-frame.js [runs]   (build first: npm run build)
// DASH_BENCH_BEFORE=path/to/other/bin/stockato.js adds that build's dash, interleaved (before/after).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../bin/stockato.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'stockato-bench-'));
// A price after the symbol, with or without a style escape between them.
// eslint-disable-next-line no-control-regex -- terminal output is what is matched
const PRICE_SHOWN = /ACME(?:\x1b\[[0-9;]*m|\s)+\d+\.\d+/;
const env = { PATH: process.env.PATH, STOCKATO_HOME: home, TERM: 'xterm-256color', NO_COLOR: '1' };
const node = JSON.stringify(process.execPath);

/** Runs `command` in a 120x40 pty; resolves with ms until each marker first appears in the output. */
function timeInPty(command, markers, quitKey) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${command}`, '/dev/null'], { env });
    const found = {};
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      for (const [name, pattern] of Object.entries(markers)) {
        if (found[name] === undefined && pattern.test(output)) found[name] = performance.now() - start;
      }
      if (quitKey && Object.keys(found).length === Object.keys(markers).length) {
        child.stdin.write(quitKey);
        quitKey = undefined;
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      found.exit = performance.now() - start;
      resolve(found);
    });
    setTimeout(() => child.kill('SIGTERM'), 15_000).unref();
  });
}

const cases = {
  'node -e 0 (baseline)': () => timeInPty(`${node} -e 0`, {}),
  'stockato quote ACME --demo': () => timeInPty(`${node} ${JSON.stringify(bin)} quote ACME --demo`, { output: /ACME/ }),
  'stockato dash --demo': () =>
    timeInPty(
      `${node} ${JSON.stringify(bin)} dash --demo`,
      { 'first frame': /SYMBOL/, 'prices shown': PRICE_SHOWN },
      'q',
    ),
};
const before = process.env.DASH_BENCH_BEFORE;
if (before) {
  cases['stockato quote ACME --demo (DASH_BENCH_BEFORE build)'] = () =>
    timeInPty(`${node} ${JSON.stringify(before)} quote ACME --demo`, { output: /ACME/ });
  cases['stockato dash --demo (DASH_BENCH_BEFORE build)'] = () =>
    timeInPty(
      `${node} ${JSON.stringify(before)} dash --demo`,
      { 'first frame': /SYMBOL/, 'prices shown': PRICE_SHOWN },
      'q',
    );
}

const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (const run of Object.values(cases)) await run(); // warm the file cache and create the database
for (let i = 0; i < runs; i++) {
  for (const [name, run] of Object.entries(cases)) samples[name].push(await run());
}
rmSync(home, { recursive: true, force: true });

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`time in a pty (script), ${runs} interleaved runs, median ms, node ${process.version}`);
const rows = [];
for (const [name, results] of Object.entries(samples)) {
  for (const key of Object.keys(results[0])) {
    rows.push({ case: name, event: key, 'median ms': +median(results.map((r) => r[key])).toFixed(1) });
  }
}
console.table(rows);
