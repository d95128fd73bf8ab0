import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../../src/errors.js';
import { createPolygonStreamAdapter } from '../../../src/providers/polygon/ws.js';
import type { StreamChannels } from '../../../src/providers/stream/types.js';
import { runAdapterSession, startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/polygon/ws-parse.js';

const { dir: FIXTURES, frames } = wsFixtureReader('polygon');
const KEY = 'pk_test_0123456789';
const AUTH = `{"action":"auth","params":"${KEY}"}`;

const [CONNECTED = '', AUTH_SUCCESS = '', ...SUBSCRIBED] = frames('ws-stocks-session-handshake-subscribe.ndjson');
const AUTH_FAILED = frames('ws-status-auth_failed.json')[0] ?? '';

let exchange: FakeExchange | undefined;

afterEach(async () => {
  await exchange?.close();
  exchange = undefined;
});

describe('polygon stream adapter frames', () => {
  it('parses every recorded ws frame exactly as the ws parser does', () => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    const names = readdirSync(FIXTURES).filter((name) => name.includes('ws-'));
    expect(names.length).toBeGreaterThan(3);
    for (const frame of names.flatMap((name) => frames(name)))
      expect(adapter.parse(frame, 1_000)).toEqual(parseFrame(frame));
  });

  it('authenticates with the key as params and waits for auth_success', () => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    expect(adapter.openFrames()).toEqual([AUTH]);
    expect(adapter.awaitsAuthentication).toBe(true);
    expect(adapter.url()).toBe('wss://socket.massive.com/stocks');
  });

  it.each<[string, StreamChannels, string]>([
    ['nothing in particular', {}, 'T.AAPL,T.BRK.B'],
    ['quotes', { quotes: true }, 'Q.AAPL,Q.BRK.B'],
    ['minute bars', { bars: '1m' }, 'AM.AAPL,AM.BRK.B'],
    ['trades with bars Polygon does not build', { trades: true, bars: '1h' }, 'T.AAPL,T.BRK.B'],
    ['everything', { trades: true, quotes: true, bars: '1m' }, 'T.AAPL,Q.AAPL,AM.AAPL,T.BRK.B,Q.BRK.B,AM.BRK.B'],
  ])('subscribes to the stocks channels for %s', (_what, channels, params) => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    expect(adapter.subscribeFrames(['AAPL', 'BRK-B'], channels)).toEqual([
      JSON.stringify({ action: 'subscribe', params }),
    ]);
    expect(adapter.unsubscribeFrames(['AAPL', 'BRK-B'], channels)).toEqual([
      JSON.stringify({ action: 'unsubscribe', params }),
    ]);
  });

  it('asks for nothing when only bars Polygon does not build are wanted', () => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    expect(adapter.subscribeFrames(['AAPL'], { bars: '1h' })).toEqual([]);
    expect(adapter.unsubscribeFrames(['AAPL'], { bars: '1h' })).toEqual([]);
  });

  it('uses the X-prefixed channels and pairs on the crypto cluster', () => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY, feed: 'crypto' });
    expect(adapter.url()).toBe('wss://socket.massive.com/crypto');
    expect(adapter.subscribeFrames(['BTC-USD'], { trades: true, quotes: true, bars: '1m' })).toEqual([
      '{"action":"subscribe","params":"XT.BTC-USD,XQ.BTC-USD,XA.BTC-USD"}',
    ]);
    expect(() => adapter.subscribeFrames(['AAPL'], {})).toThrow(/the crypto cluster carries crypto pairs only/);
    const stocks = createPolygonStreamAdapter({ apiKey: KEY });
    expect(() => stocks.subscribeFrames(['BTC-USD'], {})).toThrow(ProviderError);
    expect(() => stocks.subscribeFrames(['OCDO.L'], {})).toThrow(ProviderError);
  });

  it('cuts long symbol lists at symbolsPerMessage', () => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    const per = adapter.limits.symbolsPerMessage;
    const symbols = Array.from({ length: per + 1 }, (_, i) => `S${i}`);
    const sent = adapter.subscribeFrames(symbols, { trades: true, quotes: true }).map((f) => {
      return (JSON.parse(f) as { params: string }).params.split(',');
    });
    expect(sent.map((params) => params.length)).toEqual([2 * per, 2]);
    expect(sent[1]).toEqual([`T.S${per}`, `Q.S${per}`]);
  });

  it('needs a key, names the accepted clusters, and keeps the key out of everything but the auth frame', () => {
    expect(() => createPolygonStreamAdapter()).toThrow(ConfigError);
    expect(() => createPolygonStreamAdapter({ apiKey: KEY, feed: 'options' })).toThrow(
      /accepted feeds: stocks, crypto/,
    );
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    const exposed = [
      adapter.url(),
      JSON.stringify(adapter),
      ...adapter.subscribeFrames(['AAPL'], { trades: true }),
      ...adapter.unsubscribeFrames(['AAPL'], {}),
    ].join('\n');
    expect(exposed).not.toContain(KEY);
  });

  it('pings a quiet connection itself and has nothing to answer', () => {
    const adapter = createPolygonStreamAdapter({ apiKey: KEY });
    expect(adapter.reply?.(CONNECTED)).toBeUndefined();
    expect(adapter.heartbeat).toEqual({ kind: 'ping', intervalMs: 20_000, timeoutMs: 60_000 });
    expect(adapter.limits).toEqual({ controlMessagesPerSecond: 5, symbolsPerMessage: 100 });
  });

  it('reads the recorded auth failure as auth-failed', () => {
    expect(createPolygonStreamAdapter({ apiKey: KEY }).parse(AUTH_FAILED, 0)).toEqual([
      {
        type: 'status',
        status: 'auth-failed',
        source: 'polygon',
        code: 'auth_failed',
        message: 'authentication failed',
      },
    ]);
  });
});

