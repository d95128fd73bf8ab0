import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFrameText, describeEvent, wsFixtureReader } from '../ws-fixtures.js';
import { parseFrame } from '../../../src/providers/alpaca/ws-parse.js';

const { dir: FIXTURES, used, frames } = wsFixtureReader('alpaca');

function parseFixture(name: string): string[] {
  return frames(name).flatMap((frame) => parseFrame(frame).map(describeEvent));
}

/** WebSocket fixtures this parser does not read, and why. */
const SKIPPED: Record<string, string> = {
  'doc-trading-stream-auth-listen.ndjson': 'trading stream (orders), not market data: a later slice',
  'doc-trading-stream-unauthorized.ndjson': 'trading stream (orders), not market data: a later slice',
  'doc-trading-stream-trade_updates-fill.json': 'trading stream (orders), not market data: a later slice',
};

describe('alpaca ws frames', () => {
  it.each<[string, string[]]>([
    [
      'doc-ws-stocks-v2-sip-session-wscat-2021-02-22.ndjson',
      [
        'status connected',
        'status authenticated',
        'trade AAPL 1614009104208 126.55 size 1',
        'quote AMD 1614009105335 87.665 size - bid 87.66x1 ask 87.67x1',
        'quote AMD 1614009105335 87.67 size - bid 87.66x1 ask 87.68x4',
        'quote AMD 1614009105335 87.665 size - bid 87.66x1 ask 87.67x1',
      ],
    ],
    ['doc-ws-stocks-subscription-acks.ndjson', ['status subscribed', 'status subscribed']],
    ['ws-stocks-subscription-ack-current-full-shape.ndjson', ['status subscribed']],
    ['doc-ws-news-session.ndjson', ['status connected', 'status authenticated', 'status subscribed']],
    ['doc-ws-stocks-bar-b.json', ['bar SPY 1m 1614021300000 388.985 389.13 388.975 389.12 49378 closed']],
    // 04:00Z is midnight in New York: the engine's day starts at 00:00 UTC of the same date.
    ['doc-ws-stocks-dailybar-d.json', ['bar SPY 1d 1613433600000 388.985 389.13 388.975 389.12 749378 open']],
    ['doc-ws-stocks-status-s-halt.json', ['unknown']],
    [
      'doc-ws-errors-all-codes.ndjson',
      [
        'status error 400',
        'status error 401',
        'status auth-failed 402',
        'status error 403',
        'status auth-failed 404',
        'status error 405',
        'status error 406',
        'status error 407',
        'status error 408',
        'status auth-failed 409',
        'status error 500',
      ],
    ],
  ])('%s', (name, expected) => {
    expect(parseFixture(name)).toEqual(expected);
  });

  it('keeps the words of an error', () => {
    const events = frames('doc-ws-errors-all-codes.ndjson').flatMap((frame) => parseFrame(frame));
    expect(events[6]).toMatchObject({ type: 'status', code: '406', message: 'connection limit exceeded' });
  });
});

describe('alpaca ws frames beyond the fixtures', () => {
  it.each<[string, string, string[]]>([
    [
      'a crypto trade',
      '[{"T":"t","S":"BTC/USD","p":61234.5,"s":0.0012,"t":"2024-03-12T10:27:48.858228144Z","i":1,"tks":"B"}]',
      ['trade BTC-USD 1710239268858 61234.5 size 0.0012'],
    ],
    [
      'a quote with no bid',
      '[{"T":"q","S":"AAPL","bp":0,"bs":0,"ap":190.5,"as":2,"t":"2024-03-12T08:00:00Z"}]',
      ['quote AAPL 1710230400000 190.5 size - bid 0x0 ask 190.5x2'],
    ],
    [
      'a corrected minute bar and LULD in one frame',
      '[{"T":"u","S":"BRK.B","o":1,"h":2,"l":0.5,"c":1.5,"v":10,"t":"2024-03-12T14:31:00Z"},{"T":"l","S":"AAPL"}]',
      ['bar BRK-B 1m 1710253860000 1 2 0.5 1.5 10 closed', 'unknown'],
    ],
    [
      'one bad message among good ones',
      '[{"T":"t","S":"AAPL","p":"x","s":1,"t":"2021-02-22T15:51:44.208Z"},{"T":"subscription","trades":[]}]',
      ['malformed', 'status subscribed'],
    ],
  ])('%s', (_what, frame, expected) => {
    expect(parseFrame(frame).map(describeEvent)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['empty text', ''],
    ['truncated JSON', '[{"T":"success","msg":"conn'],
    ['a message that is not in an array', '{"T":"success","msg":"connected"}'],
    ['a trade time in epoch ms', '[{"T":"t","S":"AAPL","p":1,"s":1,"t":1614009104208}]'],
    ['a quote with neither side', '[{"T":"q","S":"AAPL","bp":0,"bs":0,"ap":0,"as":0,"t":"2021-02-22T15:51:45Z"}]'],
    ['an error code as text', '[{"T":"error","code":"406","msg":"connection limit exceeded"}]'],
    ['a message that is not an object', '[42]'],
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

describe('alpaca ws fixtures', () => {
  it('every ws fixture is covered by a test above or skipped with a reason', () => {
    const onDisk = readdirSync(FIXTURES).filter((name) => /(^|-)ws-|stream/.test(name));
    expect(onDisk.filter((name) => !used.has(name) && !(name in SKIPPED))).toEqual([]);
  });
});
