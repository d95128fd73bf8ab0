import { afterEach, describe, expect, it } from 'vitest';
import { loadStreamAdapter } from '../../../src/providers/stream/adapter-registry.js';
import { createLiveStream, type Multiplexer } from '../../../src/providers/stream/multiplexer.js';
import { startFakeExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { collect, statuses, waitFor } from '../stream/helpers.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';

const { frames } = wsFixtureReader('finnhub');
const TOKEN = 'finnhub-test-token';

let exchange: FakeExchange | undefined;
let live: Multiplexer | undefined;

afterEach(async () => {
  await live?.close();
  await exchange?.close();
  live = exchange = undefined;
});

describe('the multiplexer on the finnhub adapter', () => {
  it('connects with the token, subscribes per symbol and delivers the latest recorded trade per symbol', async () => {
    exchange = await startFakeExchange({
      onMessage: (client) => {
        if (client.received.length === 2)
          client.send(
            ...frames('ws-ping.json'),
            ...frames('ws-trade-US-stocks-TSLA-AAPL-with-conditions-2022-12-29.json'),
          );
      },
    });
    const adapter = await loadStreamAdapter('finnhub', { apiKey: TOKEN, url: exchange.url });
    live = createLiveStream({ adapters: [adapter!] });
    const events = collect(live.subscribe(['TSLA', 'AAPL'], { trades: true, quotes: true }));
    await waitFor(() => live?.stats('finnhub')?.ticks === 9, 'the recorded trades');
    const latest = () => events.flatMap((e) => (e.type === 'tick' ? [describeEvent(e)] : [])).slice(-2);
    await waitFor(() => latest().some((line) => line.includes('129.575')), 'the last AAPL trade');

    const client = exchange.connections[0];
    expect(new URL(client?.url ?? '', 'ws://local').searchParams.get('token')).toBe(TOKEN);
    // Quotes ask for nothing: Finnhub has none.
    expect(client?.received).toEqual(['{"type":"subscribe","symbol":"TSLA"}', '{"type":"subscribe","symbol":"AAPL"}']);
    expect(statuses(events)[0]).toBe('connected');
    expect(live.stats('finnhub')).toMatchObject({ frames: 2, malformed: 0, unknown: 0 });
    expect(latest()).toContain('trade AAPL 1672348887785 129.575 size 1');
  });
});
