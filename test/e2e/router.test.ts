import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  readFixture,
  startReplayServer,
  type RecordedRequest,
  type ReplayResponse,
  type ReplayServer,
} from '../helpers/replay-server.js';
import { ENDPOINT_VARIABLES } from '../../src/providers/endpoints.js';
import { openRaw } from '../helpers/raw-sqlite.js';
import { BIN, runBinAsync, type CliRun } from './run-cli.js';

/**
 * The built CLI with its default provider (`auto`, the router) against one local replay server
 * standing in for Yahoo, Binance and Coinbase. Nothing here reaches the internet: every provider
 * is pointed at 127.0.0.1 through the STOCKATO_*_BASE_URL variables.
 */

const QUOTE = '/v7/finance/quote';
const BINANCE_TICKER = '/api/v3/ticker/24hr';
const HOUR = 3_600_000;

let home: string;
let server: ReplayServer;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('build first: npm run build (npm test does it for you)');
});
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'stockato-e2e-router-'));
  server = await startReplayServer({
    '/cookie': { status: 404, body: 'Not Found', headers: { 'set-cookie': ['A3=d=AQAB; Path=/'] } },
    '/v1/test/getcrumb': { body: 'crumb-1' },
    [QUOTE]: { fixture: 'yahoo/quote-AAPL.json' },
    '/v1/finance/search': { fixture: 'yahoo/search-AAPL-quotes-and-news.json' },
    [BINANCE_TICKER]: {
      status: 429,
      headers: { 'retry-after': '120' },
      fixture: 'binance/error-429-too-much-request-weight.json',
    },
    '/products/*': coinbase,
  });
});
afterEach(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

/** Coinbase ticker and stats for any product (stats has no recorded capture: its documented shape). */
function coinbase(request: RecordedRequest): ReplayResponse {
  if (request.path.endsWith('/ticker')) return { fixture: 'coinbase/rest-exchange-ticker-BTC-USDT-2024-03-13.json' };
  return { json: { open: '72000.00', high: '73500.00', low: '71800.00', last: '73367.80', volume: '1207.5' } };
}

function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runBinAsync(args, home, {
    STOCKATO_YAHOO_BASE_URL: server.url,
    STOCKATO_YAHOO_COOKIE_URL: `${server.url}/cookie`,
    STOCKATO_BINANCE_BASE_URL: server.url,
    STOCKATO_COINBASE_BASE_URL: server.url,
    STOCKATO_COINGECKO_BASE_URL: server.url,
    ...env,
  });
}

const later = (ms: number) => ({ STOCKATO_NOW: new Date(Date.parse('2026-03-04T18:00:00Z') + ms).toISOString() });

/** Every provider answers 503 from now on. */
function takeEverythingDown(): void {
  for (const route of [
    QUOTE,
    '/v1/finance/search',
    BINANCE_TICKER,
    '/products/*',
    '/v8/finance/chart/*',
    '/simple/*',
  ]) {
    server.route(route, { status: 503, body: 'Service Unavailable' });
  }
}

describe('the default provider is the router over the real providers', () => {
  it('equities come from Yahoo with no flag and no key', async () => {
    const run = await cli(['quote', 'AAPL', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [quote] = JSON.parse(run.stdout);
    expect(quote).toMatchObject({ symbol: 'AAPL', source: 'yahoo', demo: false, stale: false, ageSeconds: 0 });
  });

  it('a 429 from the first crypto provider falls back to the next, and is remembered', async () => {
    const run = await cli(['quote', 'BTC-USD', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ symbol: 'BTC-USD', source: 'coinbase', last: '73367.8' });
    expect(server.requestsTo(BINANCE_TICKER)).toHaveLength(1);
    // A minute later (past the quote TTL) Binance's Retry-After of 120 s still holds: it is not asked.
    const again = await cli(['quote', 'BTC-USD', '--json'], later(60_000));
    expect(again.status).toBe(0);
    expect(server.requestsTo(BINANCE_TICKER)).toHaveLength(1);
    // The router recorded what it saw, for `stockato doctor`.
    const db = openRaw(join(home, 'stockato.db'), { readonly: true });
    const health = db.prepare('SELECT provider, last_error_code FROM provider_health ORDER BY provider').raw().all();
    db.close();
    expect(health).toEqual([
      ['binance', 'rate-limited'],
      ['coinbase', null],
    ]);
  });

  it('a quote fetched within the TTL is served from the cache without a request', async () => {
    await cli(['quote', 'AAPL']);
    const before = server.requestsTo(QUOTE).length;
    const run = await cli(['quote', 'AAPL', '--json'], later(10_000));
    expect(server.requestsTo(QUOTE)).toHaveLength(before);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ stale: false, ageSeconds: 10 });
  });
});

