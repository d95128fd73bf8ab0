import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/engine/decimal.js';
import { portableExp, softBound } from '../../../src/providers/demo/portable-math.js';
import { Random, combine, hashText, mix32, normalOf, seedKey } from '../../../src/providers/demo/random.js';
import { TickScale, unitsToText } from '../../../src/providers/demo/ticks.js';

describe('demo randomness', () => {
  // Golden values: every demo price is built from these functions, so a change here changes the
  // demo history every user sees. Change them only on purpose.
  it('is a fixed function of its key', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(1_753_845_952);
    expect(combine(1, 2)).toBe(3_869_687_644);
    expect(hashText('ACME')).toBe(1_256_144_623);
    expect(seedKey(20_160_104)).toBe(2_345_806_482);
    expect(normalOf(0x12345678)).toBe(-1.5832147703096153);
    const random = new Random(42);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      3_997_597_525, 2_815_009_970, 3_977_819_666,
    ]);
  });

  it('gives equal streams for equal keys and different streams otherwise', () => {
    const draw = (key: number) => {
      const random = new Random(key);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('tells large seeds apart and refuses seeds that are not whole numbers from 0 up', () => {
    expect(seedKey(2 ** 32)).not.toBe(seedKey(0));
    expect(() => seedKey(-1)).toThrow(RangeError);
    expect(() => seedKey(1.5)).toThrow(RangeError);
  });

  it('draws normals with mean about 0 and variance about 1', () => {
    const random = new Random(7);
    const values = Array.from({ length: 20_000 }, () => random.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    expect(normalOf(0)).toBeLessThan(-3.4);
    expect(normalOf(0xffffffff)).toBeGreaterThan(3.4);
  });
});

describe('portable math', () => {
  it.each([-20, -3.3, -1, -1e-9, 0, 0.5, 1, 2.5, 10, 50])('exp(%d) agrees with Math.exp', (x) => {
    expect(Math.abs(portableExp(x) / Math.exp(x) - 1)).toBeLessThan(1e-14);
  });

  it('gives the same last bit everywhere (a golden value, not Math.exp)', () => {
    expect(portableExp(1)).toBe(2.7182818284590446);
    expect(portableExp(-5.5)).toBe(0.004086771438464066);
  });

  it('refuses arguments it cannot take', () => {
    expect(() => portableExp(Number.NaN)).toThrow(RangeError);
    expect(() => portableExp(701)).toThrow(RangeError);
  });

  it('bounds softly: close to x near 0, never beyond the bound', () => {
    expect(softBound(0.01, 2.5)).toBeCloseTo(0.01, 5);
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => Math.abs(softBound(x, 2.5)) < 2.5));
  });
});

describe('tick units to Decimal', () => {
  it.each([
    [0, 2, '0'],
    [5, 2, '0.05'],
    [12_000, 2, '120'],
    [12_050, 2, '120.5'],
    [8_455, 1, '845.5'],
    [108_500, 5, '1.085'],
    [7, 0, '7'],
  ])('%d units with %d decimals is %s', (units, decimals, text) => {
    expect(unitsToText(units, decimals)).toBe(text);
    expect(new TickScale(decimals).toDecimal(units).toString()).toBe(text);
  });

  it('writes canonical text equal to units × 10^-decimals (so parsing can be skipped)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 8 }),
        (units, decimals) => {
          const text = unitsToText(units, decimals);
          const parsed = Decimal.of(text);
          return parsed.toString() === text && parsed.eq(Decimal.of(units).div(10 ** decimals));
        },
      ),
    );
  });

  it('returns the right value after cache collisions', () => {
    const scale = new TickScale(2);
    expect(scale.toDecimal(1).toString()).toBe('0.01');
    expect(scale.toDecimal(1025).toString()).toBe('10.25');
    expect(scale.toDecimal(1).toString()).toBe('0.01');
  });

  it('refuses units that are not whole numbers from 0 up', () => {
    expect(() => unitsToText(-1, 2)).toThrow(RangeError);
    expect(() => unitsToText(1.5, 2)).toThrow(RangeError);
  });
});
