import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/engine/interval.js';
import { ConfigError } from '../../src/errors.js';
import type { StreamChannels } from '../../src/providers/stream/types.js';
import { batches, chooseFeed, requireStreamKey, wantedChannels } from '../../src/providers/ws-channels.js';

const MINUTE_ONLY: readonly Interval[] = ['1m'];

describe('wantedChannels', () => {
  it.each<[string, StreamChannels, ReturnType<typeof wantedChannels>]>([
    ['nothing asked means trades', {}, { trades: true, quotes: false, bars: undefined }],
    ['quotes alone stay quotes alone', { quotes: true }, { trades: false, quotes: true, bars: undefined }],
    ['bars the source builds', { bars: '1m' }, { trades: false, quotes: false, bars: '1m' }],
    ['bars it does not build become trades', { bars: '5m' }, { trades: true, quotes: false, bars: undefined }],
    [
      'false flags count as not asked',
      { trades: false, quotes: false },
      { trades: true, quotes: false, bars: undefined },
    ],
    ['everything', { trades: true, quotes: true, bars: '1m' }, { trades: true, quotes: true, bars: '1m' }],
  ])('%s', (_what, channels, wanted) => {
    expect(wantedChannels(channels, MINUTE_ONLY)).toEqual(wanted);
  });
});

describe('batches', () => {
  it.each<[number[], number, number[][]]>([
    [[], 2, []],
    [[1], 2, [[1]]],
    [[1, 2], 2, [[1, 2]]],
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
  ])('%j in slices of %i', (items, size, expected) => {
    expect(batches(items, size)).toEqual(expected);
  });
});

describe('chooseFeed and requireStreamKey', () => {
  it('defaults to the first feed and names the accepted ones otherwise', () => {
    expect(chooseFeed('x', undefined, ['a', 'b'])).toBe('a');
    expect(chooseFeed('x', 'b', ['a', 'b'])).toBe('b');
    expect(() => chooseFeed('x', 'c', ['a', 'b'])).toThrow(
      new ConfigError('x has no stream feed "c"; accepted feeds: a, b'),
    );
  });

  it('trims a key and refuses a missing or blank one', () => {
    expect(requireStreamKey('x', ' k ')).toBe('k');
    expect(() => requireStreamKey('x', undefined)).toThrow(ConfigError);
    expect(() => requireStreamKey('x', '  ')).toThrow('x streams need an API key and none is set');
  });
});
