import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/engine/decimal.js';
import { quotePrice } from '../../src/engine/tick.js';

describe('quotePrice', () => {
  it.each([
    ['100', '101', '100.5'],
    ['0', '101', '101'],
    ['100', '0', '100'],
    ['0', '0', undefined],
  ])('bid %s, ask %s gives %s', (bid, ask, price) => {
    expect(quotePrice(Decimal.of(bid), Decimal.of(ask))?.toString()).toBe(price);
  });
});
