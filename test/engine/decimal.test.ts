import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../src/engine/decimal.js';

describe('Decimal', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['1.005', '-0.005', '1'],
    ['123456789012345678901234567890', '1', '123456789012345678901234567891'],
  ])('adds %s + %s exactly', (a, b, sum) => {
    expect(Decimal.of(a).plus(b).toString()).toBe(sum);
  });

  it.each([
    ['1.50', '1.5'],
    ['-0', '0'],
    ['+2', '2'],
    ['1e3', '1000'],
    ['0.000000001', '0.000000001'],
    [' 7 ', '7'],
  ])('canonicalizes %j to %j', (input, text) => {
    expect(Decimal.of(input).toString()).toBe(text);
  });

  it.each(['', 'abc', '1,5', 'NaN', '--1', '1.2.3'])('rejects %j', (input) => {
    expect(() => Decimal.of(input)).toThrow(RangeError);
  });

  it('rejects non-finite numbers and division by zero', () => {
    expect(() => Decimal.of(Number.NaN)).toThrow(RangeError);
    expect(() => Decimal.of(Infinity)).toThrow(RangeError);
    expect(() => Decimal.ONE.div(0)).toThrow('division by zero');
  });

  it('takes the shortest text of a double, not its binary expansion', () => {
    expect(Decimal.of(0.1).toString()).toBe('0.1');
  });

  it('rounds half-even by default and as asked', () => {
    expect(Decimal.of('2.345').round(2).toString()).toBe('2.34');
    expect(Decimal.of('2.355').round(2).toString()).toBe('2.36');
    expect(Decimal.of('2.345').round(2, 'halfUp').toString()).toBe('2.35');
    expect(Decimal.of('-0.001').toFixed(2)).toBe('0.00');
    expect(Decimal.of('1.5').toFixed(3)).toBe('1.500');
  });

  it('serializes to JSON as a string', () => {
    expect(JSON.stringify({ price: Decimal.of('10.10') })).toBe('{"price":"10.1"}');
  });

  it('compares canonical text without parsing and agrees with arithmetic', () => {
    const a = Decimal.fromCanonical('-3.5');
    expect(a.isNegative()).toBe(true);
    expect(a.abs().toString()).toBe('3.5');
    expect(Decimal.fromCanonical('0').isZero()).toBe(true);
    expect(Decimal.max(Decimal.of(1), Decimal.of('1.01'), Decimal.of(-4)).toString()).toBe('1.01');
  });

  it('sums cents exactly where floats drift (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 200 }), (cents) => {
        const total = Decimal.sum(cents.map((c) => Decimal.of(c).div(100)));
        const expected = cents.reduce((a, b) => a + b, 0);
        expect(total.times(100).toString()).toBe(String(expected));
      }),
    );
  });

  it('round-trips through its canonical text (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 12 }),
        (units, scale) => {
          const value = Decimal.of(units).div(10n ** BigInt(scale));
          expect(Decimal.fromCanonical(value.toString()).eq(value)).toBe(true);
          expect(Decimal.of(value.toString()).toString()).toBe(value.toString());
        },
      ),
    );
  });

  it('gives each value its own number, the same on every call and after arithmetic (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        (units, places, other) => {
          const text = (Number(units) / 10 ** places).toString();
          const a = Decimal.of(text);
          const first = a.toNumber();
          const derived = [a.plus(Decimal.of(other)), a.times('3'), a.neg(), Decimal.fromCanonical(a.toString())];
          for (const d of derived) expect(d.toNumber()).toBe(Number(d.toString()));
          expect(a.toNumber()).toBe(first);
          expect(first).toBe(Number(a.toString()));
        },
      ),
    );
    const close = Decimal.fromCanonical('187.25');
    expect(close.toNumber()).toBe(187.25);
    expect(Decimal.fromCanonical('-0.5').toNumber()).toBe(-0.5);
    expect(close.plus('1').toNumber()).toBe(188.25);
  });
});
