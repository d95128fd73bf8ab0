import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/engine/decimal.js';
import { ProviderError, RateLimitError } from '../../src/errors.js';
import {
  Wire,
  barStartMs,
  errorBodyMessage,
  genericHttpError,
  oldestFirst,
  parseJsonKeepingBigIntegers,
} from '../../src/providers/wire-guards.js';

const wire = (value: unknown) => Wire.root<unknown>('test', value, 'body');

function failure(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a failure');
}

describe('Wire', () => {
  it.each([
    ['1.50000000', '1.5'],
    [116.31999969482, '116.31999969482'],
    [2.013e-5, '0.00002013'],
    ['1e3', '1000'],
    [0.1, '0.1'],
  ])('decimal(%j) = %s', (value, text) => {
    expect(wire(value).decimal().toString()).toBe(text);
  });

  it.each([
    ['decimal', null, 'should be a decimal number (number or decimal text), got null'],
    ['decimal', '', 'should be a decimal number (number or decimal text), got the text ""'],
    ['decimal', Number.NaN, 'should be a decimal number (number or decimal text), got number NaN'],
    ['decimal', 'abc', 'should be a decimal number (number or decimal text), got the text "abc"'],
    ['price', 0, 'should be a price above zero, got number 0'],
    ['price', '-1', 'should be a price above zero, got the text "-1"'],
    ['quantity', -0.5, 'should be a quantity at or above zero, got number -0.5'],
    ['string', 5, 'should be text, got number 5'],
    ['integer', 1.5, 'should be a whole number, got number 1.5'],
    ['epochSecondsMs', '1712192400.5', 'should be unix seconds, got the text "1712192400.5"'],
    ['record', [1, 2], 'should be an object, got an array of 2'],
    ['items', {}, 'should be an array, got an object with keys (none)'],
  ] as const)('%s rejects %j: %s', (method, value, message) => {
    const error = failure(() => wire(value)[method]());
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'test', code: 'malformed', retryable: true });
    expect(error.message).toBe(`test sent a malformed response: body ${message}`);
  });

  it('names the path of a nested value and says when a field is missing', () => {
    const body = Wire.root<{ a: { b: readonly { c: string }[] } }>('test', { a: { b: [{}] } }, 'root');
    const error = failure(() => body.get('a').get('b').items()[0]!.get('c').string());
    expect(error.message).toBe(
      'test sent a malformed response: root.a.b[0].c should be text, got nothing (the field is missing)',
    );
  });

  it.each([
    ['2022-03-18T14:02:43.651613184Z', Date.UTC(2022, 2, 18, 14, 2, 43, 651)],
    ['2022-03-18T14:02:43.9999999Z', Date.UTC(2022, 2, 18, 14, 2, 43, 999)],
    ['2022-03-18T14:02:43Z', Date.UTC(2022, 2, 18, 14, 2, 43)],
    ['2022-04-28T16:48:08-04:00', Date.UTC(2022, 3, 28, 20, 48, 8)],
    ['2024-03-13T11:10:41.270099+01:00', Date.UTC(2024, 2, 13, 10, 10, 41, 270)],
  ])('isoTimeMs(%s) rounds down to the millisecond', (text, ms) => {
    expect(wire(text).isoTimeMs()).toBe(ms);
  });

  it.each(['2022-03-18', '2022-03-18 14:02:43', '2022-03-18T14:02:43Z junk', 1647612163651])(
    'isoTimeMs rejects %j',
    (value) => {
      expect(() => wire(value).isoTimeMs()).toThrow('should be an RFC 3339 time');
    },
  );

  it.each(['2022-02-30T00:00:00Z', '2022-03-18T24:00:00Z', '2022-13-01T00:00:00Z'])(
    'isoTimeMs rejects the impossible %s',
    (value) => {
      expect(() => wire(value).isoTimeMs()).toThrow('should be a valid date and time');
    },
  );

  it('dateMs reads a real date and rejects an impossible one', () => {
    expect(wire('2023-11-28').dateMs()).toBe(Date.UTC(2023, 10, 28));
    expect(() => wire('2023-02-29').dateMs()).toThrow('should be a date such as 2023-11-28');
  });

  it.each([
    ['1651251948294999999', 1651251948294],
    // What JSON.parse makes of 1651251948294080343: the nearest double.
    [Number('1651251948294080343'), 1651251948294],
    ['1652192754171838500', 1652192754171],
  ])('epochNanosMs(%j) = %i', (value, ms) => {
    expect(wire(value).epochNanosMs()).toBe(ms);
  });

  it('optional() is undefined for null and missing, and the value otherwise', () => {
    expect(wire(null).optional()).toBeUndefined();
    expect(wire(undefined).optional()).toBeUndefined();
    expect(wire(0).optional()?.number()).toBe(0);
  });
});

