// Cold start of a one-off quote against bare `node -e 0`, measured in the same run, interleaved so
// that machine noise hits both alike. Target (issue 2): at most 1.5x the baseline.
// Usage: node bench/startup.js [runs]   (build first: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 40);
const bin = fileURLToPath(new URL('../bin/stockato.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'stockato-bench-'));
const env = { PATH: process.env.PATH, STOCKATO_HOME: home, NO_COLOR: '1' };

const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'stockato quote ACME --demo --json': [process.execPath, [bin, 'quote', 'ACME', '--demo', '--json']],
  'stockato --version': [process.execPath, [bin, '--version']],
};

function timeOnce([cmd, args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (const spec of Object.values(cases)) timeOnce(spec); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const [name, spec] of Object.entries(cases)) samples[name].push(timeOnce(spec));
}
rmSync(home, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const baseline = median(samples['node -e 0']);
console.log(`cold start, ${runs} interleaved runs each, node ${process.version}`);
console.log('case'.padEnd(38), 'median ms'.padStart(10), 'min ms'.padStart(8), 'ratio'.padStart(7));
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(
    name.padEnd(38),
    m.toFixed(1).padStart(10),
    Math.min(...xs)
      .toFixed(1)
      .padStart(8),
    (m / baseline).toFixed(2).padStart(7),
  );
}