describe('when every provider is down', () => {
  it('serves the last good quote marked stale with its age, then --max-age makes it an error', async () => {
    expect((await cli(['quote', 'AAPL'])).status).toBe(0);
    takeEverythingDown();
    const stale = await cli(['quote', 'AAPL', '--json'], later(2 * HOUR));
    expect(stale.status).toBe(0);
    expect(JSON.parse(stale.stdout)[0]).toMatchObject({
      symbol: 'AAPL',
      source: 'yahoo',
      stale: true,
      ageSeconds: 7200,
    });
    expect(stale.stderr).toMatch(/warning: AAPL: serving cached data from 2h ago \(stale\)/);

    const csv = await cli(['quote', 'AAPL', '--csv'], later(2 * HOUR));
    const [header, row] = csv.stdout.split('\r\n');
    expect(header).toMatch(/,stale,ageSeconds$/);
    expect(row).toMatch(/,true,7200$/);

    const refused = await cli(['quote', 'AAPL', '--max-age', '1s'], later(2 * HOUR));
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/error: AAPL: the last good data is 2h old, older than --max-age 1s/);
  });

  it('serves cached history stale, and news too', async () => {
    server.route('/v8/finance/chart/*', { fixture: 'yahoo/chart-AAPL-1d-2020-01-01_2020-01-03.json' });
    // The recorded chart holds 2020-01-02; fetched that evening, the range ran up to "now".
    const evening = { STOCKATO_NOW: '2020-01-02T23:00:00Z' };
    const nextDay = { STOCKATO_NOW: '2020-01-03T23:00:00Z' };
    const fresh = await cli(['history', 'AAPL', '--from', '2020-01-01', '--json'], evening);
    expect(fresh.status).toBe(0);
    expect(JSON.parse(fresh.stdout).bars.length).toBeGreaterThan(0);
    expect((await cli(['news', 'AAPL', '--json'])).status).toBe(0);
    takeEverythingDown();
    const history = await cli(['history', 'AAPL', '--from', '2020-01-01', '--json'], nextDay);
    expect(history.stderr).toMatch(/warning: AAPL: serving cached data from 1d ago \(stale\)/);
    expect(history.status).toBe(0);
    const document = JSON.parse(history.stdout);
    expect(document).toMatchObject({ symbol: 'AAPL', stale: true, ageSeconds: 24 * 3600 });
    expect(document.bars).toEqual(JSON.parse(fresh.stdout).bars);
    const news = await cli(['news', 'AAPL', '--json'], later(HOUR));
    expect(news.status).toBe(0);
    expect(JSON.parse(news.stdout)[0]).toMatchObject({ stale: true, ageSeconds: 3600 });
  });

  it('a refused connection (no network) serves the cached quote stale too', async () => {
    expect((await cli(['quote', 'AAPL'])).status).toBe(0);
    const closed = 'http://127.0.0.1:9';
    const run = await cli(['quote', 'AAPL', '--json'], {
      ...later(HOUR),
      STOCKATO_YAHOO_BASE_URL: closed,
      STOCKATO_YAHOO_COOKIE_URL: closed,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ symbol: 'AAPL', stale: true, ageSeconds: 3600 });
    expect(run.stderr).toMatch(/warning: AAPL: serving cached data from 1h ago \(stale\).*connection/);
  });

  it('with nothing cached: a clear error naming each provider and why, exit 1', async () => {
    takeEverythingDown();
    const run = await cli(['quote', 'AAPL', 'BTC-USD']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error: no provider could answer for AAPL: yahoo: .*503/);
    expect(run.stderr).toMatch(/error: no provider could answer for BTC-USD: binance: .*503.*; coinbase: .*503/);
  });
});

