import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPiece, gaps, type CoveragePiece } from '../../src/store/coverage-ranges.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

/** [from, to, fetchedAt] triples keep the tables readable. */
type P = [number, number, number];
const piece = ([fromMs, toMs, fetchedAtMs]: P): CoveragePiece => ({ fromMs, toMs, fetchedAtMs });
const triples = (pieces: readonly CoveragePiece[]): P[] => pieces.map((p) => [p.fromMs, p.toMs, p.fetchedAtMs]);

describe('addPiece', () => {
  it.each<[string, P[], P, P[]]>([
    ['into nothing', [], [0, 10, 5], [[0, 10, 5]]],
    ['an empty range changes nothing', [[0, 10, 5]], [3, 3, 9], [[0, 10, 5]]],
    [
      'apart from the rest',
      [[0, 10, 5]],
      [20, 30, 5],
      [
        [0, 10, 5],
        [20, 30, 5],
      ],
    ],
    ['touching, same fetch time: coalesce', [[0, 10, 5]], [10, 20, 5], [[0, 20, 5]]],
    [
      'touching, newer: stay apart',
      [[0, 10, 5]],
      [10, 20, 9],
      [
        [0, 10, 5],
        [10, 20, 9],
      ],
    ],
    [
      'newer inside older: splits it',
      [[0, 30, 5]],
      [10, 20, 9],
      [
        [0, 10, 5],
        [10, 20, 9],
        [20, 30, 5],
      ],
    ],
    ['older inside newer: no change', [[0, 30, 9]], [10, 20, 5], [[0, 30, 9]]],
    [
      'newer over the tail of older',
      [[0, 20, 5]],
      [10, 30, 9],
      [
        [0, 10, 5],
        [10, 30, 9],
      ],
    ],
    [
      'older over the tail of newer',
      [[0, 20, 9]],
      [10, 30, 5],
      [
        [0, 20, 9],
        [20, 30, 5],
      ],
    ],
    [
      'newer bridging two older',
      [
        [0, 10, 5],
        [20, 30, 6],
      ],
      [5, 25, 9],
      [
        [0, 5, 5],
        [5, 25, 9],
        [25, 30, 6],
      ],
    ],
    [
      'older filling a gap between newer',
      [
        [0, 10, 9],
        [20, 30, 9],
      ],
      [0, 30, 5],
      [
        [0, 10, 9],
        [10, 20, 5],
        [20, 30, 9],
      ],
    ],
    [
      'same time fills the gap: one piece',
      [
        [0, 10, 9],
        [20, 30, 9],
      ],
      [10, 20, 9],
      [[0, 30, 9]],
    ],
    [
      'refetch of everything, newer',
      [
        [0, 10, 5],
        [10, 20, 6],
      ],
      [0, 20, 9],
      [[0, 20, 9]],
    ],
  ])('%s', (_name, existing, added, expected) => {
    expect(triples(addPiece(existing.map(piece), piece(added)))).toEqual(expected);
  });

  it('keeps pieces disjoint and every millisecond at its newest fetch (property)', () => {
    const arb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 4 })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (adds) => {
        let pieces: CoveragePiece[] = [];
        const newest = new Map<number, number>();
        for (const [from, length, at] of adds) {
          pieces = addPiece(pieces, { fromMs: from, toMs: from + length, fetchedAtMs: at });
          for (let t = from; t < from + length; t++) newest.set(t, Math.max(newest.get(t) ?? -1, at));
        }
        for (let i = 1; i < pieces.length; i++) {
          expect((pieces[i - 1] as CoveragePiece).toMs).toBeLessThanOrEqual((pieces[i] as CoveragePiece).fromMs);
        }
        for (let t = 0; t < 60; t++) {
          const owner = pieces.find((p) => p.fromMs <= t && t < p.toMs);
          expect(owner?.fetchedAtMs).toBe(newest.get(t));
        }
      }),
    );
  });
});

