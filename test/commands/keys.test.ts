import { describe, expect, it } from 'vitest';
import { parseSetKeyOptions } from '../../src/commands/keys/set.js';
import { keysDataset } from '../../src/commands/keys/list.js';
import { KEYED_PROVIDERS } from '../../src/secrets/keyed-providers.js';

describe('keys set options', () => {
  it('reads from a hidden prompt into the keychain by default', () => {
    expect(parseSetKeyOptions('polygon', undefined, {}, 'keychain')).toEqual({
      provider: 'polygon',
      from: 'prompt',
      destination: 'keychain',
    });
  });

  it('reads --stdin and stores into the file with --file or keys.store file', () => {
    expect(parseSetKeyOptions('alpaca', undefined, { stdin: true, file: true }, 'keychain')).toMatchObject({
      from: 'stdin',
      destination: 'file',
    });
    expect(parseSetKeyOptions('alpaca', undefined, {}, 'file').destination).toBe('file');
  });

  it('refuses a key given as an argument (exit 2) without repeating it', () => {
    let error: { message: string; hint?: string; exitCode: number } | undefined;
    try {
      parseSetKeyOptions('polygon', 'pk_typed_on_the_line', {}, 'keychain');
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/saved in your shell history/);
    expect(`${error?.message} ${error?.hint}`).not.toContain('pk_typed_on_the_line');
  });

  it('refuses an unknown provider, listing the keyed ones', () => {
    expect(() => parseSetKeyOptions('yahoo', undefined, {}, 'keychain')).toThrow(/not a provider that takes a key/);
  });
});

describe('keys list dataset', () => {
  it('says where a key is used from, never its value', () => {
    const [polygon, finnhub] = KEYED_PROVIDERS;
    const dataset = keysDataset([
      { provider: polygon!, sources: ['keychain', 'file'] },
      { provider: finnhub!, sources: [] },
      { provider: polygon!, sources: [], keychainProblem: 'the keychain refused a read: locked' },
    ]);
    expect(dataset.rows.map(dataset.record)).toEqual([
      {
        provider: 'polygon',
        set: true,
        source: 'keychain',
        sources: ['keychain', 'file'],
        envVar: 'STOCKATO_POLYGON_KEY',
      },
      { provider: 'finnhub', set: false, source: null, sources: [], envVar: 'STOCKATO_FINNHUB_KEY' },
      {
        provider: 'polygon',
        set: null,
        keychainProblem: 'the keychain refused a read: locked',
        source: null,
        sources: [],
        envVar: 'STOCKATO_POLYGON_KEY',
      },
    ]);
    expect(dataset.rows.map((row) => dataset.columns[1]?.value(row))).toEqual(['yes', 'no', 'unknown']);
  });
});
