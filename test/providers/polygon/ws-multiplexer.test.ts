import { afterEach, describe, expect, it } from 'vitest';
import { loadStreamAdapter } from '../../../src/providers/stream/adapter-registry.js';
import { createLiveStream, type Multiplexer } from '../../../src/providers/stream/multiplexer.js';
import { startFakeExchange, startLateAuthExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { collect, statuses, waitFor } from '../stream/helpers.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';

const { frames } = wsFixtureReader('polygon');
const KEY = 'pk_test_0123456789';
const AUTH = `{"action":"auth","params":"${KEY}"}`;
const [CONNECTED = '', AUTH_SUCCESS = '', SUBSCRIBED = ''] = frames('ws-stocks-session-handshake-subscribe.ndjson');
const AUTH_FAILED = frames('ws-status-auth_failed.json')[0] ?? '';

let exchange: FakeExchange | undefined;
let live: Multiplexer | undefined;

afterEach(async () => {
  await live?.close();
  await exchange?.close();
  live = exchange = undefined;
});

async function liveOn(url: string): Promise<Multiplexer> {
  const adapter = await loadStreamAdapter('polygon', { apiKey: KEY, url });
  live = createLiveStream({ adapters: [adapter!] });
  return live;
}

describe('the multiplexer on the polygon adapter', () => {
  it('authenticates before subscribing and delivers the recorded trade', async () => {
    const late = await startLateAuthExchange(
      { connected: CONNECTED, auth: AUTH, authenticated: AUTH_SUCCESS },
      (client, text) => {
        if (text.includes('Q.')) client.send(SUBSCRIBED, ...frames('ws-stocks-trade-T-AAPL-2022-05-04.json'));
      },
    );
    exchange = late.exchange;
    const stream = await liveOn(`${exchange.url}/stocks`);
    const events = collect(stream.subscribe(['AAPL'], { trades: true, quotes: true }));
    await waitFor(() => events.some((e) => e.type === 'tick'), 'the recorded trade');

    expect(late.early).toEqual([]);
    expect(exchange.connections[0]?.url).toBe('/stocks');
    expect(exchange.connections[0]?.received).toEqual([
      AUTH,
      '{"action":"subscribe","params":"T.AAPL"}',
      '{"action":"subscribe","params":"Q.AAPL"}',
    ]);
    expect(statuses(events)[0]).toBe('connected');
    expect(stream.stats('polygon')).toMatchObject({ ticks: 1, malformed: 0, unknown: 0 });
    expect(describeEvent(events.at(-1)!)).toBe('trade AAPL 1651684192462 161.87 size 300');
  });

  it('stops at the recorded auth failure: auth-failed to consumers, no subscribe, no retry', async () => {
    exchange = await startFakeExchange({
      onConnection: (client) => client.send(CONNECTED),
      onMessage: (client) => client.send(AUTH_FAILED),
    });
    const stream = await liveOn(exchange.url);
    const events = collect(stream.subscribe(['AAPL'], { trades: true }));
    await waitFor(() => statuses(events).includes('auth-failed'), 'auth-failed');

    expect(events).toContainEqual(
      expect.objectContaining({ type: 'status', status: 'auth-failed', message: 'authentication failed' }),
    );
    expect(exchange.connections.map((client) => client.received)).toEqual([[AUTH]]);
    expect(stream.stats('polygon')?.connectAttempts).toBe(1);
  });
});
