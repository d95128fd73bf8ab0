import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * `dash` must not slow down `quote`: React and Ink live only in chunks that the dash command
 * loads. Checked on the built bundle (dist/, built before the tests) by following imports.
 */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const STATIC = /(?:^|[\n;])\s*(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.[^"']+)["']\s*\)/g;
const REACT_MARKER = 'react.transitional.element';

function importsOf(file: string, pattern: RegExp): string[] {
  const text = readFileSync(file, 'utf8');
  // Only real chunk files: bundled libraries quote import('./x') in comments and examples too.
  return [...text.matchAll(pattern)]
    .map((m) => resolve(dirname(file), m[1] as string))
    .filter((path) => path.endsWith('.js') && existsSync(path));
}

/** Files `start` loads: static imports always, dynamic ones only when `followDynamic`. */
function closure(starts: readonly string[], followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file, STATIC));
    if (followDynamic) queue.push(...importsOf(file, DYNAMIC));
  }
  return seen;
}

const chunk = (name: string) => {
  const file = readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  if (!file) throw new Error(`no ${name} chunk in dist/chunks (run node scripts/build.js)`);
  return join(DIST, 'chunks', file);
};
const hasReact = (files: Set<string>) => [...files].some((f) => readFileSync(f, 'utf8').includes(REACT_MARKER));

describe('lazy loading in the built bundle', () => {
  it('quote (and everything it may load) never reaches React', () => {
    const quote = closure([join(DIST, 'main.js')], false);
    for (const file of closure([chunk('quote')], true)) quote.add(file);
    expect(quote.size).toBeGreaterThan(2);
    expect(hasReact(quote)).toBe(false);
  });

  it('dash does load React (so the check above can tell)', () => {
    expect(hasReact(closure([chunk('dash')], true))).toBe(true);
  });
});
