import { afterEach, describe, expect, it } from 'vitest';
import type { Tick } from '../../../src/engine/tick.js';
import { loadStreamAdapter } from '../../../src/providers/stream/adapter-registry.js';
import { createLiveStream, type Multiplexer } from '../../../src/providers/stream/multiplexer.js';
import { startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { collect, statuses, waitFor } from '../stream/helpers.js';
import { wsFixtureReader } from '../ws-fixtures.js';

const { frames } = wsFixtureReader('binance');
const TRADE = frames('ws-combined-trade-btcusdt-2020.json');
const BOOK_TICKER = frames('ws-combined-mixed-spot-2019-tardis.ndjson').filter((f) => f.includes('btcusdt@bookTicker'));

let exchange: FakeExchange | undefined;
let live: Multiplexer | undefined;

afterEach(async () => {
  await live?.close();
  await exchange?.close();
  live = exchange = undefined;
});

describe('the multiplexer on the binance adapter', () => {
  it('subscribes per channel with rising ids, answers pings, delivers recorded ticks and unsubscribes', async () => {
    exchange = await startFakeExchange({
      onMessage: (client, text) => {
        const { id, method } = JSON.parse(text) as { id: number; method: string };
        client.send(JSON.stringify({ result: null, id }));
        if (method === 'SUBSCRIBE' && id === 2) client.send(...TRADE, ...BOOK_TICKER).ping();
      },
    });
    const adapter = await loadStreamAdapter('binance', { url: `${exchange.url}/stream` });
    live = createLiveStream({ adapters: [adapter!] });
    const both = collect(live.subscribe(['BTC-USD', 'ETH-BTC'], { trades: true, quotes: true }));
    const ticks = () => both.flatMap((event) => (event.type === 'tick' ? [event.tick] : []));
    await waitFor(() => (live?.stats('binance')?.ticks ?? 0) === 2 && exchange?.connections[0]?.pongs === 1, 'ticks');

    const client = exchange.connections[0];
    expect(client?.url).toBe('/stream');
    expect(client?.received).toEqual([
      '{"method":"SUBSCRIBE","params":["btcusdt@trade","ethbtc@trade"],"id":1}',
      '{"method":"SUBSCRIBE","params":["btcusdt@bookTicker","ethbtc@bookTicker"],"id":2}',
    ]);
    await waitFor(() => ticks().some((tick) => tick.kind === 'quote'), 'the quote');
    expect(statuses(both)[0]).toBe('connected');
    expect(live.stats('binance')).toMatchObject({ connectAttempts: 1, malformed: 0, unknown: 0 });
    const quote = ticks().at(-1) as Tick;
    expect([quote.symbol, quote.kind, String(quote.price), String(quote.bid), String(quote.ask)]).toEqual([
      'BTC-USD',
      'quote',
      '8011.075',
      '8010',
      '8012.15',
    ]);

    // A second consumer keeps BTC-USD trades; closing the first drops the rest.
    const trades = live.subscribe(['BTC-USD'], { trades: true });
    const first = live.subscribe(['SOL-USD'], { trades: true });
    await waitFor(() => client?.received.length === 3, 'the SOL-USD subscribe');
    first.close();
    await waitFor(() => client?.received.length === 4, 'the SOL-USD unsubscribe');
    expect(client?.received.slice(2)).toEqual([
      '{"method":"SUBSCRIBE","params":["solusdt@trade"],"id":3}',
      '{"method":"UNSUBSCRIBE","params":["solusdt@trade"],"id":4}',
    ]);
    trades.close();
  });
});