describe('parseJsonKeepingBigIntegers', () => {
  it('keeps integers beyond 2^53 as their digits and leaves the rest to JSON.parse', () => {
    const text =
      '{"t":1651251948294999999,"n":-12345678901234567890,"p":155.65,"e":1e21,"s":9007199254740991,"x":[1,2]}';
    expect(parseJsonKeepingBigIntegers(text)).toEqual({
      t: '1651251948294999999',
      n: '-12345678901234567890',
      p: 155.65,
      e: 1e21,
      s: 9007199254740991,
      x: [1, 2],
    });
  });

  it('does not touch digits inside strings, escaped quotes included', () => {
    const text = '{"a":"id \\"1651251948294999999\\" 1651251948294999999","b":1651251948294999999}';
    expect(parseJsonKeepingBigIntegers(text)).toEqual({
      a: 'id "1651251948294999999" 1651251948294999999',
      b: '1651251948294999999',
    });
  });

  it('throws SyntaxError for text that is not JSON', () => {
    expect(() => parseJsonKeepingBigIntegers('{"a":')).toThrow(SyntaxError);
  });
});

describe('bars', () => {
  const bar = (tsMs: number) => ({
    tsMs,
    open: Decimal.ONE,
    high: Decimal.ONE,
    low: Decimal.ONE,
    close: Decimal.ONE,
    volume: Decimal.ZERO,
  });

  it('sorts oldest first and refuses two bars with one start', () => {
    expect(oldestFirst('test', [bar(3), bar(1), bar(2)], 'bars').map((b) => b.tsMs)).toEqual([1, 2, 3]);
    expect(() => oldestFirst('test', [bar(1), bar(1)], 'bars')).toThrow(
      'bars should be bars with distinct start times',
    );
  });

  it('moves daily and longer bars to 00:00 UTC and leaves intraday bars alone', () => {
    const newYorkMidnight = Date.UTC(2022, 1, 1, 5);
    expect(barStartMs('1d', newYorkMidnight)).toBe(Date.UTC(2022, 1, 1));
    expect(barStartMs('1wk', newYorkMidnight)).toBe(Date.UTC(2022, 1, 1));
    expect(barStartMs('1h', newYorkMidnight)).toBe(newYorkMidnight);
  });
});

describe('errors', () => {
  it.each([
    [{ code: -1121, msg: 'Invalid symbol.' }, 'Invalid symbol.'],
    [{ message: 'NotFound' }, 'NotFound'],
    [{ error: 'coin not found' }, 'coin not found'],
    [{ error: { status: { error_code: 10012, error_message: 'too old' } } }, 'too old'],
    [{ status: { error_code: 429, error_message: 'slow down' } }, 'slow down'],
    [{ errors: [{ id: 'rate_limit_exceeded', message: 'Too many requests' }] }, 'Too many requests'],
    [{ 'Error Message': 'Invalid API call.' }, 'Invalid API call.'],
    ['{"msg":"from text"}', 'from text'],
    ['Edge: Too Many Requests', 'Edge: Too Many Requests'],
    [{ nothing: 1 }, undefined],
    [null, undefined],
  ])('errorBodyMessage(%j) = %j', (body, message) => {
    expect(errorBodyMessage(body)).toBe(message);
  });

  it.each([
    [401, 'unauthorized', false],
    [403, 'unauthorized', false],
    [404, 'not-found', false],
    [408, 'timeout', true],
    [418, 'bad-request', false],
    [500, 'server-error', true],
    [503, 'server-error', true],
    [302, 'unexpected-status', false],
  ])('genericHttpError(%i) -> %s', (status, code, retryable) => {
    expect(genericHttpError('test', status, 'why')).toMatchObject({
      code,
      retryable,
      message: `test answered HTTP ${status}: why`,
    });
  });

  it('maps 429 to RateLimitError with the Retry-After it is given', () => {
    const error = genericHttpError('test', 429, undefined, { retryAfterMs: 1500 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 1500 });
  });
});
