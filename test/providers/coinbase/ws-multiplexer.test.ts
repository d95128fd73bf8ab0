import { afterEach, describe, expect, it } from 'vitest';
import { loadStreamAdapter } from '../../../src/providers/stream/adapter-registry.js';
import { createLiveStream, type Multiplexer } from '../../../src/providers/stream/multiplexer.js';
import { startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { collect, statuses, waitFor } from '../stream/helpers.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';

const { frames } = wsFixtureReader('coinbase');
const TICKERS = frames('ws-exchange-feed-mixed-2019-2022-tardis.ndjson').filter((f) => f.includes('"ticker"'));
const SUBSCRIPTIONS = frames('ws-exchange-sandbox-level2-subscribe-error-subscriptions-l2update-2022.ndjson').filter(
  (f) => f.includes('"subscriptions"'),
);
const HEARTBEAT = frames('doc-ws-exchange-heartbeat.json');

let exchange: FakeExchange | undefined;
let live: Multiplexer | undefined;

afterEach(async () => {
  await live?.close();
  await exchange?.close();
  live = exchange = undefined;
});

describe('the multiplexer on the coinbase adapter', () => {
  it('subscribes once for trades and quotes, delivers the recorded tickers, and keeps trades when quotes go', async () => {
    exchange = await startFakeExchange({
      onMessage: (client, text) => {
        if (text.includes('"BTC-USD"')) client.send(...SUBSCRIPTIONS, ...TICKERS, ...HEARTBEAT);
      },
    });
    const adapter = await loadStreamAdapter('coinbase', { url: exchange.url });
    live = createLiveStream({ adapters: [adapter!] });
    const quotes = live.subscribe(['BTC-USD'], { quotes: true });
    const events = collect(live.subscribe(['BTC-USD'], { trades: true }));
    await waitFor(() => live?.stats('coinbase')?.frames === 5, 'the recorded frames');
    await waitFor(() => events.some((event) => event.type === 'tick'), 'a tick');

    expect(live.stats('coinbase')).toMatchObject({ ticks: 3, malformed: 0, unknown: 0 });
    expect(statuses(events)[0]).toBe('connected');
    expect(describeEvent(events.at(-1)!)).toBe(
      'ticker BTC-USD 1669852800122 17165.16 size 0.05 bid 17165.15x0.6154089 ask 17167.76x0.18528568',
    );

    // Dropping the quotes consumer sends nothing: the next frame is the next subscribe.
    quotes.close();
    live.subscribe(['ETH-USD'], { trades: true });
    const client = exchange.connections[0];
    await waitFor(() => client?.received.length === 2, 'the ETH-USD subscribe');
    expect(client?.received).toEqual([
      '{"type":"subscribe","product_ids":["BTC-USD"],"channels":["ticker","heartbeat"]}',
      '{"type":"subscribe","product_ids":["ETH-USD"],"channels":["ticker","heartbeat"]}',
    ]);
  });
});
