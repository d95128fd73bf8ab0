import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../../src/errors.js';
import { createAlpacaStreamAdapter } from '../../../src/providers/alpaca/ws.js';
import type { StreamChannels } from '../../../src/providers/stream/types.js';
import { runAdapterSession, startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/alpaca/ws-parse.js';

const { dir: FIXTURES, frames } = wsFixtureReader('alpaca');
const CREDENTIAL = 'AKTESTKEY:s3cr3t-value';
const AUTH = '{"action":"auth","key":"AKTESTKEY","secret":"s3cr3t-value"}';

const SESSION = frames('doc-ws-stocks-v2-sip-session-wscat-2021-02-22.ndjson');
const [CONNECTED = '', AUTHENTICATED = '', TRADE = '', QUOTES = ''] = SESSION;
const AUTH_FAILED = frames('doc-ws-errors-all-codes.ndjson').find((f) => f.includes('"code":402')) ?? '';
const SUBSCRIPTION_ACK = frames('doc-ws-stocks-subscription-acks.ndjson')[0] ?? '';

let exchange: FakeExchange | undefined;

afterEach(async () => {
  await exchange?.close();
  exchange = undefined;
});

describe('alpaca stream adapter frames', () => {
  it('parses every recorded ws frame exactly as the ws parser does', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    const names = readdirSync(FIXTURES).filter((name) => name.includes('ws-'));
    expect(names.length).toBeGreaterThan(3);
    for (const frame of names.flatMap((name) => frames(name)))
      expect(adapter.parse(frame, 1_000)).toEqual(parseFrame(frame));
  });

  it('authenticates first with the two halves of KEY_ID:SECRET_KEY, and waits for the answer', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    expect(adapter.openFrames()).toEqual([AUTH]);
    expect(adapter.awaitsAuthentication).toBe(true);
    expect(adapter.url()).toBe('wss://stream.data.alpaca.markets/v2/iex');
  });

  it.each<[string, StreamChannels, string]>([
    ['nothing in particular', {}, '{"action":"subscribe","trades":["AAPL","BRK.B"]}'],
    ['quotes', { quotes: true }, '{"action":"subscribe","quotes":["AAPL","BRK.B"]}'],
    ['minute bars', { bars: '1m' }, '{"action":"subscribe","bars":["AAPL","BRK.B"]}'],
    ['daily bars', { bars: '1d' }, '{"action":"subscribe","dailyBars":["AAPL","BRK.B"]}'],
    [
      'trades with bars Alpaca does not build (the multiplexer builds them)',
      { trades: true, bars: '5m' },
      '{"action":"subscribe","trades":["AAPL","BRK.B"]}',
    ],
    [
      'everything',
      { trades: true, quotes: true, bars: '1m' },
      '{"action":"subscribe","trades":["AAPL","BRK.B"],"quotes":["AAPL","BRK.B"],"bars":["AAPL","BRK.B"]}',
    ],
  ])('subscribes for %s', (_what, channels, frame) => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    expect(adapter.subscribeFrames(['AAPL', 'BRK-B'], channels)).toEqual([frame]);
    expect(adapter.unsubscribeFrames(['AAPL', 'BRK-B'], channels)).toEqual([
      frame.replace('"subscribe"', '"unsubscribe"'),
    ]);
  });

  it('asks for nothing when only bars Alpaca does not build are wanted', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    expect(adapter.subscribeFrames(['AAPL'], { bars: '5m' })).toEqual([]);
    expect(adapter.unsubscribeFrames(['AAPL'], { bars: '5m' })).toEqual([]);
  });

  it('cuts long symbol lists at symbolsPerMessage', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    const per = adapter.limits.symbolsPerMessage;
    const symbols = Array.from({ length: per + 2 }, (_, i) => `S${i}`);
    const sent = adapter.subscribeFrames(symbols, { trades: true }).map((f) => JSON.parse(f) as { trades: string[] });
    expect(sent.map((frame) => frame.trades.length)).toEqual([per, 2]);
    expect(sent.flatMap((frame) => frame.trades)).toEqual(symbols);
  });

  it('streams crypto pairs on the crypto feed and shares on the stock feeds only', () => {
    const crypto = createAlpacaStreamAdapter({ apiKey: CREDENTIAL, feed: 'crypto' });
    expect(crypto.url()).toBe('wss://stream.data.alpaca.markets/v1beta3/crypto/us');
    expect(crypto.subscribeFrames(['BTC-USD'], { quotes: true })).toEqual([
      '{"action":"subscribe","quotes":["BTC/USD"]}',
    ]);
    expect(() => crypto.subscribeFrames(['AAPL'], {})).toThrow(ProviderError);
    const sip = createAlpacaStreamAdapter({ apiKey: CREDENTIAL, feed: 'sip' });
    expect(sip.url()).toBe('wss://stream.data.alpaca.markets/v2/sip');
    expect(() => sip.subscribeFrames(['BTC-USD'], {})).toThrow(/the sip feed carries US shares only/);
    expect(() => sip.subscribeFrames(['OCDO.L'], {})).toThrow(ProviderError);
  });

  it.each([
    ['no key', undefined],
    ['a key without its secret', 'AKTESTKEY'],
    ['an empty secret', 'AKTESTKEY:'],
    ['an empty key id', ':s3cr3t-value'],
  ])('refuses %s without repeating it', (_what, apiKey) => {
    try {
      createAlpacaStreamAdapter(apiKey === undefined ? {} : { apiKey });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(JSON.stringify((error as ConfigError).toJSON())).not.toMatch(/AKTESTKEY|s3cr3t/);
    }
  });

  it('names the accepted feeds', () => {
    expect(() => createAlpacaStreamAdapter({ apiKey: CREDENTIAL, feed: 'otc' })).toThrow(
      /accepted feeds: iex, sip, crypto/,
    );
  });

  it('keeps the secret out of everything but the auth frame', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    const exposed = [
      adapter.url(),
      JSON.stringify(adapter),
      ...adapter.subscribeFrames(['AAPL'], { trades: true, quotes: true, bars: '1m' }),
      ...adapter.unsubscribeFrames(['AAPL'], {}),
    ].join('\n');
    expect(exposed).not.toContain('s3cr3t');
  });

  it('pings a quiet stream itself and has nothing to answer', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    for (const frame of SESSION) expect(adapter.reply?.(frame)).toBeUndefined();
    expect(adapter.heartbeat).toEqual({ kind: 'ping', intervalMs: 20_000, timeoutMs: 60_000 });
    expect(adapter.limits).toEqual({ controlMessagesPerSecond: 3, symbolsPerMessage: 100 });
  });

  it('reads a recorded auth failure as auth-failed', () => {
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL });
    expect(adapter.parse(AUTH_FAILED, 0)).toEqual([
      { type: 'status', status: 'auth-failed', source: 'alpaca', message: 'auth failed', code: '402' },
    ]);
  });
});