describe('a demo symbol without --demo', () => {
  it('is unknown to the real providers, with a hint to add --demo', async () => {
    server.route(QUOTE, { fixture: 'yahoo/quote-SIX-unknown-symbol-empty-result.json' });
    const run = await cli(['quote', 'ACME']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /error: unknown symbol "ACME" on yahoo\nhint: ACME is a symbol of the simulated demo market: add --demo/,
    );
    server.route('/v8/finance/chart/*', { status: 404, fixture: 'yahoo/error-404-chart-unknown-symbol.json' });
    const history = await cli(['history', 'ACME']);
    expect(history.status).toBe(1);
    expect(history.stderr).toMatch(/hint: ACME is a symbol of the simulated demo market: add --demo/);
    const real = await cli(['quote', 'NOTADEMO']);
    expect(real.stderr).toMatch(/unknown symbol "NOTADEMO"/);
    expect(real.stderr).not.toMatch(/add --demo/);
  });
});

describe('news through the router', () => {
  it('prints Yahoo headlines with publisher, time and link', async () => {
    const run = await cli(['news', 'AAPL', '--limit', '2', '--json']);
    expect(run.status).toBe(0);
    const items = JSON.parse(run.stdout);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item).toMatchObject({ publisher: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
      expect(item.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(Date.parse(items[0].time)).toBeGreaterThanOrEqual(Date.parse(items[1].time));
    const expected = JSON.parse(readFixture('yahoo', 'search-AAPL-quotes-and-news.json')).news.length;
    expect(expected).toBeGreaterThan(2);
  });
});

describe('help environment', () => {
  it('lists every base URL override the providers read', async () => {
    const run = await cli(['help', 'environment']);
    const variables = Object.values(ENDPOINT_VARIABLES).flatMap((v) => Object.values(v));
    expect(variables.length).toBeGreaterThanOrEqual(5);
    for (const variable of variables) expect(run.stdout).toContain(variable);
  });
});

describe('bad provider settings are usage errors (exit 2)', () => {
  it('--provider with an unknown name', async () => {
    const run = await cli(['quote', 'AAPL', '--provider', 'nope']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown provider "nope"/);
    expect(run.stderr).toMatch(/known providers: demo, yahoo/);
  });

  it('a chain in the config file naming an unknown provider: the file, the key and the known ids', async () => {
    writeFileSync(join(home, 'config.yaml'), 'providers:\n  crypto: [binance, nope]\n');
    const run = await cli(['quote', 'BTC-USD']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(join(home, 'config.yaml'));
    expect(run.stderr).toMatch(/providers\.crypto is \["binance","nope"\], expected .*binance, coinbase, coingecko/);
    expect(server.requests).toHaveLength(0);
  });

  it('a bad --max-age', async () => {
    const run = await cli(['quote', 'AAPL', '--max-age', 'soon']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--max-age must be a duration like 30s/);
  });
});

describe('configured chains and overrides', () => {
  it('follows providers.crypto and a per-symbol override', async () => {
    writeFileSync(join(home, 'config.yaml'), 'providers:\n  crypto: [coinbase]\n  overrides:\n    ETH-USD: yahoo\n');
    server.route(QUOTE, (request) => ({
      json: {
        quoteResponse: {
          result: JSON.parse(readFixture('yahoo', 'quote-BTC-USD-crypto.json')).quoteResponse.result.map(
            (r: Record<string, unknown>) => ({ ...r, symbol: request.query['symbols'] }),
          ),
          error: null,
        },
      },
    }));
    const run = await cli(['quote', 'BTC-USD', 'ETH-USD', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).map((q: { symbol: string; source: string }) => [q.symbol, q.source])).toEqual([
      ['BTC-USD', 'coinbase'],
      ['ETH-USD', 'yahoo'],
    ]);
    expect(server.requestsTo(BINANCE_TICKER)).toHaveLength(0);
  });
});
