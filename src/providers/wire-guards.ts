import { Decimal } from '../engine/decimal.js';
import type { Bar } from '../engine/bar.js';
import { DAY_MS, isIntraday, type Interval } from '../engine/interval.js';
import type { MarketState } from '../engine/quote.js';
import { ProviderError, RateLimitError } from '../errors.js';

/**
 * Reading untrusted JSON from market data sources. Every provider's parser goes through `Wire`, so
 * that a missing field, a wrong type or a NaN becomes one kind of error everywhere: ProviderError
 * `malformed`, retryable (a router may try the next source), naming the provider, the path of the
 * bad value, what it should have been and what came instead. Nothing here returns NaN or a zero in
 * place of a missing value.
 */

/** Where the market for a symbol is, for sources whose quotes do not say; supplied by the caller. */
export type MarketStateOf = (quoteTsMs: number) => MarketState;

/** Facts a transport knows when it hands an error body to a provider's `classifyError`. */
export interface ErrorContext {
  /** The canonical symbol the request was about, when there was one. */
  readonly symbol?: string;
  /** From the `Retry-After` header, when the response had one. */
  readonly retryAfterMs?: number;
}

/** Builds the `malformed` error; exported for checks that span several values. */
export function malformed(provider: string, path: string, expected: string, received: unknown): ProviderError {
  return new ProviderError(
    provider,
    'malformed',
    `${provider} sent a malformed response: ${path} should be ${expected}, got ${describeValue(received)}`,
    true,
  );
}

/** A short description of a JSON value for error messages: never the whole payload. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
  return typeof value;
}

type Key<W> = Extract<keyof NonNullable<W>, string>;
type Field<W, K extends Key<W>> = NonNullable<W>[K];
type Item<W> = NonNullable<W> extends readonly (infer E)[] ? E : unknown;
type MapValue<W> = NonNullable<W> extends Readonly<Record<string, infer V>> ? V : unknown;

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One value of a payload, with its path, typed by the wire type it is supposed to have. The type
 * parameter only checks field names at compile time (`get('lastPrice')` on a typo fails to build);
 * every accessor checks the actual value at run time.
 */
export class Wire<W = unknown> {
  private constructor(
    readonly provider: string,
    readonly path: string,
    readonly value: unknown,
  ) {}

  static root<W>(provider: string, body: unknown, what: string): Wire<W> {
    return new Wire<W>(provider, what, body);
  }

  fail(expected: string): never {
    throw malformed(this.provider, this.path, expected, this.value);
  }

  /** True unless the value is null or missing. */
  present(): boolean {
    return this.value !== null && this.value !== undefined;
  }

  /** This value, or undefined when it is null or missing. */
  optional(): Wire<NonNullable<W>> | undefined {
    return this.present() ? (this as Wire<NonNullable<W>>) : undefined;
  }

  record(): Readonly<Record<string, unknown>> {
    const { value } = this;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail('an object');
    return value as Readonly<Record<string, unknown>>;
  }

  get<K extends Key<W>>(key: K): Wire<Field<W, K>> {
    return new Wire(this.provider, `${this.path}.${key}`, this.record()[key]);
  }

  has(key: Key<W>): boolean {
    return this.record()[key] !== undefined;
  }

  items(): Wire<Item<W>>[] {
    if (!Array.isArray(this.value)) this.fail('an array');
    return (this.value as unknown[]).map(
      (item, index) => new Wire<Item<W>>(this.provider, `${this.path}[${index}]`, item),
    );
  }

  /** Element `index` of a tuple-shaped array (Binance klines, Coinbase candles). */
  at(index: number): Wire<Item<W>> {
    if (!Array.isArray(this.value)) this.fail('an array');
    return new Wire(this.provider, `${this.path}[${index}]`, (this.value as unknown[])[index]);
  }

  /** The entries of an object used as a map (bars by symbol, Alpha Vantage series by date). */
  entries(): [string, Wire<MapValue<W>>][] {
    return Object.entries(this.record()).map(([key, value]) => [
      key,
      new Wire(this.provider, `${this.path}.${key}`, value),
    ]);
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail('text');
    return this.value as string;
  }

  nonEmptyString(): string {
    const text = this.string();
    if (text.trim() === '') this.fail('non-empty text');
    return text;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('a finite number');
    return this.value as number;
  }

  integer(): number {
    const value = this.number();
    if (!Number.isSafeInteger(value)) this.fail('a whole number');
    return value;
  }

  /** An exact decimal from decimal text (Binance, Coinbase) or a JSON number (shortest round-trip text). */
  decimal(): Decimal {
    const { value } = this;
    if (typeof value === 'number' || typeof value === 'string') {
      const decimal = typeof value === 'string' && value.trim() === '' ? undefined : Decimal.tryOf(value);
      if (decimal) return decimal;
    }
    return this.fail('a decimal number (number or decimal text)');
  }

  /** A price: a decimal strictly above zero, since zero is what several sources send for "no data". */
  price(): Decimal {
    const value = this.decimal();
    if (!value.gt(0)) this.fail('a price above zero');
    return value;
  }

  /** A volume or size: a decimal at or above zero. */
  quantity(): Decimal {
    const value = this.decimal();
    if (value.isNegative()) this.fail('a quantity at or above zero');
    return value;
  }

