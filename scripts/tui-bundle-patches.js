// An esbuild plugin with three small source patches to the TUI's libraries, each checked: the
// build fails if a library's source no longer has the expected text (an upgrade must look again).
//
// 1, 2. Ink 6.8 keeps the size (ink/build/measure-text.js) and the wrapped form
//    (ink/build/wrap-text.js) of every distinct text it ever laid out in module-level caches that
//    are never emptied; a dashboard with live prices draws new text every frame, so the heap grew
//    for as long as it ran (bench/RESULTS.md, "Memory"). Each cache is now emptied when it reaches
//    CACHE_LIMIT entries: the texts of the current frame are measured once more, then hit again.
// 3. Yoga's WebAssembly loader (yoga-layout, used by Ink) asks `typeof fetch` before decoding its
//    embedded base64 module; in Node that first touch of `fetch` loads undici (~50 ms at start-up,
//    before the first frame). The module is always embedded, so it is decoded directly.
import { readFile } from 'node:fs/promises';

export const CACHE_LIMIT = 2000;

const PATCHES = [
  {
    file: /[\\/]ink[\\/]build[\\/]measure-text\.js$/,
    edits: [
      ['cache.set(text, dimensions);', `if (cache.size >= ${CACHE_LIMIT}) cache.clear(); cache.set(text, dimensions);`],
    ],
  },
  {
    file: /[\\/]ink[\\/]build[\\/]wrap-text\.js$/,
    edits: [
      ['const cache = {};', 'let cache = {}; let cacheSize = 0;'],
      [
        'cache[cacheKey] = wrappedText;',
        `if (++cacheSize > ${CACHE_LIMIT}) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;`,
      ],
    ],
  },
  {
    file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [['return w||"function"!=typeof fetch?', 'return w||true?']],
  },
];

export const tuiBundlePatches = {
  name: 'tui-bundle-patches',
  setup(build) {
    for (const { file, edits } of PATCHES) {
      build.onLoad({ filter: file }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (!source.includes(from)) throw new Error(`tui-bundle-patches: "${from}" not found in ${args.path}`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};
