import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../../src/errors.js';
import { createFinnhubStreamAdapter } from '../../../src/providers/finnhub/ws.js';
import type { StreamAdapter } from '../../../src/providers/stream/types.js';
import { runAdapterSession, startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/finnhub/ws-parse.js';

const { dir: FIXTURES, frames } = wsFixtureReader('finnhub');
const TOKEN = 'c0ffee-token/+=';

let exchange: FakeExchange | undefined;

afterEach(async () => {
  await exchange?.close();
  exchange = undefined;
});

/** Everything the adapter exposes except its URL, as text. */
function exposedText(adapter: StreamAdapter): string {
  const symbols = ['AAPL', 'BTC-USD'];
  return [
    JSON.stringify(adapter),
    String(adapter.awaitsAuthentication),
    ...adapter.openFrames(),
    ...adapter.subscribeFrames(symbols, { trades: true, quotes: true, bars: '1m' }),
    ...adapter.unsubscribeFrames(symbols, {}),
    String(adapter.reply?.(frames('ws-ping.json')[0] ?? '')),
    JSON.stringify(adapter.parse('{"type":"error","msg":"bad"}', 0)),
  ].join('\n');
}

describe('finnhub stream adapter frames', () => {
  it('parses every recorded ws frame exactly as the ws parser does', () => {
    const adapter = createFinnhubStreamAdapter({ apiKey: TOKEN });
    const names = readdirSync(FIXTURES).filter((name) => name.includes('ws-'));
    expect(names.length).toBeGreaterThan(3);
    for (const frame of names.flatMap((name) => frames(name)))
      expect(adapter.parse(frame, 1_000)).toEqual(parseFrame(frame));
  });

  it('sends one subscribe message per symbol, in Finnhub forms', () => {
    const adapter = createFinnhubStreamAdapter({ apiKey: TOKEN });
    expect(adapter.subscribeFrames(['AAPL', 'BRK-B', 'BTC-USD'], {})).toEqual([
      '{"type":"subscribe","symbol":"AAPL"}',
      '{"type":"subscribe","symbol":"BRK.B"}',
      '{"type":"subscribe","symbol":"BINANCE:BTCUSDT"}',
    ]);
    expect(adapter.unsubscribeFrames(['AAPL'], { trades: true })).toEqual(['{"type":"unsubscribe","symbol":"AAPL"}']);
    expect(adapter.limits.symbolsPerMessage).toBe(1);
  });

  it('asks for trades only, since trades are all Finnhub streams', () => {
    const adapter = createFinnhubStreamAdapter({ apiKey: TOKEN });
    expect(adapter.subscribeFrames(['AAPL'], { trades: true, quotes: true, bars: '5m' })).toEqual([
      '{"type":"subscribe","symbol":"AAPL"}',
    ]);
    // Quotes or bars alone: nothing, so dropping them never unsubscribes another consumer's trades.
    expect(adapter.subscribeFrames(['AAPL'], { quotes: true })).toEqual([]);
    expect(adapter.unsubscribeFrames(['AAPL'], { quotes: true, bars: '5m' })).toEqual([]);
    expect(() => adapter.subscribeFrames(['^GSPC'], { quotes: true })).toThrow(ProviderError);
  });

  it('puts the token in the URL, encoded, and nowhere else', () => {
    const adapter = createFinnhubStreamAdapter({ apiKey: TOKEN });
    expect(adapter.url()).toBe('wss://ws.finnhub.io/?token=c0ffee-token%2F%2B%3D');
    expect(new URL(adapter.url()).searchParams.get('token')).toBe(TOKEN);
    expect(exposedText(adapter)).not.toContain('c0ffee');
    const local = createFinnhubStreamAdapter({ apiKey: TOKEN, url: 'ws://127.0.0.1:9/' });
    expect(local.url()).toBe('ws://127.0.0.1:9/?token=c0ffee-token%2F%2B%3D');
  });

  it('needs a key, and says how to set one', () => {
    expect(() => createFinnhubStreamAdapter()).toThrow(ConfigError);
    expect(() => createFinnhubStreamAdapter({ apiKey: ' ' })).toThrow(
      expect.objectContaining({ hint: 'set one with: stockato keys set finnhub' }),
    );
    try {
      createFinnhubStreamAdapter({ apiKey: TOKEN, feed: 'news' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).not.toContain('c0ffee');
    }
  });

  it('rejects a symbol Finnhub has no form for', () => {
    expect(() => createFinnhubStreamAdapter({ apiKey: TOKEN }).subscribeFrames(['^GSPC'], {})).toThrow(ProviderError);
  });

  it('takes its ping as a heartbeat needing no answer, and pings the server itself', () => {
    const adapter = createFinnhubStreamAdapter({ apiKey: TOKEN });
    const ping = frames('ws-ping.json')[0] ?? '';
    expect(adapter.reply?.(ping)).toBeUndefined();
    expect(adapter.parse(ping, 0).map(describeEvent)).toEqual(['status heartbeat']);
    expect(adapter.heartbeat).toEqual({ kind: 'ping', intervalMs: 20_000, timeoutMs: 60_000 });
    expect(adapter.openFrames()).toEqual([]);
    expect(adapter.awaitsAuthentication).toBe(false);
  });
});

describe('finnhub stream adapter against a local exchange', () => {
  it('connects with the token, subscribes per symbol and reads recorded trades and pings', async () => {
    exchange = await startFakeExchange({
      onMessage: (client) => {
        if (client.received.length < 2) return;
        client
          .send(
            ...frames('ws-ping.json'),
            ...frames('ws-trade-US-stocks-TSLA-AAPL-with-conditions-2022-12-29.json'),
            ...frames('ws-trade-BINANCE-BTCUSDT-2024-07-21.json'),
          )
          .close();
      },
    });
    const adapter = createFinnhubStreamAdapter({ apiKey: TOKEN, url: exchange.url });
    const session = await runAdapterSession(adapter, { symbols: ['AAPL', 'BTC-USD'] });

    const client = exchange.connections[0];
    expect(new URL(client?.url ?? '', 'ws://x').searchParams.get('token')).toBe(TOKEN);
    expect(client?.received).toEqual([
      '{"type":"subscribe","symbol":"AAPL"}',
      '{"type":"subscribe","symbol":"BINANCE:BTCUSDT"}',
    ]);
    const described = session.events.map(describeEvent);
    expect(described.slice(0, 2)).toEqual(['status heartbeat', 'trade TSLA 1672348887195 122.1 size 1']);
    expect(described.slice(-3)).toEqual([
      'trade AAPL 1672348887666 129.58 size 1',
      'trade AAPL 1672348887785 129.575 size 1',
      'trade BTC-USD 1721555886208 66972.77 size 0.01559',
    ]);
    expect(described).toHaveLength(11);
  });
});
