import { describe, expect, it } from 'vitest';
import { keyEnvVar } from '../../../src/providers/api-key.js';
import { loadProvider } from '../../../src/providers/registry.js';
import type { Credentials } from '../../../src/secrets/credentials.js';

/**
 * Checks the keyed providers against the real services. Opt-in only: it runs with
 * STOCKATO_LIVE_TESTS=1 and, per provider, only when STOCKATO_<ID>_KEY holds a key; otherwise
 * every case is skipped, so CI and a plain `npm test` never reach the internet. Each case costs
 * one or two requests of the provider's quota.
 */
const LIVE = process.env['STOCKATO_LIVE_TESTS'] === '1';

const fromEnvironment: Credentials = {
  get: (providerId) => {
    const value = process.env[keyEnvVar(providerId)];
    return Promise.resolve(value ? { value, source: 'environment' } : undefined);
  },
};

const clock = { nowMs: () => Date.now() };

describe.each(['polygon', 'finnhub', 'alpaca', 'alphavantage'])('%s, live', (id) => {
  const enabled = LIVE && Boolean(process.env[keyEnvVar(id)]);

  it.skipIf(!enabled)('quotes AAPL', async () => {
    const provider = await loadProvider(id, { clock, demoSeed: 1, credentials: fromEnvironment });
    const batch = await provider.getQuotes(['AAPL']);
    expect(batch.failures).toEqual([]);
    expect(batch.quotes[0]).toMatchObject({ symbol: 'AAPL', currency: 'USD', source: id });
    expect(batch.quotes[0]?.last.gt(0)).toBe(true);
  });

  it.skipIf(!enabled)('reads news for AAPL', async () => {
    const provider = await loadProvider(id, { clock, demoSeed: 1, credentials: fromEnvironment });
    const news = await provider.getNews?.('AAPL');
    expect(Array.isArray(news)).toBe(true);
  });
});