describe('polygon stream adapter against a local exchange', () => {
  it('authenticates, then subscribes, and reads the recorded session and trades', async () => {
    exchange = await startFakeExchange({
      onConnection: (client) => client.send(CONNECTED),
      onMessage: (client, text) => {
        if (text.includes('"auth"')) client.send(AUTH_SUCCESS);
        else
          client
            .send(
              ...SUBSCRIBED,
              ...frames('ws-stocks-trade-T-AAPL-2022-05-04.json'),
              ...frames('doc-ws-stocks-quote-Q.json'),
              ...frames('doc-ws-stocks-minute-agg-AM.json'),
            )
            .close();
      },
    });
    const adapter = createPolygonStreamAdapter({ apiKey: KEY, url: `${exchange.url}/stocks` });
    const session = await runAdapterSession(adapter, {
      symbols: ['AAPL'],
      channels: { trades: true, quotes: true, bars: '1m' },
    });

    const client = exchange.connections[0];
    expect(client?.url).toBe('/stocks');
    expect(client?.received).toEqual([AUTH, '{"action":"subscribe","params":"T.AAPL,Q.AAPL,AM.AAPL"}']);
    expect(session.events.map(describeEvent)).toEqual([
      'status connected connected',
      'status authenticated auth_success',
      'status subscribed success',
      'status subscribed success',
      'status subscribed success',
      'trade AAPL 1651684192462 161.87 size 300',
      'quote MSFT 1536036818784 114.1265 size - bid 114.125x100 ask 114.128x160',
      'bar GTE 1m 1610144640000 0.4488 0.4489 0.4486 0.4486 4110 closed',
    ]);
  });

  it('never subscribes when the key is refused, and reports auth-failed', async () => {
    exchange = await startFakeExchange({
      onConnection: (client) => client.send(CONNECTED),
      onMessage: (client) => client.send(AUTH_FAILED),
    });
    const adapter = createPolygonStreamAdapter({ apiKey: KEY, url: exchange.url });
    const session = await runAdapterSession(adapter, { symbols: ['AAPL'] });

    expect(exchange.connections[0]?.received).toEqual([AUTH]);
    expect(session.events.map(describeEvent)).toEqual(['status connected connected', 'status auth-failed auth_failed']);
  });
});