  /** Unix seconds (a number, or integer text as Coinbase sends) as epoch ms. */
  epochSecondsMs(): number {
    const { value } = this;
    const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds <= 0) this.fail('unix seconds');
    return (seconds as number) * 1000;
  }

  /** Epoch milliseconds, a positive whole number. */
  epochMs(): number {
    const value = this.integer();
    if (value <= 0) this.fail('epoch milliseconds');
    return value;
  }

  /**
   * Epoch nanoseconds (Polygon) as epoch ms, rounded down. Text (see parseJsonKeepingBigIntegers)
   * is exact; a JSON number above 2^53 was already rounded by JSON.parse, so its ms may be one off
   * when the nanoseconds sit within a few hundred of a millisecond boundary.
   */
  epochNanosMs(): number {
    const { value } = this;
    if (typeof value === 'string' && /^\d{1,25}$/.test(value)) return Number(BigInt(value) / 1_000_000n);
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.floor(value / 1e6);
    return this.fail('epoch nanoseconds');
  }

  /** RFC 3339 time with any number of fraction digits (Alpaca sends nanoseconds), as epoch ms rounded down. */
  isoTimeMs(): number {
    const match = ISO_TIME.exec(typeof this.value === 'string' ? this.value : '');
    if (!match) return this.fail('an RFC 3339 time such as 2022-03-18T14:02:43.651613184Z');
    const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = match;
    const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
    const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    // Date.UTC rolls 2022-02-30 over to March; a real date reads back the same.
    if (new Date(local).toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`)
      this.fail('a valid date and time');
    if (zone === 'Z') return local;
    const sign = zone.startsWith('-') ? -1 : 1;
    return local - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }

  /** A `YYYY-MM-DD` date as 00:00 UTC of that day. */
  dateMs(): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof this.value === 'string' ? this.value : '');
    const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
    if (!match || new Date(ms).toISOString().slice(0, 10) !== match[0]) return this.fail('a date such as 2023-11-28');
    return ms;
  }
}

/**
 * Daily and longer bars start at 00:00 UTC of their session's date, as the demo market and
 * `bucketStart` have them, whatever the wire uses (Polygon and Alpaca send midnight New York,
 * which is 04:00 or 05:00 UTC of the same date). Intraday bars keep their real start.
 */
export function barStartMs(interval: Interval, tsMs: number): number {
  return isIntraday(interval) ? tsMs : Math.floor(tsMs / DAY_MS) * DAY_MS;
}

/** Bars oldest first, whatever order the wire used; two bars with one start time are malformed. */
export function oldestFirst(provider: string, bars: readonly Bar[], what: string): Bar[] {
  const sorted = [...bars].sort((a, b) => a.tsMs - b.tsMs);
  for (let i = 1; i < sorted.length; i++) {
    const bar = sorted[i] as Bar;
    if (bar.tsMs === (sorted[i - 1] as Bar).tsMs) {
      throw malformed(provider, what, 'bars with distinct start times', new Date(bar.tsMs).toISOString());
    }
  }
  return sorted;
}

const JSON_NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * JSON.parse, except that whole numbers too large for a double are kept as their digits (a
 * string), so that Polygon's nanosecond timestamps survive exactly. Text inside strings is untouched.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  let out = '';
  let copiedTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    JSON_NUMBER.lastIndex = i;
    const token = JSON_NUMBER.exec(text)?.[0];
    if (token === undefined) continue;
    if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(copiedTo, i)}"${token}"`;
      copiedTo = i + token.length;
    }
    i += token.length - 1;
  }
  return JSON.parse(out + text.slice(copiedTo));
}

/**
 * The human message inside an error body, whichever shape the source uses (`msg`, `message`,
 * `error`, `Error Message`, `errors[0].message`, CoinGecko's `status.error_message`). Text bodies
 * that are not JSON come back trimmed. Undefined when there is nothing readable.
 */
export function errorBodyMessage(body: unknown): string | undefined {
  const parsed = typeof body === 'string' ? tryParseJson(body) : body;
  if (typeof parsed === 'string') return parsed.trim().slice(0, 300) || undefined;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  for (const key of ['msg', 'message', 'error', 'Error Message', 'Information', 'Note', 'error_message']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'object' && value !== null) return errorBodyMessage(value);
  }
  if (Array.isArray(record.errors)) return errorBodyMessage(record.errors[0]);
  if (typeof record.status === 'object' && record.status !== null) return errorBodyMessage(record.status);
  return undefined;
}

/** The body as JSON when it is JSON text, else the text itself; objects pass through. */
export function tryParseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/**
 * The error for a status a provider has no special knowledge of. Codes match the shared HTTP
 * client's (`unauthorized`, `not-found`, `server-error`, `bad-request`) so a router sees one
 * vocabulary.
 */
export function genericHttpError(
  provider: string,
  status: number,
  message: string | undefined,
  context: ErrorContext = {},
): ProviderError {
  const text = `${provider} answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429) return new RateLimitError(provider, text, context.retryAfterMs);
  if (status === 401 || status === 403) {
    return new ProviderError(provider, 'unauthorized', text, false, {
      hint: `check the ${provider} API key and plan (stockato keys set ${provider})`,
    });
  }
  if (status === 404) return new ProviderError(provider, 'not-found', text, false);
  if (status === 408) return new ProviderError(provider, 'timeout', text, true);
  if (status >= 500) return new ProviderError(provider, 'server-error', text, true);
  if (status >= 400) return new ProviderError(provider, 'bad-request', text, false);
  return new ProviderError(provider, 'unexpected-status', text, false);
}
