import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float32Price } from '../../../src/providers/yahoo/values.js';

describe('float32Price', () => {
  it.each([
    [129.0399932861328, '129.04'],
    [Math.fround(0.1), '0.1'],
    [Math.fround(7194.892), '7194.892'],
    [Math.fround(1e-7), '0.0000001'],
    [131, '131'],
    [16777216, '16777216'],
    // Not exactly a float32: a double Yahoo sent as it is (quote-style prices), kept unchanged.
    [244.87, '244.87'],
    [0.1, '0.1'],
    [129.0399932861329, '129.0399932861329'],
  ])('%s -> %s', (value, text) => {
    expect(float32Price(value)?.toString()).toBe(text);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, '129.04'])('%s -> undefined', (value) => {
    expect(float32Price(value)).toBeUndefined();
  });

  it('gives, for any float32, decimal text of at most 9 digits that rounds back to it', () => {
    fc.assert(
      fc.property(
        fc.float({ noNaN: true, noDefaultInfinity: true, min: Math.fround(1e-6), max: Math.fround(1e9) }),
        (value) => {
          const text = float32Price(value)?.toString() ?? '';
          expect(Math.fround(Number(text))).toBe(value);
          expect(text.replace(/^0\.0*|\./g, '').replace(/0+$/, '').length).toBeLessThanOrEqual(9);
        },
      ),
    );
  });
});