describe('gaps', () => {
  it.each<[string, Array<[number, number]>, number, number, Array<[number, number]>]>([
    ['nothing covered', [], 0, 10, [[0, 10]]],
    ['fully covered', [[0, 10]], 0, 10, []],
    ['covered by more than needed', [[-5, 50]], 0, 10, []],
    [
      'hole in the middle',
      [
        [0, 3],
        [6, 10],
      ],
      0,
      10,
      [[3, 6]],
    ],
    [
      'both ends missing',
      [[3, 6]],
      0,
      10,
      [
        [0, 3],
        [6, 10],
      ],
    ],
    [
      'overlapping sources, any order',
      [
        [5, 10],
        [0, 4],
        [2, 6],
      ],
      0,
      10,
      [],
    ],
    [
      'touching ranges leave no gap',
      [
        [0, 5],
        [5, 10],
      ],
      0,
      10,
      [],
    ],
    ['empty query', [], 5, 5, []],
    [
      'ranges outside the query',
      [
        [-10, -5],
        [20, 30],
      ],
      0,
      10,
      [[0, 10]],
    ],
  ])('%s', (_name, covered, fromMs, toMs, expected) => {
    const ranges = covered.map(([f, t]) => ({ fromMs: f, toMs: t }));
    expect(gaps(ranges, fromMs, toMs).map((r) => [r.fromMs, r.toMs])).toEqual(expected);
  });
});

describe('CoverageRepository', () => {
  let home: TempHome;
  let store: Store;
  beforeEach(() => {
    home = createTempHome();
    store = openStore(home.path('stockato.db'));
  });
  afterEach(() => {
    store.close();
    home.cleanup();
  });

  const DAY = 86_400_000;

  it('merges what it records and keeps sources apart', () => {
    store.coverage.record('AAPL', '1d', 'yahoo', 0, 10 * DAY, 100);
    store.coverage.record('AAPL', '1d', 'yahoo', 10 * DAY, 20 * DAY, 100);
    store.coverage.record('AAPL', '1d', 'yahoo', 5 * DAY, 8 * DAY, 200);
    store.coverage.record('AAPL', '1d', 'polygon', 0, 3 * DAY, 150);
    store.coverage.record('AAPL', '1h', 'yahoo', 0, DAY, 100);
    expect(store.coverage.pieces('AAPL', '1d')).toEqual([
      { source: 'polygon', fromMs: 0, toMs: 3 * DAY, fetchedAtMs: 150 },
      { source: 'yahoo', fromMs: 0, toMs: 5 * DAY, fetchedAtMs: 100 },
      { source: 'yahoo', fromMs: 5 * DAY, toMs: 8 * DAY, fetchedAtMs: 200 },
      { source: 'yahoo', fromMs: 8 * DAY, toMs: 20 * DAY, fetchedAtMs: 100 },
    ]);
  });

  // yahoo: [0,10) at 100, [10,20) at 300; polygon: [15,30) at 200.
  it.each<[string, number, number, number, Array<[number, number]>]>([
    ['all of yahoo, any age', 0, 20, 0, []],
    ['across both sources', 0, 30, 0, []],
    ['beyond what was fetched', 0, 40, 0, [[30, 40]]],
    ['only fetches since 150 count', 0, 30, 150, [[0, 10]]],
    [
      'only fetches since 250 count',
      0,
      30,
      250,
      [
        [0, 10],
        [20, 30],
      ],
    ],
    ['nothing is that fresh', 5, 25, 301, [[5, 25]]],
    ['freshness boundary is inclusive', 10, 20, 300, []],
    ['an empty range', 7, 7, 999, []],
  ])('missingRanges: %s', (_name, fromMs, toMs, freshSinceMs, expected) => {
    store.coverage.record('AAPL', '1d', 'yahoo', 0, 10, 100);
    store.coverage.record('AAPL', '1d', 'yahoo', 10, 20, 300);
    store.coverage.record('AAPL', '1d', 'polygon', 15, 30, 200);
    const missing = store.coverage.missingRanges('AAPL', '1d', fromMs, toMs, freshSinceMs);
    expect(missing.map((r) => [r.fromMs, r.toMs])).toEqual(expected);
    expect(store.coverage.isCovered('AAPL', '1d', fromMs, toMs, freshSinceMs)).toBe(expected.length === 0);
  });

  it('does not answer for another symbol or interval', () => {
    store.coverage.record('AAPL', '1d', 'yahoo', 0, 10, 100);
    expect(store.coverage.isCovered('MSFT', '1d', 0, 10, 0)).toBe(false);
    expect(store.coverage.isCovered('AAPL', '1h', 0, 10, 0)).toBe(false);
  });

  it('ignores an empty range and rejects non-integer times', () => {
    store.coverage.record('AAPL', '1d', 'yahoo', 10, 10, 100);
    expect(store.coverage.pieces('AAPL', '1d')).toEqual([]);
    expect(() => store.coverage.record('AAPL', '1d', 'yahoo', 0, Number.NaN, 1)).toThrow(RangeError);
  });
});
