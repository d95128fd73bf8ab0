import { chmodSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configuredProviders,
  meetsNode,
  redactKeys,
  runDoctor,
  type DoctorDeps,
  type ProviderHealth,
} from '../../src/commands/doctor.js';
import { renderDoctorReport } from '../../src/commands/doctor-render.js';
import { loadConfig } from '../../src/config/config.js';
import { openCredentials } from '../../src/secrets/index.js';
import { openStore } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

const NOW_MS = Date.UTC(2026, 2, 4, 18);
let home: TempHome;
beforeEach(() => {
  home = createTempHome();
});
afterEach(() => home.cleanup());

function deps(overrides: Partial<DoctorDeps> = {}, env: Record<string, string> = {}): DoctorDeps {
  return {
    nodeVersion: '20.19.0',
    databaseFile: home.path('stockato.db'),
    openStore: (path) => Promise.resolve(openStore(path, { readonly: true })),
    credentials: openCredentials({ env, configDir: home.dir, warn: () => undefined }),
    configuredProviders: ['demo'],
    quotaOf: (id) => Promise.resolve(id === 'finnhub' ? { perMinute: 60, perDay: 3 } : undefined),
    health: () => [],
    nowMs: NOW_MS,
    ...overrides,
  };
}

describe('runDoctor', () => {
  it('is healthy on a fresh machine: no database yet, the demo provider, no keychain', async () => {
    const report = await runDoctor(deps());
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      node: { version: '20.19.0', required: '>=20.19', ok: true },
      database: { exists: false, opens: false, ok: true },
      keychain: { available: false },
      providers: [{ id: 'demo', requiresKey: false, keySource: null, budget: [], lastError: null, ok: true }],
    });
    expect(renderDoctorReport(report)).toMatch(/database .*not created yet[\s\S]*all good$/);
  });

  it('opens the database read-only and reports its schema version and quick check', async () => {
    const store = openStore(home.path('stockato.db'));
    const version = store.db.pragma('user_version', { simple: true });
    store.close();
    const report = await runDoctor(deps());
    expect(report.database).toMatchObject({
      exists: true,
      opens: true,
      schemaVersion: version,
      quickCheck: 'ok',
      ok: true,
    });
  });

  it('is broken when the database does not open, and says why', async () => {
    writeFileSync(home.path('stockato.db'), 'not a database at all, just text');
    const report = await runDoctor(deps());
    expect(report.ok).toBe(false);
    expect(report.database).toMatchObject({ exists: true, opens: false, ok: false });
    expect(report.problems).toEqual([expect.stringMatching(/stockato\.db: .*is not a Stockato database/)]);
  });

  it('is broken on a Node older than 20.19', async () => {
    const report = await runDoctor(deps({ nodeVersion: '20.18.3' }));
    expect(report.problems).toEqual(['Node.js 20.18.3 is too old: stockato needs 20.19 or newer']);
  });

  it('reports a keyed provider: where its key is, its remaining budget and its last error, redacted', async () => {
    const key = 'fh_secret_9f8e7d';
    const store = openStore(home.path('stockato.db'));
    for (let i = 0; i < 2; i++) store.budgets.tryConsume('finnhub', NOW_MS, { perDay: 3 });
    store.close();
    const health: ProviderHealth[] = [
      {
        provider: 'finnhub',
        lastSuccessMs: NOW_MS - 60_000,
        lastFailureMs: NOW_MS - 1000,
        lastErrorCode: 'http-401',
        lastErrorMessage: `401 from /quote?token=${key}`,
      },
    ];
    const report = await runDoctor(deps({ health: () => health }, { STOCKATO_FINNHUB_KEY: key }));
    const finnhub = report.providers.find((p) => p.id === 'finnhub');
    expect(finnhub).toEqual({
      id: 'finnhub',
      requiresKey: true,
      keySource: 'environment',
      budget: [
        { span: 'minute', limit: 60, used: 2, remaining: 58 },
        { span: 'day', limit: 3, used: 2, remaining: 1 },
      ],
      lastSuccessMs: NOW_MS - 60_000,
      lastFailureMs: NOW_MS - 1000,
      lastError: { code: 'http-401', message: '401 from /quote?token=***' },
      ok: false,
    });
    expect(report.problems).toEqual(['finnhub failed its last request: 401 from /quote?token=***']);
    expect(JSON.stringify(report) + renderDoctorReport(report)).not.toContain(key);
  });

  it('is broken when the configured provider needs a key and has none, or its daily budget is spent', async () => {
    const store = openStore(home.path('stockato.db'));
    for (let i = 0; i < 3; i++) store.budgets.tryConsume('finnhub', NOW_MS, { perDay: 3 });
    store.close();
    const report = await runDoctor(deps({ configuredProviders: ['finnhub'] }));
    expect(report.problems).toEqual([
      'finnhub needs a key and none is set: stockato keys set finnhub',
      'finnhub has used its day budget (3 of 3)',
    ]);
    expect(renderDoctorReport(report)).toMatch(
      /provider {3}finnhub: NO KEY; 57 of 60 left this minute, 0 of 3 left this day;.*\(PROBLEM\)\n2 problems found$/,
    );
  });

  it('reports a key file others can read as a problem instead of failing', async () => {
    writeFileSync(home.path('keys.json'), '{"finnhub":"fh_1"}', { mode: 0o644 });
    chmodSync(home.path('keys.json'), 0o644);
    const report = await runDoctor(deps());
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^keys: .*keys\.json has mode 0644/)]);
  });

  it('counts a provider that recovered since its last failure as healthy', async () => {
    const health = [
      { provider: 'demo', lastSuccessMs: NOW_MS, lastFailureMs: NOW_MS - 5000, lastErrorCode: 'timeout' },
    ];
    const report = await runDoctor(deps({ health: () => health }));
    expect(report.ok).toBe(true);
    expect(report.providers[0]?.lastError).toEqual({ code: 'timeout', message: '' });
  });
});

describe('meetsNode', () => {
  it.each([
    ['20.19.0', true],
    ['v20.19.5', true],
    ['22.0.0', true],
    ['24.1.0', true],
    ['20.18.9', false],
    ['18.20.0', false],
  ])('%s meets >=20.19: %s', (version, ok) => {
    expect(meetsNode(version)).toBe(ok);
  });
});

describe('redactKeys', () => {
  it('masks a key and each half of a KEY_ID:SECRET pair', () => {
    expect(redactKeys('id PKID123 secret s3cretXYZ whole PKID123:s3cretXYZ', ['PKID123:s3cretXYZ'])).toBe(
      'id *** secret *** whole ***',
    );
  });
});

describe('configuredProviders', () => {
  it.each([
    ['provider: yahoo\n', ['yahoo']],
    ['provider: demo\n', ['demo']],
    ['', ['yahoo', 'binance', 'coinbase', 'coingecko']],
  ])('for %j is %j (auto chains take the keyless registry sources)', async (yaml, ids) => {
    writeFileSync(home.path('config.yaml'), yaml);
    expect(configuredProviders(await loadConfig(home.path('config.yaml'))).sort()).toEqual([...ids].sort());
  });
});
