import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles the real store code (openStore, Decimal) into one ES module at `outFile`, so that child
 * processes in concurrency tests run exactly the code under test without a build step.
 * better-sqlite3 stays external, imported by absolute URL because `outFile` lives outside the repo.
 * Returns the file URL to import.
 */
export async function bundleStore(outFile: string): Promise<string> {
  const sqliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  await build({
    stdin: {
      contents: [
        "export { openStore } from './src/store/store.ts';",
        "export { Decimal } from './src/engine/decimal.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: outFile,
    logLevel: 'silent',
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqliteUrl, external: true }));
        },
      },
    ],
  });
  return pathToFileURL(outFile).href;
}
