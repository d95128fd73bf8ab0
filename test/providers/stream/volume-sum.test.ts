import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/engine/decimal.js';
import { VolumeSum } from '../../../src/providers/stream/volume-sum.js';

const size = fc.oneof(
  fc
    .bigInt({ min: 0n, max: 10n ** 20n })
    .chain((units) => fc.integer({ min: 0, max: 16 }).map((scale) => Decimal.of(units.toString()).div(10 ** scale))),
  fc.constantFrom(Decimal.of('0'), Decimal.of('0.00000001'), Decimal.of('9007199254740991'), Decimal.of('123.456')),
);

describe('VolumeSum', () => {
  it('equals Decimal addition exactly, whatever the scales and magnitudes', () => {
    fc.assert(
      fc.property(fc.array(size, { maxLength: 40 }), (sizes) => {
        const sum = new VolumeSum();
        for (const value of sizes) sum.add(value);
        expect(sum.value().toString()).toBe(Decimal.sum(sizes).toString());
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [['0.1', '0.2'], '0.3'],
    [['1', '2.50', '0.05'], '3.55'],
    [[], '0'],
    [['9007199254740991', '1'], '9007199254740992'],
  ])('%j sums to %s', (sizes, expected) => {
    const sum = new VolumeSum();
    for (const text of sizes) sum.add(Decimal.of(text));
    expect(sum.value().toString()).toBe(expected);
  });
});
