import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { StreamChannels } from '../../src/providers/stream/types.js';
import {
  batches,
  chooseFeed,
  requireStreamKey,
  wantedChannels,
  type SourceChannels,
  type WantedChannels,
} from '../../src/providers/ws-channels.js';

const FULL: SourceChannels = { quotes: true, bars: ['1m'] };
const TRADES_ONLY: SourceChannels = { quotes: false, bars: [] };

describe('wantedChannels', () => {
  it.each<[string, StreamChannels, SourceChannels, WantedChannels]>([
    ['nothing asked means trades', {}, FULL, { trades: true, quotes: false, bars: undefined }],
    [
      'false flags count as not asked',
      { trades: false, quotes: false },
      FULL,
      { trades: true, quotes: false, bars: undefined },
    ],
    ['quotes alone stay quotes alone', { quotes: true }, FULL, { trades: false, quotes: true, bars: undefined }],
    ['bars the source builds', { bars: '1m' }, FULL, { trades: false, quotes: false, bars: '1m' }],
    [
      'bars it does not build are dropped, not turned into trades',
      { bars: '5m' },
      FULL,
      { trades: false, quotes: false, bars: undefined },
    ],
    [
      'quotes a source lacks are dropped',
      { quotes: true },
      TRADES_ONLY,
      { trades: false, quotes: false, bars: undefined },
    ],
    ['everything', { trades: true, quotes: true, bars: '1m' }, FULL, { trades: true, quotes: true, bars: '1m' }],
    [
      'everything from a trades-only source',
      { trades: true, quotes: true, bars: '1m' },
      TRADES_ONLY,
      { trades: true, quotes: false, bars: undefined },
    ],
  ])('%s', (_what, channels, source, wanted) => {
    expect(wantedChannels(channels, source)).toEqual(wanted);
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
