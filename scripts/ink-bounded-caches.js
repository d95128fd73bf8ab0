// An esbuild plugin that bounds two module-level caches in Ink 6.8 (ink/build/measure-text.js and
// ink/build/wrap-text.js). Ink keeps the size and the wrapped form of every distinct text it ever
// laid out, never emptied; a dashboard with live prices draws new text every frame, so those
// caches grow for as long as it runs (bench/RESULTS.md, "Memory over 10 minutes"). Each cache is
// emptied when it reaches CACHE_LIMIT entries: a frame's texts are measured again once, then hit.
// The build fails if Ink's source no longer has the expected lines (an Ink upgrade must look).
import { readFile } from 'node:fs/promises';

export const CACHE_LIMIT = 2000;

const PATCHES = {
  'measure-text.js': [
    ['cache.set(text, dimensions);', `if (cache.size >= ${CACHE_LIMIT}) cache.clear(); cache.set(text, dimensions);`],
  ],
  'wrap-text.js': [
    ['const cache = {};', 'let cache = {}; let cacheSize = 0;'],
    [
      'cache[cacheKey] = wrappedText;',
      `if (++cacheSize > ${CACHE_LIMIT}) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;`,
    ],
  ],
};

export const inkBoundedCaches = {
  name: 'ink-bounded-caches',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/](measure-text|wrap-text)\.js$/ }, async (args) => {
      const file = args.path.split(/[\\/]/).at(-1);
      let source = await readFile(args.path, 'utf8');
      for (const [from, to] of PATCHES[file]) {
        if (!source.includes(from)) throw new Error(`ink-bounded-caches: "${from}" not found in ${args.path}`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
