import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempHome } from '../helpers/temp-home.js';

/*
 * V8 sizes its heap once per process as it runs, so each case is a new Node process: the module
 * under test (compiled as is), then a steady allocation where part of what is allocated lives a
 * while (a ring of recent ticks), as in a dashboard. Reported: the largest young and old space.
 */
const home = createTempHome();
afterAll(() => home.cleanup());
const source = readFileSync(new URL('../../src/tui/heap-size.ts', import.meta.url), 'utf8');
const modulePath = join(home.dir, 'heap-size.mjs');
writeFileSync(modulePath, transformSync(source, { loader: 'ts', format: 'esm' }).code);

function largestSpaces(keepSmall: boolean): { young: number; old: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { keepHeapSmall } from ${JSON.stringify(modulePath)};
    if (${keepSmall}) keepHeapSmall();
    const size = (name) => getHeapSpaceStatistics().find((s) => s.space_name === name).space_size;
    const ring = new Array(100000);
    let young = 0, old = 0;
    for (let i = 0; i < 1e7; i++) {
      ring[i % ring.length] = { i, text: 'tick ' + i };
      if (i % 10000 === 0) { young = Math.max(young, size('new_space')); old = Math.max(old, size('old_space')); }
    }
    console.log(JSON.stringify({ young, old }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { young: number; old: number };
}

describe('keepHeapSmall', () => {
  // The old-space limit (--heap-growing-percent) shows on Node 20 (old space 47 -> 27 MB here);
  // Node 24's V8 sizes old space differently and is not held by it: only the total is asserted.
  it('holds the young generation, which otherwise grows, and the heap as a whole', () => {
    const MB = 1024 * 1024;
    const free = largestSpaces(false);
    const small = largestSpaces(true);
    expect(free.young).toBeGreaterThanOrEqual(16 * MB);
    expect(small.young).toBeLessThanOrEqual(free.young / 2); // Node 20: 32 -> 2 MB; Node 24: 128 -> 10 MB
    expect(small.young + small.old).toBeLessThan(0.7 * (free.young + free.old));
  }, 30_000);
});
