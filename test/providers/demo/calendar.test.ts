import { describe, expect, it } from 'vitest';
import type { AssetClass } from '../../../src/engine/instrument.js';
import { DAY_MS } from '../../../src/engine/interval.js';
import {
  DEMO_EPOCH_DAY,
  DEMO_EPOCH_MS,
  latestSessionAt,
  marketStateAt,
  sessionOf,
  tradingIndexOf,
  weekdayOf,
} from '../../../src/providers/demo/calendar.js';

const at = (iso: string) => Date.parse(iso);
const dayOfIso = (iso: string) => Math.floor(at(iso) / DAY_MS);

describe('the demo calendar', () => {
  // 2026-03-02 is a Monday; 2026-03-06 a Friday.
  it.each<[AssetClass, string, string]>([
    ['equity', '2026-03-04T16:07:00Z', 'regular'],
    ['equity', '2026-03-04T14:30:00.000Z', 'regular'],
    ['equity', '2026-03-04T14:29:59.999Z', 'pre'],
    ['equity', '2026-03-04T09:00:00Z', 'pre'],
    ['equity', '2026-03-04T08:59:59Z', 'closed'],
    ['equity', '2026-03-04T20:59:59.999Z', 'regular'],
    ['equity', '2026-03-04T21:00:00Z', 'post'],
    ['equity', '2026-03-05T00:30:00Z', 'post'],
    ['equity', '2026-03-05T01:00:00Z', 'closed'],
    ['equity', '2026-03-07T00:30:00Z', 'post'], // Saturday's small hours: Friday's post-market
    ['equity', '2026-03-07T12:00:00Z', 'closed'],
    ['equity', '2026-03-09T00:30:00Z', 'closed'], // Monday's small hours: Sunday had no session
    ['etf', '2026-03-08T16:00:00Z', 'closed'],
    ['index', '2026-03-02T15:00:00Z', 'regular'],
    ['crypto', '2026-03-08T03:00:00Z', 'regular'],
    ['crypto', '2026-03-04T23:59:59Z', 'regular'],
    ['fx', '2026-03-06T23:00:00Z', 'regular'],
    ['fx', '2026-03-07T10:00:00Z', 'closed'],
    ['fx', '2026-03-09T00:00:00Z', 'regular'],
  ])('%s at %s is %s', (assetClass, iso, state) => {
    expect(marketStateAt(assetClass, at(iso))).toBe(state);
  });

  it('starts on a Monday and counts weekdays for exchanges, every day for crypto', () => {
    expect(weekdayOf(DEMO_EPOCH_DAY)).toBe(0);
    expect(tradingIndexOf('equity', DEMO_EPOCH_DAY)).toBe(0);
    expect(tradingIndexOf('equity', DEMO_EPOCH_DAY + 4)).toBe(4); // Friday
    expect(tradingIndexOf('equity', DEMO_EPOCH_DAY + 5)).toBe(5); // Saturday: as next Monday
    expect(tradingIndexOf('equity', DEMO_EPOCH_DAY + 6)).toBe(5); // Sunday too
    expect(tradingIndexOf('equity', DEMO_EPOCH_DAY + 7)).toBe(5); // Monday
    expect(tradingIndexOf('crypto', DEMO_EPOCH_DAY + 7)).toBe(7);
  });

  it('has sessions from the epoch on, on trading days only', () => {
    expect(sessionOf('equity', DEMO_EPOCH_DAY - 1)).toBeUndefined();
    expect(sessionOf('equity', dayOfIso('2026-03-07T00:00:00Z'))).toBeUndefined();
    expect(sessionOf('equity', dayOfIso('2026-03-04T00:00:00Z'))).toEqual({
      day: dayOfIso('2026-03-04T00:00:00Z'),
      startMs: at('2026-03-04T14:30:00Z'),
      endMs: at('2026-03-04T21:00:00Z'),
      minutes: 390,
    });
    expect(sessionOf('crypto', dayOfIso('2026-03-07T00:00:00Z'))?.minutes).toBe(1440);
    expect(latestSessionAt('equity', DEMO_EPOCH_MS)).toBeUndefined();
    expect(latestSessionAt('equity', at('2026-03-08T12:00:00Z'))?.day).toBe(dayOfIso('2026-03-06T00:00:00Z'));
  });
});
