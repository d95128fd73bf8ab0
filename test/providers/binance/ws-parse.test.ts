import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFrameText, describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/binance/ws-parse.js';

const { dir: FIXTURES, used, frames } = wsFixtureReader('binance');
const RECEIVED_MS = 1_700_000_000_000;

function parseFixture(name: string): string[] {
  return frames(name).flatMap((frame) => parseFrame(frame, RECEIVED_MS).map(describeEvent));
}

describe('binance ws frames', () => {
  it.each<[string, string[]]>([
    ['doc-ws-trade.json', ['trade BNB-BTC 1672515782136 0.001 size 100']],
    ['doc-ws-aggTrade.json', ['trade BNB-BTC 1672515782136 0.001 size 100']],
    ['doc-ws-kline_1m.json', ['bar BNB-BTC 1m 1672515780000 0.001 0.0025 0.0015 0.002 1000 open']],
    ['doc-ws-miniTicker.json', ['ticker BNB-BTC 1672515782136 0.0025 size -']],
    ['doc-ws-24hrTicker.json', ['ticker BNB-BTC 1672515782136 0.0025 size 10 bid 0.0024x10 ask 0.0026x100']],
    ['doc-ws-bookTicker.json', [`quote BNB-USD ${RECEIVED_MS} 25.35855 size - bid 25.3519x31.21 ask 25.3652x40.66`]],
    ['doc-ws-serverShutdown-combined.json', ['status shutdown']],
    ['doc-ws-avgPrice.json', ['unknown']],
    ['doc-ws-depth5-partial.json', ['unknown']],
    ['doc-ws-depthUpdate.json', ['unknown']],
    ['ws-combined-trade-btcusdt-2020.json', ['trade BTC-USD 1592591955765 9302 size 0.001019']],
    ['ws-combined-aggTrade-btcusdt-2020.json', ['trade BTC-USD 1592584651516 9319 size 0.018649']],
    [
      'ws-combined-24hrTicker-btcusdt-2020.json',
      ['ticker BTC-USD 1592593727005 9318.48 size 0.0025 bid 9318.18x0.32 ask 9318.47x0.354143'],
    ],
    ['ws-combined-miniTicker-btcusdt-2020.json', ['ticker BTC-USD 1601628771865 10456.56 size -']],
    [
      'ws-combined-kline_1m-btcusdt-open-candle-2020.json',
      ['bar BTC-USD 1m 1601630220000 10437.32 10441.8 10437.32 10441.8 20.639574 open'],
    ],
    [
      'ws-raw-kline_5m-btcusdt-2021.json',
      ['bar BTC-USD 5m 1631636700000 46686.15 46686.15 46668.45 46673.53 12.26168 open'],
    ],
    ['ws-raw-trade-btcusdt-2021.json', ['trade BTC-USD 1617523773473 57497.07 size 0.000349']],
    ['ws-subscribe-response.json', ['status subscribed']],
    [
      'ws-combined-mixed-spot-2019-tardis.ndjson',
      [
        'trade BNB-BTC 1554076800940 0.0042699 size 33.82',
        'trade BNB-BTC 1567296001034 0.0021965 size 6.48',
        `quote BTC-USD ${RECEIVED_MS} 8011.075 size - bid 8010x0.142459 ask 8012.15x0.031201`,
        'ticker DOGE-BNB 1569805259092 0.0001436 size 51135 bid 0.00014365x7080 ask 0.00014498x275033',
        'unknown',
        'unknown',
        'unknown',
        'unknown',
      ],
    ],
    [
      'ws-usdm-futures-combined-bookTicker-galausdt-2022.json',
      ['quote GALA-USD 1654792470066 0.076615 size - bid 0.07661x40088 ask 0.07662x929'],
    ],
    [
      'ws-usdm-futures-combined-kline_15m-btcusdt-2022.json',
      ['bar BTC-USD 15m 1654796700000 30205.6 30281 30192.1 30280.4 955.412 open'],
    ],
    ['ws-usdm-futures-combined-depth5-btcusdt-2022.json', ['unknown']],
  ])('%s', (name, expected) => {
    expect(parseFixture(name)).toEqual(expected);
  });

  it('reads the all-market mini ticker array as one tick per symbol', () => {
    const events = parseFixture('ws-raw-allMiniTickers-arr-2020.json');
    expect(events).toHaveLength(26);
    expect(events[0]).toBe('ticker ETH-BTC 1592594715455 0.024567 size -');
    expect(events[1]).toBe('ticker BTC-USD 1592594715775 9342.7 size -');
    expect(events[25]).toBe('ticker KNC-USD 1592594715431 1.199 size -');
  });
});

describe('binance ws frames beyond the fixtures', () => {
  const closedKline = JSON.stringify({
    stream: 'btcusdt@kline_1m',
    data: {
      e: 'kline',
      E: 1601630280001,
      s: 'BTCUSDT',
      k: {
        t: 1601630220000,
        T: 1601630279999,
        s: 'BTCUSDT',
        i: '1m',
        o: '1',
        c: '2',
        h: '3',
        l: '0.5',
        v: '4',
        x: true,
      },
    },
  });

  it.each<[string, string, string]>([
    ['a closed candle', closedKline, 'bar BTC-USD 1m 1601630220000 1 3 0.5 2 4 closed'],
    ['a kline interval with no counterpart', closedKline.replace('"1m"', '"3m"'), 'unknown'],
    ['a spot bookTicker without a receive time', '{"u":1,"s":"BTCUSDT","b":"1","B":"1","a":"2","A":"1"}', 'unknown'],
    ['a subscribe error', '{"id":3,"error":{"code":2,"msg":"Invalid request"}}', 'status error 2'],
    ['past 1024 streams', '{"error":{"code":4,"msg":"Too many subscriptions"},"id":1}', 'status error 4'],
    // Binance leaves out the id when the request's own id was unreadable.
    [
      'an error to a request with a bad id',
      '{"error":{"code":2,"msg":"Invalid request: request ID must be an unsigned integer"}}',
      'status error 2',
    ],
    ['an unknown event', '{"e":"somethingNew","E":1}', 'unknown'],
  ])('%s', (_what, frame, expected) => {
    expect(parseFrame(frame).map(describeEvent)).toEqual([expected]);
  });

  it.each<[string, string]>([
    ['empty text', ''],
    ['truncated JSON', '{"stream":"btcusdt@trade","data":{"e":"trade"'],
    ['a price that is not a number', '{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"x","q":"1","T":1}'],
    ['a missing trade time', '{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1"}'],
    ['a negative size', '{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"p":"1","q":"-1","T":1}'],
    ['a closed flag that is text', closedKline.replace('"x":true', '"x":"true"')],
    ['an unmappable symbol', '{"e":"trade","E":1,"s":"QQQQQQ","t":1,"p":"1","q":"1","T":1}'],
    ['a bare number', '42'],
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

describe('binance ws fixtures', () => {
  it('every ws fixture is covered by a test above', () => {
    const onDisk = readdirSync(FIXTURES).filter((name) => /^(doc-)?ws-/.test(name));
    expect(onDisk.filter((name) => !used.has(name))).toEqual([]);
  });
});
