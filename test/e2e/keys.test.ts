import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { describeWithSecretService, testService } from '../secrets/secret-service.js';
import { BIN, NOW, type CliRun } from './run-cli.js';

let home: TempHome;
let service: string;
beforeAll(() => {
  if (!existsSync(join(BIN, '../../dist/main.js')))
    throw new Error('build first: npm run build (npm test does it for you)');
});
beforeEach(() => {
  home = createTempHome();
  service = testService();
});
afterEach(() => home.cleanup());

/** The built binary with its own home and keychain service, optionally fed `input` on stdin. */
function stockato(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: {
      PATH: process.env['PATH'] ?? '',
      NO_COLOR: '1',
      STOCKATO_HOME: home.dir,
      STOCKATO_NOW: NOW,
      STOCKATO_KEYCHAIN_SERVICE: service,
      ...(process.env['DBUS_SESSION_BUS_ADDRESS']
        ? { DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] }
        : {}),
      ...options.env,
    },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file a key must never reach: the database (with its log) and the config file. */
function storedFiles(): string[] {
  return ['stockato.db', 'stockato.db-wal', 'stockato.db-shm', 'config.yaml']
    .map((name) => home.path(name))
    .filter((path) => existsSync(path) && statSync(path).isFile());
}

/** Commands run with --debug, several failing on purpose, the key given to some of them as input. */
function exercise(key: string, env: Record<string, string> = {}): { runs: CliRun[]; labels: string[] } {
  const plan: Array<[string[], string?]> = [
    [['keys', 'list', '--debug']],
    [['keys', 'list', '--json', '--debug']],
    [['doctor', '--debug']],
    [['doctor', '--json', '--debug']],
    [['history', 'ACME', '--demo', '--range', '5d', '--debug']], // creates the database
    [['quote', 'ACME', 'NOPE', '--demo', '--debug']], // fails for NOPE
    [['keys', 'set', 'polygon', key, '--debug']], // the key as an argument: refused
    [['keys', 'set', 'alpaca', '--stdin', '--debug'], key], // not KEY_ID:SECRET_KEY: refused
    [['keys', 'set', 'polygon', '--stdin', '--json', '--debug'], `${key} ${key}`], // a space: refused
    [['keys', 'get', 'nope', '--debug']],
    [['config', 'set', 'keys.store', 'keychain', '--debug']],
    [['config', 'list', '--json', '--debug']],
    [['doctor', '--debug'], key],
  ];
  const runs = plan.map(([args, input]) => stockato(args, { ...(input === undefined ? {} : { input }), env }));
  return { runs, labels: plan.map(([args]) => args.join(' ')) };
}

function expectNoLeak(key: string, runs: readonly CliRun[], labels: readonly string[]): void {
  for (const [i, run] of runs.entries()) {
    expect(run.stdout, `stdout of ${labels[i]}`).not.toContain(key);
    expect(run.stderr, `stderr of ${labels[i]}`).not.toContain(key);
  }
  const files = storedFiles();
  expect(files.map((f) => f.slice(home.dir.length + 1))).toEqual(
    expect.arrayContaining(['stockato.db', 'config.yaml']),
  );
  for (const file of files) expect(readFileSync(file).includes(key), file).toBe(false);
}

describeWithSecretService('a key in the real keychain', () => {
  it('is stored with keys set --stdin, used, and appears nowhere else', () => {
    const key = `pk_LEAK_${randomBytes(12).toString('hex')}`;
    const set = stockato(['keys', 'set', 'polygon', '--stdin', '--debug'], { input: `${key}\n` });
    expect(set.status, set.stderr).toBe(0);
    expect(set.stderr).toBe(`stored the polygon key in Secret Service (service "${service}", account "polygon")\n`);
    expect(set.stdout).toBe('');

    const { runs, labels } = exercise(key);
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 0, 0, 0]);
    expect(runs[6]?.stderr).toMatch(/saved in your shell history/);
    expect(runs[0]?.stdout).toMatch(/^polygon\tyes\tkeychain\t/);
    expect(JSON.parse(runs[3]?.stdout ?? '')).toMatchObject({
      providers: expect.arrayContaining([expect.objectContaining({ id: 'polygon', keySource: 'keychain' })]),
    });
    expectNoLeak(key, runs, labels);

    const get = stockato(['keys', 'get', 'polygon']);
    expect(get).toEqual({ status: 0, stdout: `${key}\n`, stderr: '' });
    expect(stockato(['keys', 'rm', 'polygon']).status).toBe(0);
    expect(stockato(['keys', 'get', 'polygon']).status).toBe(1);
  }, 90_000);
});

describe('a key in the environment', () => {
  it('is used and appears nowhere else', () => {
    const key = `fh_LEAK_${randomBytes(12).toString('hex')}`;
    const env = { STOCKATO_FINNHUB_KEY: key, STOCKATO_POLYGON_KEY: `${key}_p` };
    const { runs, labels } = exercise(key, env);
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 0, 0, 0]);
    expect(runs[0]?.stdout).toMatch(/^finnhub\tyes\tenvironment\t/m);
    expectNoLeak(key, runs, labels);
    expect(stockato(['keys', 'get', 'finnhub'], { env }).stdout).toBe(`${key}\n`);
  }, 90_000);
});