describe('alpaca stream adapter against a local exchange', () => {
  it('authenticates, subscribes once authenticated and reads the recorded session', async () => {
    exchange = await startFakeExchange({
      onConnection: (client) => client.send(CONNECTED),
      onMessage: (client, text) => {
        if (text.includes('"auth"')) client.send(AUTHENTICATED);
        else client.send(SUBSCRIPTION_ACK, TRADE, QUOTES).close();
      },
    });
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL, feed: 'sip', url: `${exchange.url}/v2/sip` });
    const session = await runAdapterSession(adapter, {
      symbols: ['AAPL', 'AMD'],
      channels: { trades: true, quotes: true },
    });

    const client = exchange.connections[0];
    expect(client?.url).toBe('/v2/sip');
    expect(client?.received).toEqual([AUTH, '{"action":"subscribe","trades":["AAPL","AMD"],"quotes":["AAPL","AMD"]}']);
    expect(session.events.map(describeEvent)).toEqual([
      'status connected',
      'status authenticated',
      'status subscribed',
      'trade AAPL 1614009104208 126.55 size 1',
      'quote AMD 1614009105335 87.665 size - bid 87.66x1 ask 87.67x1',
      'quote AMD 1614009105335 87.67 size - bid 87.66x1 ask 87.68x4',
      'quote AMD 1614009105335 87.665 size - bid 87.66x1 ask 87.67x1',
    ]);
  });

  it('never subscribes when the key is refused, and reports auth-failed', async () => {
    exchange = await startFakeExchange({
      onConnection: (client) => client.send(CONNECTED),
      onMessage: (client) => client.send(AUTH_FAILED),
    });
    const adapter = createAlpacaStreamAdapter({ apiKey: CREDENTIAL, url: exchange.url });
    const session = await runAdapterSession(adapter, { symbols: ['AAPL'] });

    expect(exchange.connections[0]?.received).toEqual([AUTH]);
    expect(session.events.map(describeEvent)).toEqual(['status connected', 'status auth-failed 402']);
  });
});
