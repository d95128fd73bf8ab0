import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { AppError } from '../../../src/errors.js';
import { createAlpacaProvider } from '../../../src/providers/alpaca/provider.js';
import { createAlphaVantageProvider } from '../../../src/providers/alphavantage/provider.js';
import { createFinnhubProvider } from '../../../src/providers/finnhub/provider.js';
import { createPolygonProvider } from '../../../src/providers/polygon/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import type { Credentials } from '../../../src/secrets/credentials.js';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../../helpers/replay-server.js';
import { staticCredentials } from './helpers.js';

/**
 * Forces every kind of failure on every keyed provider, with servers that echo the key back in
 * every place they can, and checks that no error text (message, hint, stack, JSON form, causes,
 * per-symbol failures) contains the key or any part of it.
 */

const KEYS = {
  polygon: 'PGkey_leak_7a1b2c3d',
  finnhub: 'FHkey_leak_8e9f0a1b',
  alpaca: 'AKleakid4455:ALPACAsecret_leak_6677',
  alphavantage: 'AVkey_leak_2c3d4e5f',
};
/** The secrets of one provider: its key, and for Alpaca the key id and the secret on their own. */
const secretsOf = (id: keyof typeof KEYS) => [KEYS[id], ...KEYS[id].split(':')];
const NOW_MS = Date.UTC(2024, 4, 6, 15, 0);

type Factory = (baseUrl: string, credentials: Credentials) => MarketDataProvider;
const http = (baseUrl: string) => ({ baseUrl, timeoutMs: 300 });
const PROVIDERS: Record<keyof typeof KEYS, Factory> = {
  polygon: (baseUrl, credentials) =>
    createPolygonProvider({ clock: fixedClock(NOW_MS), credentials, http: http(baseUrl) }),
  finnhub: (baseUrl, credentials) =>
    createFinnhubProvider({ clock: fixedClock(NOW_MS), credentials, http: http(baseUrl) }),
  alpaca: (baseUrl, credentials) =>
    createAlpacaProvider({ clock: fixedClock(NOW_MS), credentials, http: http(baseUrl) }),
  alphavantage: (baseUrl, credentials) =>
    createAlphaVantageProvider({ clock: fixedClock(NOW_MS), credentials, http: http(baseUrl) }),
};

/** Field names the parsers read, each set to the key, so that a malformed-value message would quote it. */
const FIELDS = ['results', 'tickers', 'ticker', 'c', 't', 's', 'bars', 'news', 'feed', 'bestMatches', 'Global Quote'];

/** Answers that put `echo` (the provider's key and its parts) everywhere a message could quote it. */
const SCENARIOS: Record<string, (echo: string) => ReplayResponse> = {
  '401 echoing the key': (echo) => ({ status: 401, json: { error: `Unknown API Key ${echo}`, message: echo } }),
  '403 echoing the key': (echo) => ({
    status: 403,
    json: { status: 'NOT_AUTHORIZED', message: `not entitled ${echo}` },
  }),
  '429 echoing the key': (echo) => ({ status: 429, body: `slow down ${echo}`, headers: { 'retry-after': '5' } }),
  '500 echoing the key': (echo) => ({ status: 500, body: `internal error for ${echo}` }),
  'a body that is not JSON': (echo) => ({ body: `<html>${echo}</html>` }),
  'a body of the wrong shape': (echo) => ({
    json: Object.fromEntries(FIELDS.map((name) => [name, echo.split(' ')[0]])),
  }),
  'a throttle notice quoting the key': (echo) => ({
    json: { Information: `We have detected your API key as ${echo}` },
  }),
  'a dropped connection': (echo) => ({ body: `{"results": "${echo}"}`, dropAfter: 5 }),
  'a server that never answers': () => ({ hang: 'before-headers' }),
};

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer();
});

afterAll(async () => {
  await server.close();
});

/** Every error one provider gives for requests of every kind. */
async function errorsOf(provider: MarketDataProvider): Promise<unknown[]> {
  const symbol = provider.id === 'alpaca' ? 'AAPL' : 'IBM';
  const errors: unknown[] = [];
  const collect = async (run: () => Promise<unknown>) => {
    try {
      const result = await run();
      const failures = (result as { failures?: { error: unknown }[] } | undefined)?.failures ?? [];
      errors.push(...failures.map((failure) => failure.error));
    } catch (error) {
      errors.push(error);
    }
  };
  await collect(() => provider.getQuotes([symbol]));
  await collect(() => provider.getHistory({ symbol, interval: '1d', fromMs: NOW_MS - 86_400_000 * 5, toMs: NOW_MS }));
  await collect(() => provider.getNews?.(symbol) ?? Promise.resolve());
  if (provider.capabilities.search) await collect(() => provider.search('ibm'));
  return errors;
}

/** All the text an error can put in front of a user, a log or `--debug` output. */
function textsOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 5) return [String(error)];
  const texts = [error.message, error.stack ?? '', String(error)];
  if (error instanceof AppError) texts.push(error.hint ?? '', JSON.stringify(error.toJSON()));
  const { body } = error as { body?: unknown };
  if (typeof body === 'string') texts.push(body);
  if (error.cause !== undefined) texts.push(...textsOf(error.cause, depth + 1));
  return texts;
}

describe.each(Object.keys(PROVIDERS) as (keyof typeof KEYS)[])('%s never shows its key', (id) => {
  it.each(Object.keys(SCENARIOS))('on %s', async (scenario) => {
    const secrets = secretsOf(id);
    server.route('/*', SCENARIOS[scenario]!(secrets.join(' ')));
    const provider = PROVIDERS[id](server.url, staticCredentials(KEYS));
    const errors = await errorsOf(provider);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(AppError);
      for (const text of textsOf(error)) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
    }
  });

  it('when the connection is refused', async () => {
    const closed = await startReplayServer();
    const url = closed.url;
    await closed.close();
    const errors = await errorsOf(PROVIDERS[id](url, staticCredentials(KEYS)));
    expect(errors.map((error) => (error as AppError).code)).toContain('network');
    for (const error of errors) {
      for (const text of textsOf(error)) for (const secret of secretsOf(id)) expect(text).not.toContain(secret);
    }
  });
});
