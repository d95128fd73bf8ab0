import { describe, expect, it } from 'vitest';
import { keyEnvVar, lazyApiKey } from '../../../src/providers/api-key.js';
import { loadProvider } from '../../../src/providers/registry.js';
import { fixedClock } from '../../../src/engine/clock.js';
import type { CredentialLookup, Credentials } from '../../../src/secrets/credentials.js';
import { rejection } from './helpers.js';

/** Credentials whose answer the test changes between calls. */
function changing(): Credentials & { value: string | undefined; calls: number } {
  const credentials = {
    value: undefined as string | undefined,
    calls: 0,
    get: (): Promise<CredentialLookup | undefined> => {
      credentials.calls++;
      const { value } = credentials;
      return Promise.resolve(value === undefined ? undefined : { value, source: 'keychain' });
    },
  };
  return credentials;
}

describe('lazyApiKey', () => {
  it('asks only when first needed, keeps a found key, trims it, and knows its parts', async () => {
    const credentials = changing();
    credentials.value = '  id123:secret456\n';
    const key = lazyApiKey('alpaca', 'Alpaca', credentials);
    expect(credentials.calls).toBe(0);
    expect(key.secrets()).toEqual([]);
    expect(await key.get()).toBe('id123:secret456');
    expect(await key.get()).toBe('id123:secret456');
    expect(credentials.calls).toBe(1);
    expect(key.secrets()).toEqual(['id123:secret456', 'id123', 'secret456']);
  });

  it('a missing or blank key is missing-key, and is asked again next time', async () => {
    const credentials = changing();
    const key = lazyApiKey('polygon', 'Polygon/Massive', credentials);
    expect(await rejection(key.get())).toMatchObject({
      code: 'missing-key',
      retryable: false,
      message: 'polygon: Polygon/Massive needs an API key and none is set',
      hint: 'set one with: stockato keys set polygon (or the environment variable STOCKATO_POLYGON_KEY)',
    });
    credentials.value = '   ';
    expect(await rejection(key.get())).toMatchObject({ code: 'missing-key' });
    credentials.value = 'late-key';
    expect(await key.get()).toBe('late-key');
    expect(credentials.calls).toBe(3);
  });

  it('names the environment variable after the provider id', () => {
    expect(keyEnvVar('alphavantage')).toBe('STOCKATO_ALPHAVANTAGE_KEY');
  });
});

describe('keyed providers in the registry', () => {
  it.each([
    ['polygon', { perMinute: 5 }],
    ['finnhub', { perMinute: 60 }],
    ['alpaca', { perMinute: 200 }],
    ['alphavantage', { perMinute: 5, perDay: 25 }],
  ])('%s loads without credentials and reports its capabilities', async (id, quota) => {
    const provider = await loadProvider(id, { clock: fixedClock(0), demoSeed: 1 });
    expect(provider.id).toBe(id);
    expect(provider.capabilities).toMatchObject({ requiresKey: true, quota, simulated: false });
    expect(await rejection(provider.getQuotes(['AAPL']))).toMatchObject({ code: 'missing-key' });
  });
});
