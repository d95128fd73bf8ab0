import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFrameText, describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/polygon/ws-parse.js';

const { dir: FIXTURES, used, frames } = wsFixtureReader('polygon');

function parseFixture(name: string): string[] {
  return frames(name).flatMap((frame) => parseFrame(frame).map(describeEvent));
}

describe('polygon ws frames', () => {
  it.each<[string, string[]]>([
    [
      'ws-stocks-session-handshake-subscribe.ndjson',
      [
        'status connected connected',
        'status authenticated auth_success',
        'status subscribed success',
        'status subscribed success',
        'status subscribed success',
      ],
    ],
    ['ws-status-auth_failed.json', ['status auth-failed auth_failed']],
    ['ws-status-auth_timeout.json', ['status auth-failed auth_timeout']],
    ['ws-status-max_connections.json', ['status error max_connections']],
    ['ws-stocks-trade-T-AAPL-2022-05-04.json', ['trade AAPL 1651684192462 161.87 size 300']],
    ['doc-ws-stocks-trade-T.json', ['trade MSFT 1536036818784 114.125 size 100']],
    ['doc-ws-stocks-quote-Q.json', ['quote MSFT 1536036818784 114.1265 size - bid 114.125x100 ask 114.128x160']],
    ['doc-ws-stocks-minute-agg-AM.json', ['bar GTE 1m 1610144640000 0.4488 0.4489 0.4486 0.4486 4110 closed']],
    // Second aggregates and LULD bands are valid but unused: no 1s interval, no band type.
    ['doc-ws-stocks-second-agg-A.json', ['unknown']],
    ['ws-stocks-second-agg-A-FCX-live-2026-09-08.json', ['unknown']],
    ['doc-ws-stocks-LULD.json', ['unknown']],
    ['ws-stocks-LULD-ATHR-live-2026-09-08.json', ['unknown']],
  ])('%s', (name, expected) => {
    expect(parseFixture(name)).toEqual(expected);
  });

  it('keeps the words of a status', () => {
    const [event] = parseFrame(frames('ws-status-auth_failed.json')[0]!);
    expect(event).toMatchObject({ type: 'status', message: 'authentication failed' });
  });
});

describe('polygon ws frames beyond the fixtures', () => {
  it.each<[string, string, string[]]>([
    [
      'several events of several kinds in one frame',
      '[{"ev":"T","sym":"BRK.B","p":1.5,"s":2,"t":1},{"ev":"T","sym":"X:BTCUSD","p":60000.01,"s":0.5,"t":2},{"ev":"NOI"}]',
      ['trade BRK-B 1 1.5 size 2', 'trade BTC-USD 2 60000.01 size 0.5', 'unknown'],
    ],
    [
      'a quote with no ask',
      '[{"ev":"Q","sym":"AAPL","bp":190.5,"bs":1,"ap":0,"as":0,"t":5}]',
      ['quote AAPL 5 190.5 size - bid 190.5x1 ask 0x0'],
    ],
    ['an unsubscribe answer', '[{"ev":"status","status":"success","message":"unsubscribed to: T.*"}]', ['unknown']],
    // Crypto cluster events in the shape of Polygon's docs examples (no recorded capture exists).
    [
      'a crypto cluster trade, named by pair',
      '[{"ev":"XT","pair":"BTC-USD","p":33021.9,"t":1610462007425,"s":0.01,"c":[2],"i":"14272084","x":3,"r":1610462007576}]',
      ['trade BTC-USD 1610462007425 33021.9 size 0.01'],
    ],
    [
      'a crypto cluster quote',
      '[{"ev":"XQ","pair":"ETH-USD","lp":0,"ls":0,"bp":1100.5,"bs":0.48,"ap":1100.7,"as":0.6,"t":1610462411115,"x":1,"r":1610462411128}]',
      ['quote ETH-USD 1610462411115 1100.6 size - bid 1100.5x0.48 ask 1100.7x0.6'],
    ],
    [
      'a crypto cluster minute aggregate',
      '[{"ev":"XA","pair":"BCD-USD","v":951.6112,"vw":0.7756,"z":73,"o":0.772,"c":0.784,"h":0.784,"l":0.771,"s":1610463240000,"e":1610463300000}]',
      ['bar BCD-USD 1m 1610463240000 0.772 0.784 0.771 0.784 951.6112 closed'],
    ],
    [
      'a crypto second aggregate',
      '[{"ev":"XAS","pair":"BTC-USD","o":1,"c":1,"h":1,"l":1,"v":1,"s":1,"e":2}]',
      ['unknown'],
    ],
    [
      'one bad event among good ones',
      '[{"ev":"T","sym":"AAPL","p":-1,"s":1,"t":1},{"ev":"status","status":"connected"}]',
      ['malformed', 'status connected connected'],
    ],
  ])('%s', (_what, frame, expected) => {
    expect(parseFrame(frame).map(describeEvent)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['empty text', ''],
    ['truncated JSON', '[{"ev":"T","sym":"AAPL","p":161.'],
    ['an event that is not in an array', '{"ev":"status","status":"connected"}'],
    ['a trade price as text', '[{"ev":"T","sym":"AAPL","p":"x","s":300,"t":1651684192462}]'],
    ['an aggregate without a start', '[{"ev":"AM","sym":"GTE","v":1,"o":1,"c":1,"h":1,"l":1,"e":1}]'],
    ['a status that is a number', '[{"ev":"status","status":1}]'],
    ['an event that is not an object', '[null]'],
    ['a crypto pair that is not a pair', '[{"ev":"XT","pair":"BTCUSD","p":1,"t":1,"s":1}]'],
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

describe('polygon ws fixtures', () => {
  it('every ws fixture is covered by a test above', () => {
    const onDisk = readdirSync(FIXTURES).filter((name) => /^(doc-)?ws-/.test(name));
    expect(onDisk.filter((name) => !used.has(name))).toEqual([]);
  });
});
