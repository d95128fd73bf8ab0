import { afterEach, describe, expect, it } from 'vitest';
import { loadStreamAdapter } from '../../../src/providers/stream/adapter-registry.js';
import { createLiveStream, type Multiplexer } from '../../../src/providers/stream/multiplexer.js';
import { startFakeExchange, startLateAuthExchange, type FakeExchange } from '../../helpers/fake-exchange.js';
import { collect, statuses, waitFor } from '../stream/helpers.js';
import { describeEvent, wsFixtureReader } from '../ws-fixtures.js';

const { frames } = wsFixtureReader('alpaca');
const CREDENTIAL = 'AKTESTKEY:s3cr3t-value';
const AUTH = '{"action":"auth","key":"AKTESTKEY","secret":"s3cr3t-value"}';
const [CONNECTED = '', AUTHENTICATED = '', TRADE = '', QUOTES = ''] = frames(
  'doc-ws-stocks-v2-sip-session-wscat-2021-02-22.ndjson',
);
const AUTH_FAILED = frames('doc-ws-errors-all-codes.ndjson').find((f) => f.includes('"code":402')) ?? '';
const ACK = frames('doc-ws-stocks-subscription-acks.ndjson')[0] ?? '';

let exchange: FakeExchange | undefined;
let live: Multiplexer | undefined;

afterEach(async () => {
  await live?.close();
  await exchange?.close();
  live = exchange = undefined;
});

async function liveOn(url: string): Promise<Multiplexer> {
  const adapter = await loadStreamAdapter('alpaca', { apiKey: CREDENTIAL, feed: 'sip', url });
  live = createLiveStream({ adapters: [adapter!] });
  return live;
}

describe('the multiplexer on the alpaca adapter', () => {
  it('authenticates before subscribing and delivers the recorded trade and quotes', async () => {
    const late = await startLateAuthExchange(
      { connected: CONNECTED, auth: AUTH, authenticated: AUTHENTICATED },
      (client, text) => {
        if (text.includes('"quotes"')) client.send(ACK, TRADE, QUOTES);
      },
    );
    exchange = late.exchange;
    const stream = await liveOn(`${exchange.url}/v2/sip`);
    const events = collect(stream.subscribe(['AAPL', 'AMD'], { trades: true, quotes: true }));
    await waitFor(() => stream.stats('alpaca')?.ticks === 4, 'the recorded ticks');
    await waitFor(() => events.some((e) => e.type === 'tick' && e.tick.symbol === 'AMD'), 'an AMD quote');

    expect(late.early).toEqual([]);
    expect(exchange.connections[0]?.received).toEqual([
      AUTH,
      '{"action":"subscribe","trades":["AAPL","AMD"]}',
      '{"action":"subscribe","quotes":["AAPL","AMD"]}',
    ]);
    expect(statuses(events)[0]).toBe('connected');
    const lines = events.flatMap((e) => (e.type === 'tick' ? [describeEvent(e)] : []));
    expect(lines.at(-1)).toBe('quote AMD 1614009105335 87.665 size - bid 87.66x1 ask 87.67x1');
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
      expect.objectContaining({ type: 'status', status: 'auth-failed', message: 'auth failed' }),
    );
    expect(exchange.connections.map((client) => client.received)).toEqual([[AUTH]]);
    expect(stream.stats('alpaca')?.connectAttempts).toBe(1);
  });
});
