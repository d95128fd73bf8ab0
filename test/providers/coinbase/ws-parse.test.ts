import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFrameText, describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/coinbase/ws-parse.js';

const { dir: FIXTURES, used, frames } = wsFixtureReader('coinbase');

function parseFixture(name: string): string[] {
  return frames(name).flatMap((frame) => parseFrame(frame).map(describeEvent));
}

describe('coinbase ws frames', () => {
  it.each<[string, string[]]>([
    ['doc-ws-advtrade-candles.json', ['bar ETH-USD 5m 1688998200000 1867.38 1867.72 1865.63 1866.81 0.20269406 open']],
    ['doc-ws-advtrade-heartbeats.json', ['status heartbeat 3049']],
    ['fixture-ws-advtrade-heartbeats-int-counter.json', ['status heartbeat 42']],
    ['fixture-ws-advtrade-subscriptions.json', ['status subscribed']],
    ['doc-ws-advtrade-l2_data.json', ['unknown']],
    ['doc-ws-advtrade-market_trades.json', ['trade ETH-USD 1565815347265 1260.01 size 0.3']],
    [
      'doc-ws-advtrade-ticker.json',
      ['ticker BTC-USD 1675974637167 21932.98 size - bid 21931.98x8000.21 ask 21933.98x8038.07770938'],
    ],
    ['doc-ws-exchange-heartbeat.json', ['status heartbeat']],
    ['ws-exchange-error-auth-required.json', ['status error']],
    [
      'ws-exchange-feed-mixed-2019-2022-tardis.ndjson',
      [
        'trade ETC-GBP 1564617603816 4.978 size 0.97133855',
        'unknown',
        'unknown',
        'unknown',
        'ticker BTC-USD 1554076804540 4095 size 2 bid 4094.99x- ask 4095x-',
        'ticker BTC-USD 1617235201618 58800.01 size 0.05 bid 58800x- ask 58800.01x-',
        'ticker BTC-USD 1669852800122 17165.16 size 0.05 bid 17165.15x0.6154089 ask 17167.76x0.18528568',
      ],
    ],
    [
      'ws-exchange-sandbox-level2-subscribe-error-subscriptions-l2update-2022.ndjson',
      ['status error', 'status subscribed', 'unknown', 'unknown'],
    ],
  ])('%s', (name, expected) => {
    expect(parseFixture(name)).toEqual(expected);
  });

  it('keeps the reason a subscription failed', () => {
    const [event] = parseFrame(frames('ws-exchange-error-auth-required.json')[0]!);
    expect(event).toMatchObject({
      status: 'error',
      message: 'Failed to subscribe: level2, level3, and full channels now require authentication.',
    });
  });
});

describe('coinbase ws frames beyond the fixtures', () => {
  const envelope = (channel: string, events: unknown[]) =>
    JSON.stringify({ channel, timestamp: '2023-02-09T20:30:37.167359596Z', sequence_num: 1, events });

  it.each<[string, string, string[]]>([
    [
      'a ticker_batch without best bid and ask',
      envelope('ticker_batch', [
        { type: 'update', tickers: [{ type: 'ticker', product_id: 'ETH-USD', price: '1.50' }] },
      ]),
      ['ticker ETH-USD 1675974637167 1.5 size -'],
    ],
    [
      'several trades in one envelope',
      envelope('market_trades', [
        {
          type: 'update',
          trades: [
            { product_id: 'BTC-USD', price: '2', size: '1', side: 'BUY', time: '2023-02-09T20:30:37.1Z' },
            { product_id: 'BTC-USD', price: '3', size: '0.5', side: 'SELL', time: '2023-02-09T20:30:38Z' },
          ],
        },
      ]),
      ['trade BTC-USD 1675974637100 2 size 1', 'trade BTC-USD 1675974638000 3 size 0.5'],
    ],
    ['an unknown Advanced Trade channel', envelope('futures_something', []), ['unknown']],
    ['an unknown Exchange type', '{"type":"brand_new"}', ['unknown']],
  ])('%s', (_what, frame, expected) => {
    expect(parseFrame(frame).map(describeEvent)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['empty text', ''],
    ['truncated JSON', '{"type":"ticker","product_id":"BTC-'],
    ['a ticker price that is a number', '{"type":"ticker","product_id":"BTC-USD","price":4095,"time":"x"}'],
    ['a ticker with a bad time', '{"type":"ticker","product_id":"BTC-USD","price":"4095","time":"yesterday"}'],
    ['events that are not an array', envelope('ticker', []).replace('"events":[]', '"events":{}')],
    [
      'a heartbeat counter that is not a number',
      envelope('heartbeats', [{ current_time: 'x', heartbeat_counter: 'abc' }]),
    ],
    [
      'a candle start that is not unix seconds',
      envelope('candles', [
        {
          type: 'update',
          candles: [{ product_id: 'BTC-USD', start: 'soon', open: '1', high: '1', low: '1', close: '1', volume: '1' }],
        },
      ]),
    ],
    ['a bare array', '[]'],
  ])('%s is malformed, not thrown', (_what, frame) => {
    expect(parseFrame(frame).map((event) => event.type)).toEqual(['malformed']);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(anyFrameText, (text) => {
        expect(() => parseFrame(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('coinbase ws fixtures', () => {
  it('every ws fixture is covered by a test above', () => {
    const onDisk = readdirSync(FIXTURES).filter((name) => /^(doc-|fixture-)?ws-/.test(name));
    expect(onDisk.filter((name) => !used.has(name))).toEqual([]);
  });
});
