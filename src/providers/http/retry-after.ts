/**
 * Parses an HTTP `Retry-After` value into milliseconds from `nowMs`: either delay-seconds
 * (`120`; fractions are accepted although the RFC allows whole seconds only) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past gives 0. Returns undefined when the
 * header is missing or is neither form, so the caller can fall back to its own backoff.
 */
export function parseRetryAfter(value: string | readonly string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Date.parse also accepts bare numbers and odd forms; an HTTP-date always names a weekday or month.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}
