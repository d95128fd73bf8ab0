import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../../src/errors.js';
import { createCoinbaseStreamAdapter } from '../../../src/providers/coinbase/ws.js';
import { runAdapterSession, startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/coinbase/ws-parse.js';

const { dir: FIXTURES, frames } = wsFixtureReader('coinbase');

let exchange: FakeExchange | undefined;

afterEach(async () => {
  await exchange?.close();
  exchange = undefined;
});

const TICKERS = frames('ws-exchange-feed-mixed-2019-2022-tardis.ndjson').filter((f) => f.includes('"ticker"'));

describe('coinbase stream adapter frames', () => {
  it('parses every recorded ws frame exactly as the ws parser does', () => {
    const adapter = createCoinbaseStreamAdapter();
    const names = readdirSync(FIXTURES).filter((name) => name.includes('ws-'));
    expect(names.length).toBeGreaterThan(3);
    for (const frame of names.flatMap((name) => frames(name)))
      expect(adapter.parse(frame, 1_000)).toEqual(parseFrame(frame));
  });

  it.each([
    ['nothing in particular', {}],
    ['trades', { trades: true }],
    [
      'trades with quotes and bars (best bid and ask ride on the ticker; bars are built)',
      { trades: true, quotes: true, bars: '1m' as const },
    ],
  ])('subscribes to ticker and heartbeat for %s', (_what, channels) => {
    const adapter = createCoinbaseStreamAdapter();
    expect(adapter.subscribeFrames(['BTC-USD', 'ETH-EUR'], channels)).toEqual([
      '{"type":"subscribe","product_ids":["BTC-USD","ETH-EUR"],"channels":["ticker","heartbeat"]}',
    ]);
    expect(adapter.unsubscribeFrames(['ETH-EUR'], channels)).toEqual([
      '{"type":"unsubscribe","product_ids":["ETH-EUR"],"channels":["ticker","heartbeat"]}',
    ]);
  });

  it.each([
    ['quotes', { quotes: true }],
    ['bars', { bars: '1m' as const }],
  ])('asks for nothing for %s alone, so dropping them never drops trades', (_what, channels) => {
    const adapter = createCoinbaseStreamAdapter();
    expect(adapter.subscribeFrames(['BTC-USD'], channels)).toEqual([]);
    expect(adapter.unsubscribeFrames(['BTC-USD'], channels)).toEqual([]);
    expect(() => adapter.subscribeFrames(['AAPL'], channels)).toThrow(ProviderError);
  });

  it('cuts long symbol lists at symbolsPerMessage', () => {
    const adapter = createCoinbaseStreamAdapter();
    const per = adapter.limits.symbolsPerMessage;
    const symbols = Array.from({ length: 2 * per + 1 }, (_, i) => `C${i}X-USD`);
    const sent = adapter.subscribeFrames(symbols, {}).map((f) => JSON.parse(f) as { product_ids: string[] });
    expect(sent.map((frame) => frame.product_ids.length)).toEqual([per, per, 1]);
    expect(sent.flatMap((frame) => frame.product_ids)).toEqual(symbols);
  });

  it('rejects what Coinbase cannot stream and feeds it does not have', () => {
    expect(() => createCoinbaseStreamAdapter().subscribeFrames(['AAPL'], {})).toThrow(ProviderError);
    expect(() => createCoinbaseStreamAdapter({ feed: 'advanced' })).toThrow(ConfigError);
    expect(createCoinbaseStreamAdapter({ feed: 'exchange' }).id).toBe('coinbase');
  });

  it('connects keyless to the Exchange feed, relies on heartbeats and answers none', () => {
    const adapter = createCoinbaseStreamAdapter();
    expect(adapter.url()).toBe('wss://ws-feed.exchange.coinbase.com');
    expect(adapter.openFrames()).toEqual([]);
    expect(adapter.awaitsAuthentication).toBe(false);
    expect(adapter.reply?.(frames('doc-ws-exchange-heartbeat.json')[0] ?? '')).toBeUndefined();
    expect(adapter.heartbeat).toEqual({ kind: 'server', intervalMs: 1_000, timeoutMs: 10_000 });
    expect(adapter.limits).toEqual({ controlMessagesPerSecond: 8, symbolsPerMessage: 100 });
  });

  it('parses recorded frames through the ws parser', () => {
    const adapter = createCoinbaseStreamAdapter();
    expect(adapter.parse(frames('doc-ws-exchange-heartbeat.json')[0] ?? '', 0).map(describeEvent)).toEqual([
      'status heartbeat',
    ]);
    expect(adapter.parse(frames('ws-exchange-error-auth-required.json')[0] ?? '', 0).map(describeEvent)).toEqual([
      'status error',
    ]);
  });
});

describe('coinbase stream adapter against a local exchange', () => {
  it('subscribes and reads recorded tickers and heartbeats', async () => {
    const sandbox = frames('ws-exchange-sandbox-level2-subscribe-error-subscriptions-l2update-2022.ndjson');
    const subscriptions = sandbox.filter((f) => f.includes('"subscriptions"'));
    exchange = await startFakeExchange({
      onMessage: (client) => {
        client.send(...subscriptions, ...TICKERS, ...frames('doc-ws-exchange-heartbeat.json')).close();
      },
    });
    const adapter = createCoinbaseStreamAdapter({ url: exchange.url });
    const session = await runAdapterSession(adapter, { symbols: ['BTC-USD'], channels: { trades: true } });

    expect(exchange.connections[0]?.received).toEqual([
      '{"type":"subscribe","product_ids":["BTC-USD"],"channels":["ticker","heartbeat"]}',
    ]);
    expect(session.events.map(describeEvent)).toEqual([
      'status subscribed',
      'ticker BTC-USD 1554076804540 4095 size 2 bid 4094.99x- ask 4095x-',
      'ticker BTC-USD 1617235201618 58800.01 size 0.05 bid 58800x- ask 58800.01x-',
      'ticker BTC-USD 1669852800122 17165.16 size 0.05 bid 17165.15x0.6154089 ask 17167.76x0.18528568',
      'status heartbeat',
    ]);
  });
});
