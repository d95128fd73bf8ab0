/**
 * Alpha Vantage writes intraday times as wall-clock time in the zone its meta data names
 * (US/Eastern), so turning them into UTC needs that zone's offset on that date, DST included.
 * Intl knows the rules; these helpers only ask it.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // Throws RangeError for a zone Intl does not know.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `utcMs`. */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = formatFor(timeZone).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`, the wall time given as if it were UTC
 * (`Date.UTC(2017, 11, 18, 14, 56)` for 14:56 in New York -> 19:56 UTC). Two passes settle the
 * offset across a DST change. A wall time the spring change skips is read with the new offset; one
 * the autumn change repeats resolves to its first occurrence. Neither happens in market hours.
 */
export function zonedWallTimeToUtcMs(wallAsUtcMs: number, timeZone: string): number {
  const guess = wallAsUtcMs - offsetMs(wallAsUtcMs, timeZone);
  return wallAsUtcMs - offsetMs(guess, timeZone);
}
