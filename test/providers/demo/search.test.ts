import { describe, expect, it } from 'vitest';
import { INTERVALS } from '../../../src/engine/interval.js';
import type { Instrument } from '../../../src/engine/instrument.js';
import { DEMO_INSTRUMENTS } from '../../../src/providers/demo/provider.js';
import { searchInstruments } from '../../../src/providers/demo/search.js';
import { T, demoAt } from './helpers.js';

const symbols = async (text: string) => (await demoAt(T).search(text)).map((instrument) => instrument.symbol);

describe('demo search', () => {
  it.each([
    ['acme', ['ACME']],
    ['  Rocket ', ['ACME']],
    // symbol prefix, then name prefix, then substrings in list order
    ['qu', ['QUX-USD', 'QBTX', 'VLTQ', 'BNKQ']],
    ['demo', ['DTMX', 'DBDZ', 'DTKZ', '^DEMO', 'EURUSD=X', 'GBPUSD=X', 'USDJPY=X']],
    ['usd', ['USDJPY=X', 'ZORK-USD', 'QUX-USD', 'NBL-USD', 'EURUSD=X', 'GBPUSD=X']],
    ['b', ['BNKQ', 'BRZL', 'GBPUSD=X', 'GLOBX', 'QBTX', 'HXLM', 'FZLR', 'KRMB', 'DBDZ', 'NBL-USD']],
    ['nothing like this', []],
  ])('ranks %j as %j', async (text, expected) => {
    expect(await symbols(text)).toEqual(expected);
  });

  it('puts an exact symbol before longer symbols that start with it', () => {
    const listing = (symbol: string, name: string): Instrument => ({
      symbol,
      name,
      assetClass: 'equity',
      currency: 'USD',
      exchange: 'DEMO',
    });
    const list = [
      listing('ABCX', 'Xylo'),
      listing('XABC', 'Abc Holdings'),
      listing('ABC', 'Plain'),
      listing('QQ', 'Has abc inside'),
    ];
    expect(searchInstruments(list, 'abc').map((i) => i.symbol)).toEqual(['ABC', 'ABCX', 'XABC', 'QQ']);
  });

  it('lists every instrument for empty text, without simulation parameters', async () => {
    const all = await demoAt(T).search('');
    expect(all.map((i) => i.symbol)).toEqual(DEMO_INSTRUMENTS.map((i) => i.symbol));
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['assetClass', 'currency', 'exchange', 'name', 'symbol']);
  });
});

describe('the demo instrument list', () => {
  it('has about twenty instruments of every kind, with unique canonical symbols', () => {
    const classes = DEMO_INSTRUMENTS.map((i) => i.assetClass);
    expect(DEMO_INSTRUMENTS.length).toBeGreaterThanOrEqual(18);
    expect(classes.filter((c) => c === 'equity').length).toBeGreaterThanOrEqual(8);
    expect(new Set(classes)).toEqual(new Set(['equity', 'etf', 'index', 'crypto', 'fx']));
    expect(new Set(DEMO_INSTRUMENTS.map((i) => i.symbol)).size).toBe(DEMO_INSTRUMENTS.length);
    for (const instrument of DEMO_INSTRUMENTS) {
      if (instrument.assetClass === 'crypto') expect(instrument.symbol).toMatch(/^[A-Z]{3,5}-USD$/);
      if (instrument.assetClass === 'fx') {
        expect(instrument.symbol).toMatch(/^[A-Z]{6}=X$/);
        expect(instrument.name).toContain('demo');
      }
      expect(instrument.exchange).toMatch(/^DEMO/);
    }
    expect(new Set(DEMO_INSTRUMENTS.map((i) => i.currency))).toEqual(new Set(['USD', 'EUR', 'GBp', 'JPY']));
  });

  it('declares itself simulated, keyless and able to serve every interval', () => {
    const demo = demoAt(T);
    expect(demo.id).toBe('demo');
    expect(demo.displayName).toBe('Demo market (simulated)');
    expect(demo.capabilities).toMatchObject({
      simulated: true,
      requiresKey: false,
      streaming: true, // the demo exchange (stockato stream --demo)
      news: true,
      quotes: true,
      history: true,
      search: true,
      intervals: INTERVALS,
    });
    expect(demo.capabilities.maxSymbolsPerQuote).toBeGreaterThanOrEqual(DEMO_INSTRUMENTS.length);
  });
});
