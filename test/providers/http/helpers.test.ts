import { describe, expect, it } from 'vitest';
import {
  describeUrl,
  isSecretParam,
  redactError,
  redactSecrets,
  redactUrl,
} from '../../../src/providers/http/redact.js';
import { parseRetryAfter } from '../../../src/providers/http/retry-after.js';
import { bodyExcerpt, HttpStatusError } from '../../../src/providers/http/errors.js';

const NOW_MS = Date.UTC(2015, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['1.5', 1_500],
    ['Wed, 21 Oct 2015 07:29:30 GMT', 90_000],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0],
  ])('%j -> %j ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(ms);
  });

  it.each([undefined, '', 'soon', '-5', '1e3', 'Wed, 99 Foo 2015'])('%j -> undefined', (value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeUndefined();
  });

  it('reads the first of repeated headers', () => {
    expect(parseRetryAfter(['7', '9'], NOW_MS)).toBe(7_000);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://api.example.com/v1/q?apikey=SECRET&symbol=AAPL', 'https://api.example.com/v1/q?apikey=***&symbol=AAPL'],
    [
      'https://api.example.com/q?apiKey=S&api_key=S&API-KEY=S',
      'https://api.example.com/q?apiKey=***&api_key=***&API-KEY=***',
    ],
    [
      'https://x.test/q?token=S&access_token=S&crumb=S&sig=S',
      'https://x.test/q?token=***&access_token=***&crumb=***&sig=***',
    ],
    ['https://user:pass@x.test/q?symbols=AAPL%2CMSFT', 'https://***:***@x.test/q?symbols=AAPL%2CMSFT'],
    ['https://x.test/q', 'https://x.test/q'],
  ])('%s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it('drops the whole query of text that is not a URL', () => {
    expect(redactUrl('/v1/q?apikey=SECRET')).toBe('/v1/q');
  });

  it.each(['apikey', 'key', 'Token', 'client_secret', 'password', 'crumb'])('%s is secret', (name) => {
    expect(isSecretParam(name)).toBe(true);
  });

  it.each(['symbol', 'symbols', 'interval', 'q', 'period1'])('%s is not secret', (name) => {
    expect(isSecretParam(name)).toBe(false);
  });
});

describe('describeUrl', () => {
  it('keeps host and path only', () => {
    expect(describeUrl('https://query2.finance.yahoo.com/v7/finance/quote?symbols=A&crumb=S')).toBe(
      'query2.finance.yahoo.com/v7/finance/quote',
    );
    expect(describeUrl('http://127.0.0.1:5000/?token=S')).toBe('127.0.0.1:5000');
  });
});

describe('bodyExcerpt', () => {
  it('flattens lines and shortens', () => {
    expect(bodyExcerpt('Edge: Too Many Requests\n')).toBe(' ("Edge: Too Many Requests")');
    expect(bodyExcerpt('abcdef', 3)).toBe(' ("abc...")');
    expect(bodyExcerpt('  \n ')).toBe('');
  });
});

describe('redactSecrets and redactError', () => {
  it('replaces every occurrence of each secret, URL-encoded ones too', () => {
    expect(redactSecrets('key k3y/+SECRET and k3y%2F%2BSECRET again k3y/+SECRET', ['k3y/+SECRET'])).toBe(
      'key *** and *** again ***',
    );
  });

  it('ignores secrets too short to protect anything', () => {
    expect(redactSecrets('a b c', ['a', ''])).toBe('a b c');
  });

  it('scrubs message, stack, hint, body and the chain of causes, keeping the class and code', () => {
    const cause = new Error('socket to host with token LEAKY123 failed');
    const error = new HttpStatusError('x', 'bad-request', 'x: LEAKY123 refused', false, 400, 'body LEAKY123', {
      hint: 'LEAKY123 hint',
      cause,
    });
    expect(redactError(error, ['LEAKY123'])).toBe(error);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect([error.message, error.hint, error.body, cause.message]).toEqual([
      'x: *** refused',
      '*** hint',
      'body ***',
      'socket to host with token *** failed',
    ]);
    expect(`${error.stack ?? ''}${cause.stack ?? ''}`).not.toContain('LEAKY123');
    expect(redactError('not an error', ['LEAKY123'])).toBe('not an error');
  });
});
