import { describe, expect, it } from 'vitest';
import { zonedWallTimeToUtcMs } from '../../../src/providers/alphavantage/time.js';

describe('zonedWallTimeToUtcMs', () => {
  it.each([
    ['winter (EST)', Date.UTC(2017, 11, 18, 14, 56), Date.UTC(2017, 11, 18, 19, 56)],
    ['summer (EDT)', Date.UTC(2023, 6, 3, 9, 30), Date.UTC(2023, 6, 3, 13, 30)],
    ['the hour after the spring change', Date.UTC(2023, 2, 12, 3, 30), Date.UTC(2023, 2, 12, 7, 30)],
    ['the evening before the spring change', Date.UTC(2023, 2, 11, 23, 0), Date.UTC(2023, 2, 12, 4, 0)],
    ['the repeated hour in autumn (first occurrence)', Date.UTC(2023, 10, 5, 1, 30), Date.UTC(2023, 10, 5, 5, 30)],
  ])('New York %s', (_when, wall, utc) => {
    expect(zonedWallTimeToUtcMs(wall, 'America/New_York')).toBe(utc);
    expect(zonedWallTimeToUtcMs(wall, 'US/Eastern')).toBe(utc);
  });

  it('throws for a zone Intl does not know', () => {
    expect(() => zonedWallTimeToUtcMs(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
