import { describe, expect, it } from 'vitest';
import { marketStateOfKind, usEquityMarketState } from '../../src/providers/us-market-hours.js';

describe('usEquityMarketState', () => {
  it.each([
    ['2024-01-10T08:59:00Z', 'closed'], // 03:59 EST
    ['2024-01-10T09:00:00Z', 'pre'], // 04:00 EST
    ['2024-01-10T14:29:00Z', 'pre'], // 09:29 EST
    ['2024-01-10T14:30:00Z', 'regular'], // 09:30 EST
    ['2024-07-10T13:30:00Z', 'regular'], // 09:30 EDT
    ['2024-07-10T13:29:00Z', 'pre'], // 09:29 EDT
    ['2024-07-10T20:00:00Z', 'post'], // 16:00 EDT
    ['2024-07-10T23:59:00Z', 'post'], // 19:59 EDT
    ['2024-07-11T00:00:00Z', 'closed'], // 20:00 EDT
    ['2024-07-13T15:00:00Z', 'closed'], // Saturday
  ])('%s is %s', (iso, state) => {
    expect(usEquityMarketState(Date.parse(iso))).toBe(state);
  });
});

describe('marketStateOfKind', () => {
  it('crypto never closes; FX closes from Friday to Sunday 17:00 New York', () => {
    expect(marketStateOfKind('crypto', Date.parse('2024-07-13T15:00:00Z'))).toBe('regular');
    expect(marketStateOfKind('fx', Date.parse('2024-07-12T20:59:00Z'))).toBe('regular'); // Fri 16:59 EDT
    expect(marketStateOfKind('fx', Date.parse('2024-07-12T21:00:00Z'))).toBe('closed'); // Fri 17:00 EDT
    expect(marketStateOfKind('fx', Date.parse('2024-07-14T21:00:00Z'))).toBe('regular'); // Sun 17:00 EDT
    expect(marketStateOfKind('security', Date.parse('2024-07-10T15:00:00Z'))).toBe('regular');
  });
});
