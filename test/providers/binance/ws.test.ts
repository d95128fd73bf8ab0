import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../../src/errors.js';
import { BINANCE_MAX_STREAMS_PER_CONNECTION, createBinanceStreamAdapter } from '../../../src/providers/binance/ws.js';
import {
  runAdapterSession,
  SESSION_RECEIVED_MS,
  startFakeExchange,
  type FakeExchange,
} from '../../helpers/fake-exchange.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/binance/ws-parse.js';

const { dir: FIXTURES, frames } = wsFixtureReader('binance');

let exchange: FakeExchange | undefined;

afterEach(async () => {
  await exchange?.close();
  exchange = undefined;
});

describe('binance stream adapter frames', () => {
  it('parses every recorded ws frame exactly as the ws parser does', () => {
    const adapter = createBinanceStreamAdapter();
    const names = readdirSync(FIXTURES).filter((name) => name.includes('ws-'));
    expect(names.length).toBeGreaterThan(3);
    for (const frame of names.flatMap((name) => frames(name)))
      expect(adapter.parse(frame, 1_000)).toEqual(parseFrame(frame, 1_000));
  });

  it('subscribes to the trade stream when nothing else is asked for, with rising ids', () => {
    const adapter = createBinanceStreamAdapter();
    expect(adapter.subscribeFrames(['BTC-USD', 'ETH-BTC'], {})).toEqual([
      '{"method":"SUBSCRIBE","params":["btcusdt@trade","ethbtc@trade"],"id":1}',
    ]);
    expect(adapter.unsubscribeFrames(['ETH-BTC'], {})).toEqual([
      '{"method":"UNSUBSCRIBE","params":["ethbtc@trade"],"id":2}',
    ]);
  });

  it.each<[string, Parameters<ReturnType<typeof createBinanceStreamAdapter>['subscribeFrames']>[1], string[]]>([
    ['trades', { trades: true }, ['btcusdt@trade']],
    ['quotes', { quotes: true }, ['btcusdt@bookTicker']],
    ['minute bars', { bars: '1m' }, ['btcusdt@kline_1m']],
    ['weekly bars in Binance words', { bars: '1wk' }, ['btcusdt@kline_1w']],
    [
      'everything',
      { trades: true, quotes: true, bars: '1h' },
      ['btcusdt@trade', 'btcusdt@bookTicker', 'btcusdt@kline_1h'],
    ],
  ])('%s', (_what, channels, streams) => {
    const frame = createBinanceStreamAdapter().subscribeFrames(['BTC-USD'], channels);
    expect(frame).toEqual([JSON.stringify({ method: 'SUBSCRIBE', params: streams, id: 1 })]);
  });

  it.each([
    ['aggTrade', 'btcusdt@aggTrade'],
    ['miniTicker', 'btcusdt@miniTicker'],
  ])('the %s feed stands for trades', (feed, stream) => {
    const adapter = createBinanceStreamAdapter({ feed });
    expect(adapter.subscribeFrames(['BTC-USD'], { trades: true })).toEqual([
      `{"method":"SUBSCRIBE","params":["${stream}"],"id":1}`,
    ]);
  });

  it('names the accepted feeds when given another', () => {
    expect(() => createBinanceStreamAdapter({ feed: 'depth' })).toThrow(ConfigError);
    expect(() => createBinanceStreamAdapter({ feed: 'depth' })).toThrow(/accepted feeds: trade, aggTrade, miniTicker/);
  });

  it('cuts long symbol lists at symbolsPerMessage', () => {
    const adapter = createBinanceStreamAdapter();
    const per = adapter.limits.symbolsPerMessage;
    const symbols = Array.from({ length: per + 1 }, (_, i) => `C${i}X-USD`);
    const sent = adapter
      .subscribeFrames(symbols, { trades: true })
      .map((frame) => JSON.parse(frame) as { params: string[]; id: number });
    expect(sent.map((frame) => [frame.params.length, frame.id])).toEqual([
      [per, 1],
      [1, 2],
    ]);
    expect(sent[1]?.params).toEqual([`c${per}xusdt@trade`]);
    expect(adapter.subscribeFrames([], { trades: true })).toEqual([]);
  });

  it('rejects a symbol Binance cannot stream', () => {
    expect(() => createBinanceStreamAdapter().subscribeFrames(['AAPL'], {})).toThrow(ProviderError);
  });

  it('connects to the combined endpoint with no handshake of its own', () => {
    const adapter = createBinanceStreamAdapter();
    expect(adapter.url()).toBe('wss://stream.binance.com:9443/stream');
    expect(adapter.openFrames()).toEqual([]);
    expect(adapter.awaitsAuthentication).toBe(false);
    expect(createBinanceStreamAdapter({ url: 'ws://127.0.0.1:9/stream' }).url()).toBe('ws://127.0.0.1:9/stream');
  });

  it('leaves keep-alives to ws (server pings are control frames) and states the documented limits', () => {
    const adapter = createBinanceStreamAdapter();
    for (const frame of frames('ws-combined-trade-btcusdt-2020.json')) expect(adapter.reply?.(frame)).toBeUndefined();
    expect(adapter.heartbeat).toEqual({ kind: 'server', intervalMs: 20_000, timeoutMs: 60_000 });
    expect(adapter.limits).toEqual({
      controlMessagesPerSecond: 4,
      symbolsPerMessage: 300,
      maxConnectionAgeMs: 86_400_000,
    });
    // Every stream of a full batch fits in one connection.
    expect(adapter.limits.symbolsPerMessage * 3).toBeLessThanOrEqual(BINANCE_MAX_STREAMS_PER_CONNECTION);
  });

  it('parses recorded frames through the ws parser, dating spot bookTicker by receipt', () => {
    const adapter = createBinanceStreamAdapter();
    const bookTicker = frames('ws-combined-mixed-spot-2019-tardis.ndjson').find((f) => f.includes('@bookTicker')) ?? '';
    expect(adapter.parse(bookTicker, 1_000).map(describeEvent)).toEqual([
      'quote BTC-USD 1000 8011.075 size - bid 8010x0.142459 ask 8012.15x0.031201',
    ]);
    expect(adapter.parse(frames('ws-subscribe-response.json')[0] ?? '', 0).map(describeEvent)).toEqual([
      'status subscribed',
    ]);
    expect(adapter.parse(frames('doc-ws-serverShutdown-combined.json')[0] ?? '', 0).map(describeEvent)).toEqual([
      'status shutdown',
    ]);
  });
});

