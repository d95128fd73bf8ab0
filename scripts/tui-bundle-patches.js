// An esbuild plugin with small source patches to the TUI's libraries, each checked: the
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
// 4. Ink's Output (ink/build/output.js) turns every frame into a grid of one object per cell, and
//    its caches of each line's styled characters and of each character's width live only as long
//    as one frame; a 160x48 dashboard allocated ~17 MB a frame (bench/RESULTS.md, "Memory"). Each
//    frame's caches now look in the previous frame's before computing (what did not change is not
//    tokenized again; only two frames are ever held), and blank cells share one frozen object.
//    A line inside a clipping box that fits it whole is kept as it is instead of being cut by
//    slice-ansi to its own width, and laying out a text node (ink/build/render-node-to-output.js)
//    reads its width from the cached measure (patch 1) instead of measuring it again each frame.
// 5. Turning a row of cells back into text (@alcalzone/ansi-tokenize styledCharsToString) diffed
//    the styles of every cell with its neighbour's, building three Sets and two arrays each time,
//    even for two unstyled cells. Equal style lists have an empty diff, so that case is skipped:
//    the output is the same string.
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
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    edits: [
      ['class OutputCaches {', 'class OutputCaches {\n    previous;'],
      [
        'cached = styledCharsFromTokens(tokenize(line));',
        'cached = this.previous?.styledChars.get(line) ?? styledCharsFromTokens(tokenize(line));',
      ],
      ['cached = stringWidth(text);', 'cached = this.previous?.widths.get(text) ?? stringWidth(text);'],
      [
        'export default class Output {',
        [
          'let lastFrameCaches;',
          'const nextFrameCaches = () => {',
          '    const frame = new OutputCaches();',
          '    if (lastFrameCaches) lastFrameCaches.previous = undefined;',
          '    frame.previous = lastFrameCaches;',
          '    return (lastFrameCaches = frame);',
          '};',
          "const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });",
          'export default class Output {',
        ].join('\n'),
      ],
      ['caches = new OutputCaches();', 'caches = nextFrameCaches();'],
      ['return sliceAnsi(line, from, to);', 'return from === 0 && to >= width ? line : sliceAnsi(line, from, to);'],
      [
        "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
        'row.push(BLANK_CELL);',
      ],
    ],
  },
  {
    file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
    edits: [
      ["import widestLine from 'widest-line';", "import measureText from './measure-text.js';"],
      ['const currentWidth = widestLine(text);', 'const currentWidth = measureText(text).width;'],
    ],
  },
  {
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    edits: [
      [
        'export function styledCharsToString(chars) {',
        'const sameStyles = (a, b) => a === b || (a.length === b.length && a.every((code, i) => code.code === b[i].code));\nexport function styledCharsToString(chars) {',
      ],
      [
        '        else {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '        else if (!sameStyles(chars[i - 1].styles, char.styles)) {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
      ['        if (i === chars.length - 1) {', '        if (i === chars.length - 1 && char.styles.length > 0) {'],
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