describe('keys without a keychain', () => {
  const noBus = { DBUS_SESSION_BUS_ADDRESS: '' };

  it('refuses keys set to the keychain and stores with --file, warning why', () => {
    const refused = stockato(['keys', 'set', 'finnhub', '--stdin'], { input: 'fh_1', env: noBus });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/error: no keychain was found to store the finnhub key in: no D-Bus session/);
    const stored = stockato(['keys', 'set', 'finnhub', '--stdin', '--file'], { input: 'fh_1', env: noBus });
    expect(stored.status).toBe(0);
    expect(stored.stderr).toMatch(
      /warning: storing the finnhub key in .*keys\.json, a plain file only you can read: no keychain was found/,
    );
    expect(statSync(home.path('keys.json')).mode & 0o777).toBe(0o600);
    expect(stockato(['keys', 'get', 'finnhub'], { env: noBus }).stdout).toBe('fh_1\n');
  });

  it('stores in the file when keys.store is file', () => {
    expect(stockato(['config', 'set', 'keys.store', 'file']).status).toBe(0);
    expect(stockato(['keys', 'set', 'alphavantage', '--stdin'], { input: 'av_1', env: noBus }).status).toBe(0);
    expect(JSON.parse(readFileSync(home.path('keys.json'), 'utf8'))).toEqual({ alphavantage: 'av_1' });
  });

  it('says with exit 2 which providers take keys', () => {
    const run = stockato(['keys', 'get', 'yahoo'], { env: noBus });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toContain('hint: providers with keys: polygon, finnhub, alpaca, alphavantage');
  });

  it('refuses a key file others can read', () => {
    stockato(['keys', 'set', 'finnhub', '--stdin', '--file'], { input: 'fh_1', env: noBus });
    spawnSync('chmod', ['644', home.path('keys.json')]);
    const run = stockato(['keys', 'get', 'finnhub'], { env: noBus });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/keys\.json has mode 0644: a key file must be readable by its owner only/);
    expect(run.stderr).toContain(`hint: chmod 600 ${home.path('keys.json')}`);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('keys set at a terminal', () => {
  const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
  const session = `stockato-keys-${process.pid}`;
  afterEach(() => tmux('kill-session', '-t', session));

  async function screenUntil(pattern: RegExp): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const screen = tmux('capture-pane', '-p', '-t', session).stdout;
      if (pattern.test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return tmux('capture-pane', '-p', '-t', session).stdout;
  }

  it('reads the key at a hidden prompt: nothing typed is shown', async () => {
    const command = [
      `STOCKATO_HOME=${home.dir}`,
      'NO_COLOR=1',
      'DBUS_SESSION_BUS_ADDRESS=',
      `${process.execPath} ${BIN} keys set polygon --file; echo "exit=$?"; sleep 30`,
    ].join(' ');
    expect(tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '20', `env ${command}`).status).toBe(0);
    await screenUntil(/not shown\):/);
    tmux('send-keys', '-t', session, '-l', 'pk_typed_wrong');
    tmux('send-keys', '-t', session, 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    tmux('send-keys', '-t', session, '-l', 'secret');
    tmux('send-keys', '-t', session, 'Enter');
    const screen = await screenUntil(/exit=\d+/);
    expect(screen).toMatch(/^Polygon key \(an API key, not shown\):\n/m);
    expect(screen).toContain('exit=0');
    expect(screen).not.toContain('pk_typed');
    expect(JSON.parse(readFileSync(home.path('keys.json'), 'utf8'))).toEqual({ polygon: 'pk_typed_secret' });
  });
});

describe('doctor', () => {
  it('reports the last error recorded in the database, redacting the key, and exits 1', async () => {
    const { openStore } = await import('../../src/store/store.js');
    const key = `fh_LEAK_${randomBytes(8).toString('hex')}`;
    const store = openStore(home.path('stockato.db'));
    store.providerHealth.recordFailure(
      'finnhub',
      { code: 'http-401', message: `401 for ?token=${key}` },
      Date.parse(NOW),
    );
    store.close();
    const run = stockato(['doctor', '--json'], { env: { STOCKATO_FINNHUB_KEY: key, DBUS_SESSION_BUS_ADDRESS: '' } });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.providers.find((p: { id: string }) => p.id === 'finnhub')).toMatchObject({
      keySource: 'environment',
      lastError: { code: 'http-401', message: '401 for ?token=***' },
      ok: false,
    });
    expect(JSON.parse(run.stderr.trim().split('\n')[0] ?? '')).toEqual({
      error: { code: 'doctor', message: 'finnhub failed its last request: 401 for ?token=***' },
    });
    expect(run.stdout + run.stderr).not.toContain(key);
  });
});
