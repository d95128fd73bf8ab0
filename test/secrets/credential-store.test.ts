import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCredentials, type CredentialStore } from '../../src/secrets/index.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { describeWithSecretService, testService } from './secret-service.js';

let home: TempHome;
let warnings: string[];
beforeEach(() => {
  home = createTempHome();
  warnings = [];
});
afterEach(() => home.cleanup());

function open(env: Record<string, string | undefined>, service?: string): CredentialStore {
  return openCredentials({
    env,
    configDir: home.dir,
    warn: (message) => warnings.push(message),
    ...(service ? { service } : {}),
  });
}

describe('credentials without a keychain', () => {
  it('takes the environment variable before the key file', async () => {
    const store = open({ STOCKATO_FINNHUB_KEY: 'fh_env' });
    await store.set('finnhub', 'fh_file', 'file');
    expect(await store.get('finnhub')).toEqual({ value: 'fh_env', source: 'environment' });
    expect(await open({}).get('finnhub')).toEqual({ value: 'fh_file', source: 'file' });
  });

  it('warns, when storing in the file, that no keychain was found', async () => {
    await open({}).set('polygon', 'pk_file\n', 'file');
    expect(warnings).toEqual([
      expect.stringMatching(/plain file only you can read: no keychain was found \(no D-Bus session/),
    ]);
    expect(warnings.join()).not.toContain('pk_file');
  });

  it('refuses to store in the keychain, pointing at the variable and --file', async () => {
    await expect(open({}).set('polygon', 'pk_1', 'keychain')).rejects.toMatchObject({
      code: 'keychain-unavailable',
      hint: expect.stringMatching(/STOCKATO_POLYGON_KEY .*--file/),
    });
  });

  it('lists where each key is set, in lookup order', async () => {
    const store = open({ STOCKATO_ALPACA_KEY: 'A:B', STOCKATO_POLYGON_KEY: ' ' });
    await store.set('alpaca', 'C:D', 'file');
    const sources = Object.fromEntries((await store.list()).map((p) => [p.provider.id, p.sources]));
    expect(sources).toEqual({ polygon: [], finnhub: [], alpaca: ['environment', 'file'], alphavantage: [] });
  });

  it('removes from the file and says when the variable still holds a key', async () => {
    const store = open({ STOCKATO_ALPACA_KEY: 'A:B' });
    await store.set('alpaca', 'C:D', 'file');
    expect(await store.remove('alpaca')).toEqual({ removed: ['file'], stillInEnvironment: true });
    expect(await store.remove('alpaca')).toEqual({ removed: [], stillInEnvironment: true });
  });

  it('gives nothing for a provider that takes no key', async () => {
    expect(await open({ STOCKATO_YAHOO_KEY: 'x' }).get('yahoo')).toBeUndefined();
  });
});

describeWithSecretService('credentials with a real keychain', () => {
  let service: string;
  beforeEach(() => {
    service = testService();
  });
  afterEach(async () => {
    const store = open(process.env, service);
    for (const id of ['polygon', 'alpaca']) await store.remove(id).catch(() => undefined);
  });

  it('looks in the keychain first, then the environment, then the file', async () => {
    const env = { ...process.env, STOCKATO_POLYGON_KEY: 'pk_env' };
    const store = open(env, service);
    await store.set('polygon', 'pk_file', 'file');
    expect(await store.get('polygon')).toEqual({ value: 'pk_env', source: 'environment' });
    expect(await store.set('polygon', 'pk_keychain', 'keychain')).toBe(
      `Secret Service (service "${service}", account "polygon")`,
    );
    expect(await store.get('polygon')).toEqual({ value: 'pk_keychain', source: 'keychain' });
    expect((await store.list()).find((p) => p.provider.id === 'polygon')?.sources).toEqual([
      'keychain',
      'environment',
      'file',
    ]);
    expect(await store.remove('polygon')).toEqual({ removed: ['keychain', 'file'], stillInEnvironment: true });
    expect(await store.get('polygon')).toEqual({ value: 'pk_env', source: 'environment' });
  });

  it('warns that the keychain is the safer place when storing in the file anyway', async () => {
    await open(process.env, service).set('alpaca', 'KID:SEC', 'file');
    expect(warnings).toEqual([expect.stringMatching(/Secret Service\) is available and safer/)]);
  });
});
