import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import { createHttpClient, type HttpClient } from '../../../src/providers/http/client.js';
import { HttpStatusError } from '../../../src/providers/http/errors.js';
import { fixedClock } from '../../../src/engine/clock.js';
import { ProviderError, RateLimitError } from '../../../src/errors.js';
import { startReplayServer, type ReplayHandler, type ReplayServer } from '../../helpers/replay-server.js';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW_MS = Date.UTC(2025, 1, 17, 10, 0, 0);

async function clientFor(routes: Record<string, ReplayHandler>, timeoutMs = 2_000): Promise<HttpClient> {
  server = await startReplayServer(routes);
  return createHttpClient({ provider: 'test', baseUrl: server.url, timeoutMs, clock: fixedClock(NOW_MS) });
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

describe('createHttpClient over a real local server', () => {
  it('returns parsed JSON, sends the query, the user agent and asks for compression', async () => {
    server = await startReplayServer({ '/v1/thing': { json: { ok: true, n: 1.5 } } });
    const client = createHttpClient({
      provider: 'test',
      baseUrl: server.url,
      timeoutMs: 2_000,
      userAgent: 'Mozilla/5.0 test',
    });
    expect(await client.getJson('/v1/thing', { q: 'AAPL', n: 3, skip: undefined })).toEqual({ ok: true, n: 1.5 });
    const [request] = server.requests;
    expect(request?.query).toEqual({ q: 'AAPL', n: '3' });
    expect(request?.headers['user-agent']).toBe('Mozilla/5.0 test');
    expect(request?.headers['accept']).toBe('application/json');
    expect(request?.headers['accept-encoding']).toContain('gzip');
  });

  it('decodes a gzip body', async () => {
    const client = await clientFor({
      '/z': {
        body: gzipSync('{"zipped":true}'),
        headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
      },
    });
    expect(await client.getJson('/z')).toEqual({ zipped: true });
  });

  it('maps a plain-text 429 to RateLimitError with Retry-After in seconds', async () => {
    const client = await clientFor({
      '/q': { status: 429, fixture: 'yahoo/error-429-rate-limited-body.txt', headers: { 'retry-after': '30' } },
    });
    const error = await rejection(client.getJson('/q'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate-limited', retryable: true, retryAfterMs: 30_000, provider: 'test' });
    expect((error as Error).message).toContain('Edge: Too Many Requests');
  });

  it('honours a Retry-After HTTP-date against the clock', async () => {
    const retryAt = new Date(NOW_MS + 90_000).toUTCString();
    const client = await clientFor({
      '/q': { status: 429, body: 'Too Many Requests', headers: { 'retry-after': retryAt } },
    });
    expect(await rejection(client.getText('/q'))).toMatchObject({ retryAfterMs: 90_000 });
  });

  it('leaves retryAfterMs undefined without a Retry-After header', async () => {
    const client = await clientFor({ '/q': { status: 429, body: 'Too Many Requests' } });
    const error = await rejection(client.getText('/q'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it.each([
    [500, 'server-error', true],
    [503, 'server-error', true],
    [401, 'unauthorized', false],
    [403, 'unauthorized', false],
    [404, 'not-found', false],
    [422, 'bad-request', false],
  ])('maps HTTP %i to %s (retryable %s) and keeps the body', async (status, code, retryable) => {
    const client = await clientFor({ '/s': { status, json: { error: 'nope' } } });
    const error = await rejection(client.getJson('/s'));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ code, retryable, status, body: '{"error":"nope"}' });
  });

  it('gives 401 and 403 a hint', async () => {
    const client = await clientFor({ '/s': { status: 401, body: 'Unauthorized' } });
    expect(((await rejection(client.getText('/s'))) as ProviderError).hint).toContain('stockato keys set test');
  });

  it.each([
    ['truncated JSON', { fixture: 'yahoo/quote-AAPL.json', truncateAt: 200 }],
    [
      'an HTML page',
      { body: '<!DOCTYPE html><html><body>Oops</body></html>', headers: { 'content-type': 'text/html' } },
    ],
    ['plain text', { body: 'Edge: Too Many Requests' }],
    ['an empty body', { body: '' }],
  ])('maps %s where JSON was expected to malformed (retryable)', async (_name, response) => {
    const client = await clientFor({ '/j': response });
    const error = await rejection(client.getJson('/j'));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'malformed', retryable: true });
  });

  it('times out a server that never answers, within the budget, naming provider and host', async () => {
    const client = await clientFor({ '/slow': { hang: 'before-headers' } }, 300);
    const started = performance.now();
    const error = await rejection(client.getJson('/slow', { apikey: 'SECRET123' }));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'timeout', retryable: true, provider: 'test' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
    const message = (error as Error).message;
    expect(message).toContain('127.0.0.1');
    expect(message).not.toContain('SECRET123');
  });

  it('times out a body that stalls after the headers', async () => {
    const client = await clientFor({ '/stall': { fixture: 'yahoo/quote-AAPL.json', hang: 'mid-body' } }, 300);
    expect(await rejection(client.getJson('/stall'))).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('maps a connection dropped mid-body to network (retryable)', async () => {
    const client = await clientFor({ '/drop': { fixture: 'yahoo/quote-AAPL.json', dropAfter: 100 } });
    expect(await rejection(client.getJson('/drop'))).toMatchObject({ code: 'network', retryable: true });
  });

  it('maps connection refused to network (retryable)', async () => {
    const closed = await startReplayServer();
    const url = closed.url;
    await closed.close();
    const client = createHttpClient({ provider: 'test', baseUrl: url, timeoutMs: 2_000 });
    const error = await rejection(client.getText('/x'));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('refuses a body over maxBodyBytes', async () => {
    server = await startReplayServer({ '/big': { body: 'x'.repeat(5_000) } });
    const client = createHttpClient({ provider: 'test', baseUrl: server.url, timeoutMs: 2_000, maxBodyBytes: 1_000 });
    expect(await rejection(client.getText('/big'))).toMatchObject({ code: 'too-large', retryable: false });
  });

  it("rethrows the caller's abort unchanged instead of a provider error", async () => {
    const client = await clientFor({ '/slow': { hang: 'before-headers' } });
    const controller = new AbortController();
    const pending = client.getText('/slow', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user pressed q')), 50);
    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(ProviderError);
    expect((error as Error).message).toBe('user pressed q');
  });

  it('get() returns any status as a value', async () => {
    const client = await clientFor({
      '/c': { status: 404, body: 'gone', headers: { 'set-cookie': ['A=1; Path=/', 'B=2'] } },
    });
    const response = await client.get('/c');
    expect(response.status).toBe(404);
    expect(response.text).toBe('gone');
    expect(response.headers['set-cookie']).toEqual(['A=1; Path=/', 'B=2']);
  });
});

describe('createHttpClient with an undici MockAgent', () => {
  it('uses the given dispatcher and never the network', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('https://api.example.com').intercept({ path: '/v1/x?token=abc', method: 'GET' }).reply(200, { ok: 1 });
    const client = createHttpClient({
      provider: 'test',
      baseUrl: 'https://api.example.com',
      timeoutMs: 1_000,
      dispatcher: agent,
    });
    expect(await client.getJson('/v1/x', { token: 'abc' })).toEqual({ ok: 1 });
    await agent.close();
  });
});
