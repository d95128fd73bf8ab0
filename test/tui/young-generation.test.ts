import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempHome } from '../helpers/temp-home.js';

/*
 * V8's young generation grows once per process, so each case runs in a new Node process: the
 * module under test (compiled as is), then a steady allocation with survivors, as a dashboard's.
 */
const home = createTempHome();
afterAll(() => home.cleanup());
const source = readFileSync(new URL('../../src/tui/young-generation.ts', import.meta.url), 'utf8');
const modulePath = join(home.dir, 'young-generation.mjs');
writeFileSync(modulePath, transformSync(source, { loader: 'ts', format: 'esm' }).code);

function newSpaceAfterChurn(hold: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { holdYoungGeneration } from ${JSON.stringify(modulePath)};
    if (${hold}) holdYoungGeneration();
    const kept = [];
    for (let i = 0; i < 2e6; i++) {
      const item = { i, text: 'tick ' + i };
      if (i % 3 === 0) kept.push(item);
      if (kept.length > 50000) kept.length = 0;
    }
    console.log(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return Number(result.stdout.trim());
}

describe('holdYoungGeneration', () => {
  it('keeps the young generation at its size under steady allocation, which otherwise grows it', () => {
    const MB = 1024 * 1024;
    expect(newSpaceAfterChurn(false)).toBeGreaterThanOrEqual(16 * MB);
    expect(newSpaceAfterChurn(true)).toBeLessThanOrEqual(4 * MB);
  });
});
