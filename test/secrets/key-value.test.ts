import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../src/secrets/key-value.js';
import { requireKeyedProvider } from '../../src/secrets/keyed-providers.js';

const polygon = requireKeyedProvider('polygon');
const alpaca = requireKeyedProvider('alpaca');

describe('normalizeKey', () => {
  it.each([
    ['pk_abc123\n', 'pk_abc123'],
    ['  pk_abc123  ', 'pk_abc123'],
    ['pk_abc123\r\n', 'pk_abc123'],
  ])('trims %j to the key', (raw, key) => {
    expect(normalizeKey(polygon, raw)).toBe(key);
  });

  it('accepts an Alpaca key id and secret joined by a colon', () => {
    expect(normalizeKey(alpaca, 'PKID123:s3cr3t/+=\n')).toBe('PKID123:s3cr3t/+=');
  });

  it.each([
    [polygon, '', /the input was empty/],
    [polygon, ' \n', /the input was empty/],
    [polygon, 'pk abc_hidden', /contains a space, a line break or a control character/],
    [polygon, 'pk_line1\npk_hidden', /contains a space/],
    [polygon, `pk_${'x'.repeat(5000)}`, /at most 4096/],
    [alpaca, 'PKID_hidden', /must be KEY_ID:SECRET_KEY/],
    [alpaca, 'PKID:_hidden:more', /must be KEY_ID:SECRET_KEY/],
    [alpaca, ':_hidden', /must be KEY_ID:SECRET_KEY/],
  ])('refuses a bad %s key with a usage error that does not quote it', (provider, raw, message) => {
    let error: { message: string; hint?: string; exitCode?: number } | undefined;
    try {
      normalizeKey(provider, raw);
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.exitCode).toBe(2);
    expect(`${error?.message} ${error?.hint ?? ''}`).not.toMatch(/hidden|xxxx/);
  });
});

describe('requireKeyedProvider', () => {
  it('names the keyed providers when given another', () => {
    expect(() => requireKeyedProvider('yahoo')).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: '"yahoo" is not a provider that takes a key',
        hint: 'providers with keys: polygon, finnhub, alpaca, alphavantage',
      }),
    );
  });
});
