// Bundles the CLI into dist/ with esbuild: one small entry chunk, and a chunk per lazily loaded
// command or library, so that start-up reads few files (see bench/RESULTS.md for why).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { tuiBundlePatches } from './tui-bundle-patches.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addons cannot be bundled; they resolve from node_modules at run time. Ink imports
  // react-devtools-core only when DEV is set; it is not installed.
  external: ['better-sqlite3', '@napi-rs/keyring', 'react-devtools-core'],
  // Bundled CommonJS (commander) calls require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // React's production build only (its development build is twice the size, several times
  // slower per frame); nothing else in the bundle reads NODE_ENV.
  define: { __STOCKATO_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // Smaller chunks parse and compile faster (the dashboard's React/Ink chunk 1.7 MB -> ~0.45 MB).
  // keepNames: errors take their name from their class (src/errors.ts).
  minify: true,
  keepNames: true,
  plugins: [tuiBundlePatches],
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
