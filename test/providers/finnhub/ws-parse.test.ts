import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFrameText, describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/finnhub/ws-parse.js';

const { dir: FIXTURES, used, frames } = wsFixtureReader('finnhub');

function parseFixture(name: string): string[] {
  return frames(name).flatMap((frame) => parseFrame(frame).map(describeEvent));
}

describe('finnhub ws frames', () => {
  it.each<[string, string[]]>([
    ['doc-ws-trade.json', ['trade BTC-USD 1575526691134 7296.89 size 0.011467']],
    ['ws-ping.json', ['status heartbeat']],
    ['ws-trade-BINANCE-BTCUSDT-2024-07-21.json', ['trade BTC-USD 1721555886208 66972.77 size 0.01559']],
    [
      'ws-trade-BINANCE-BTCUSDT-batch-2021-06-29.json',
      [
        'trade BTC-USD 1624945862327 34727.99 size 0.000004',
        'trade BTC-USD 1624945862327 34732.02 size 0.002734',
        'trade BTC-USD 1624945862378 34732.02 size 0.00113',
        'trade BTC-USD 1624945862408 34732.02 size 0.014362',
        'trade BTC-USD 1624945862622 34729.12 size 0.001107',
      ],
    ],
    [
      'ws-trade-US-stocks-TSLA-AAPL-with-conditions-2022-12-29.json',
      [
        'trade TSLA 1672348887195 122.1 size 1',
        'trade TSLA 1672348887196 122.09 size 4',
        'trade TSLA 1672348887196 122.09 size 10',
        'trade TSLA 1672348887196 122.1 size 1',
        'trade TSLA 1672348887196 122.1 size 2',
        'trade TSLA 1672348887196 122.1 size 10',
        'trade TSLA 1672348887198 122.1 size 79',
        'trade AAPL 1672348887666 129.58 size 1',
        'trade AAPL 1672348887785 129.575 size 1',
      ],
    ],
  ])('%s', (name, expected) => {
    expect(parseFixture(name)).toEqual(expected);
  });
});

describe('finnhub ws frames beyond the fixtures', () => {
  it.each<[string, string, string[]]>([
    [
      'a share class and an FX pair',
      '{"type":"trade","data":[{"s":"BRK.B","p":1.5,"t":1,"v":2},{"s":"OANDA:EUR_USD","p":1.08,"t":2,"v":0}]}',
      ['trade BRK-B 1 1.5 size 2', 'trade EURUSD=X 2 1.08 size 0'],
    ],
    ['an empty batch', '{"type":"trade","data":[]}', []],
    ['a plan error', '{"type":"error","msg":"Subscribing to too many symbols"}', ['status error']],
    ['news', '{"type":"news","data":[]}', ['unknown']],
  ])('%s', (_what, frame, expected) => {
    expect(parseFrame(frame).map(describeEvent)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['empty text', ''],
    ['truncated JSON', '{"data":[{"c":null,"p":66972.77,"s":"BINANCE:BTCU'],
    ['a price as text', '{"type":"trade","data":[{"s":"AAPL","p":"x","t":1,"v":1}]}'],
    ['a zero price', '{"type":"trade","data":[{"s":"AAPL","p":0,"t":1,"v":1}]}'],
    ['a time in seconds as text', '{"type":"trade","data":[{"s":"AAPL","p":1,"t":"1","v":1}]}'],
    ['data that is not an array', '{"type":"trade","data":{}}'],
    ['a bare string', '"trade"'],
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

describe('finnhub ws fixtures', () => {
  it('every ws fixture is covered by a test above', () => {
    const onDisk = readdirSync(FIXTURES).filter((name) => /^(doc-)?ws-/.test(name));
    expect(onDisk.filter((name) => !used.has(name))).toEqual([]);
  });
});
