// Shared by the store and alerts benchmarks (not a benchmark itself: run-all.js runs only *.js).
// Bundles the real store code (src/store, with Decimal) with esbuild into `dir` and imports it, so
// a benchmark can seed or time the store without a build step; better-sqlite3 stays the
// installed native module.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function loadStore(dir) {
  const sqliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  const outfile = join(dir, 'store-bundle.mjs');
  await build({
    stdin: {
      contents:
        "export { openStore } from './src/store/store.ts';\nexport { Decimal } from './src/engine/decimal.ts';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqliteUrl, external: true }));
        },
      },
    ],
  });
  return import(pathToFileURL(outfile).href);
}