describe('binance stream adapter against a local exchange', () => {
  it('subscribes, answers server pings and reads the recorded streams', async () => {
    const data = [
      ...frames('ws-combined-trade-btcusdt-2020.json'),
      ...frames('ws-combined-mixed-spot-2019-tardis.ndjson').filter((f) => f.includes('btcusdt@bookTicker')),
      ...frames('ws-combined-kline_1m-btcusdt-open-candle-2020.json'),
    ];
    exchange = await startFakeExchange({
      onMessage: (client, text) => {
        const { id } = JSON.parse(text) as { id: number };
        const ponged = client.nextPong();
        client
          .send(JSON.stringify({ result: null, id }))
          .ping()
          .send(...data);
        // The pong travels after the data; close once it has arrived.
        void ponged.then(() => client.close());
      },
    });
    const adapter = createBinanceStreamAdapter({ url: `${exchange.url}/stream` });
    const session = await runAdapterSession(adapter, {
      symbols: ['BTC-USD'],
      channels: { trades: true, quotes: true, bars: '1m' },
    });

    const client = exchange.connections[0];
    expect(client?.url).toBe('/stream');
    expect(client?.received).toEqual([
      '{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@bookTicker","btcusdt@kline_1m"],"id":1}',
    ]);
    expect(client?.pongs).toBe(1);
    expect(session.events.map(describeEvent)).toEqual([
      'status subscribed',
      'trade BTC-USD 1592591955765 9302 size 0.001019',
      `quote BTC-USD ${SESSION_RECEIVED_MS} 8011.075 size - bid 8010x0.142459 ask 8012.15x0.031201`,
      'bar BTC-USD 1m 1601630220000 10437.32 10441.8 10437.32 10441.8 20.639574 open',
    ]);
  });
});
