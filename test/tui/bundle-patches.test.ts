import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { tuiBundlePatches } from '../../scripts/tui-bundle-patches.js';

/*
 * The build patches Ink and its text libraries for speed and memory (scripts/tui-bundle-patches.js).
 * They must not change a single byte of what reaches the terminal: the same scene is bundled with
 * and without them and rendered frame by frame (colors, bold, wide characters, braille, a box that
 * clips lines longer than it and keeps those that fit, text that changes and text that does not).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(ROOT, 'dist', 'test-bundle-patches', String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENE = `
import { render, Box, Text } from 'ink';
import { createElement as h } from 'react';
const rows = (frame) => Array.from({ length: 12 }, (_, i) => {
  const price = (100 + Math.sin(frame + i) * 7).toFixed(2);
  const up = (frame + i) % 3 !== 0;
  return h(Box, { key: i, flexShrink: 0, width: 64 },
    h(Text, { bold: i === frame % 12, inverse: i === 2 }, 'SYM' + String(i).padStart(3, '0') + '  '),
    h(Text, { color: up ? 'green' : 'red' }, price.padStart(9)),
    h(Text, { dimColor: true }, '  ⣿⡇⠉▁▂▃▅▇ 株式 '),
    h(Text, { color: 'cyan', underline: i % 4 === 0 }, up ? '▲' : '▼'),
    h(Text, { color: 'green', italic: i % 2 === 0 }, i % 3 === 0 ? ' past the right edge of the box' : ''));
});
const Scene = ({ frame }) => h(Box, { flexDirection: 'column', width: 70 },
  h(Box, { borderStyle: 'round', borderColor: 'blue', paddingX: 1 },
    h(Text, { color: 'yellow', bold: true }, 'frame ' + frame), h(Text, null, '  static header text')),
  h(Box, { flexDirection: 'row' },
    h(Box, { flexDirection: 'column', width: 40, height: 8, overflow: 'hidden' }, ...rows(frame)),
    h(Box, { flexDirection: 'column', width: 30 },
      h(Text, { wrap: 'truncate' }, 'a long news headline that does not fit in thirty columns ' + frame),
      h(Text, { backgroundColor: 'magenta' }, ' unchanged '),
      h(Text, null, frame % 2 ? 'odd' : 'even'))));
export function frames(count) {
  const written = [];
  const out = { columns: 80, rows: 30, isTTY: true, write: (s) => { written.push(String(s)); return true; }, on() {}, off() {}, removeListener() {} };
  const app = render(h(Scene, { frame: 0 }), { stdout: out, debug: true, patchConsole: false, exitOnCtrlC: false });
  for (let frame = 1; frame < count; frame++) app.rerender(h(Scene, { frame }));
  app.unmount();
  return written;
}
`;

async function bundle(name: string, patched: boolean): Promise<{ frames: (count: number) => string[] }> {
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'scene.js');
  writeFileSync(entry, SCENE);
  await build({
    entryPoints: { [name]: entry },
    outdir: join(dir, name),
    splitting: true, // Ink's devtools stay a lazy import, never loaded
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: patched ? [tuiBundlePatches] : [],
    external: ['react-devtools-core'],
    nodePaths: [join(ROOT, 'node_modules')],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return import(pathToFileURL(join(dir, name, `${name}.js`)).href) as Promise<{ frames: (count: number) => string[] }>;
}

describe('the TUI bundle patches', () => {
  it('write exactly what the unpatched libraries write, frame after frame', async () => {
    process.env['FORCE_COLOR'] = '3'; // read by chalk as the bundles load: colors even without a terminal
    const [patched, plain] = await Promise.all([bundle('patched', true), bundle('plain', false)]);
    const expected = plain.frames(30);
    expect(expected.length).toBeGreaterThanOrEqual(30);
    const text = expected.join('');
    for (const code of ['\x1b[32m', '\x1b[31m', '\x1b[1m', '\x1b[7m', '\x1b[2m', '\x1b[3m'])
      expect(text).toContain(code);
    expect(text).toContain(' past'); // a clipped line, cut at the box's right edge
    expect(text).not.toContain('right edge');
    expect(patched.frames(30)).toEqual(expected);
  }, 30_000);
});
