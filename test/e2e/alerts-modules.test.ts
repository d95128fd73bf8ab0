import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { BIN, NOW, OFFLINE_ENDPOINTS, runBin } from './run-cli.js';

/** A module-loader hook that writes every URL the process loads to $LOADED_LOG. */
const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}`;

let home: TempHome;
beforeAll(() => {
  if (!existsSync(BIN) || !existsSync(join(BIN, '../../dist/main.js'))) {
    throw new Error('build first: npm run build (npm test does it for you)');
  }
});
beforeEach(() => {
  home = createTempHome();
});
afterEach(() => home.cleanup());

/** Runs `alerts check` and returns the bundled sources of every file it loaded. */
function checkLoading(): { status: number | null; sources: string[] } {
  const log = home.path('loaded.txt');
  writeFileSync(log, '');
  const register = home.path('register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});\n`,
  );
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(register).href, BIN, '--demo', 'alerts', 'check', '--ndjson'],
    {
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '',
        NO_COLOR: '1',
        STOCKATO_HOME: home.dir,
        STOCKATO_NOW: NOW,
        LOADED_LOG: log,
        ...OFFLINE_ENDPOINTS,
      },
    },
  );
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  // The bundle is minified; its source maps name every module a chunk holds.
  const sources = files.flatMap((file) => [file, ...mappedSources(file)]);
  return { status: result.status, sources };
}

function mappedSources(file: string): string[] {
  const map = `${file}.map`;
  return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources : [];
}

const notifiers = (sources: readonly string[]) =>
  sources.filter((s) => /node_modules\/undici\/|src\/notify\/(deliver|webhook|command)\.ts/.test(s));

describe('alerts check loads the notifiers (and undici) only when a delivery is due', () => {
  it('does not load them when nothing is to be delivered', () => {
    expect(runBin(['alerts', 'add', 'ACME', 'price > 1', '--demo'], home.dir).status).toBe(0);
    const { status, sources } = checkLoading(); // fires, to stdout only: nothing in the outbox
    expect(status).toBe(0);
    expect(sources.some((s) => s.includes('src/services/alerts/record.ts'))).toBe(true);
    expect(notifiers(sources)).toEqual([]);
  });

  it('loads them when a firing has a delivery', () => {
    const hook = home.path('hook.txt');
    const notify = `cmd:echo ran > ${hook}`;
    expect(runBin(['alerts', 'add', 'ACME', 'price > 1', '--notify', notify, '--demo'], home.dir).status).toBe(0);
    const { status, sources } = checkLoading();
    expect(status).toBe(0);
    expect(readFileSync(hook, 'utf8')).toBe('ran\n');
    expect(notifiers(sources).length).toBeGreaterThan(0);
  });
});
