import { describe, expect, it } from 'vitest';
import { commandToLoad } from '../../src/cli.js';
import { parseHistoryOptions } from '../../src/commands/history.js';
import { parseSymbols } from '../../src/commands/parse.js';
import { parseQuoteOptions } from '../../src/commands/quote.js';
import { parseSearchOptions } from '../../src/commands/search.js';
import { UsageError } from '../../src/errors.js';

const NOW = Date.UTC(2026, 2, 2, 15, 30);

describe('parseSymbols', () => {
  it('normalizes and de-duplicates in order', () => {
    expect(parseSymbols([' acme', 'btc-usd', 'ACME', '^gspc', 'eurusd=x'])).toEqual([
      'ACME',
      'BTC-USD',
      '^GSPC',
      'EURUSD=X',
    ]);
  });

  it.each([[''], ['two words'], ['ac$me']])('refuses %j as a usage error', (arg) => {
    expect(() => parseSymbols([arg])).toThrow(UsageError);
  });

  it('refuses an empty list', () => {
    expect(() => parseQuoteOptions([])).toThrow(/at least one symbol/);
  });
});

describe('parseHistoryOptions', () => {
  it('defaults to a month of daily bars ending now', () => {
    const options = parseHistoryOptions('acme', { interval: '1d' }, NOW);
    expect(options).toEqual({ symbol: 'ACME', interval: '1d', fromMs: Date.UTC(2026, 1, 2, 15, 30), toMs: NOW });
  });

  it('takes an inclusive --to date and a --from date', () => {
    const options = parseHistoryOptions('ACME', { interval: '1d', from: '2024-01-01', to: '2024-01-31' }, NOW);
    expect(options.fromMs).toBe(Date.UTC(2024, 0, 1));
    expect(options.toMs).toBe(Date.UTC(2024, 1, 1));
  });

  it.each([
    [{ interval: '1d', range: '7q' }, /--range must be one of .* \(received "7q"\)/],
    [{ interval: '3h' }, /--interval must be one of .* \(received "3h"\)/],
    [{ interval: '1d', from: '2024-05-01', to: '2024-01-01' }, /--from .* must be before --to/],
    [{ interval: '1d', from: 'yesterday' }, /--from must be a date/],
    [{ interval: '1d', from: '2024-01-01', range: '1y' }, /either --range or --from/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseHistoryOptions('ACME', raw, NOW)).toThrow(message);
    expect(() => parseHistoryOptions('ACME', raw, NOW)).toThrow(UsageError);
  });
});

describe('parseSearchOptions', () => {
  it('refuses a limit that is not a whole number', () => {
    expect(() => parseSearchOptions('x', { limit: '0' })).toThrow(/--limit/);
    expect(() => parseSearchOptions('x', { limit: '2.5' })).toThrow(/--limit/);
    expect(parseSearchOptions(' x ', { limit: '3' })).toEqual({ text: 'x', limit: 3 });
  });
});

describe('commandToLoad', () => {
  it.each([
    [['quote', 'ACME'], 'quote'],
    [['--json', 'quote', 'ACME'], 'quote'],
    [['--provider', 'demo', 'history', 'ACME'], 'history'],
    [['help', 'history'], 'history'],
    [['help', 'exit-codes'], 'help'],
    [['--help'], undefined],
  ])('%j loads %s', (args, name) => {
    expect(commandToLoad(args)).toBe(name);
  });
});
