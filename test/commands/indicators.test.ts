import { describe, expect, it } from 'vitest';
import { indicatorDataset } from '../../src/commands/indicator-table.js';
import { parseIndicatorsOptions, run, type IndicatorsDeps } from '../../src/commands/indicators.js';
import type { Bar } from '../../src/engine/bar.js';
import { computeIndicator } from '../../src/engine/indicators/index.js';
import { UsageError } from '../../src/errors.js';
import { render } from '../../src/output/render.js';
import { createStyle } from '../../src/output/style.js';
import { barOf } from '../engine/indicators/bars.js';

const NOW = Date.UTC(2026, 2, 4, 18);
const DAY = 86_400_000;
const raw = (extra: Record<string, unknown>) => ({ interval: '1d', ind: [] as string[], ...extra });

describe('parseIndicatorsOptions', () => {
  it('takes comma lists and repeated --ind, de-duplicated, defaults filled in', () => {
    const options = parseIndicatorsOptions('acme', raw({ ind: ['rsi:14,macd', 'bb:20:2', 'rsi'] }), NOW);
    expect(options.specs).toEqual([
      { name: 'rsi', params: { period: 14 } },
      { name: 'macd', params: { fast: 12, slow: 26, signal: 9 } },
      { name: 'bb', params: { period: 20, multiplier: 2 } },
    ]);
    expect(options.source).toEqual({
      kind: 'history',
      history: { symbol: 'ACME', interval: '1d', fromMs: Date.UTC(2025, 2, 4, 18), toMs: NOW },
    });
    expect(options.patterns).toBeUndefined();
  });

  it('defaults to a year of daily bars (enough for common warm-ups) but keeps an explicit range', () => {
    const history = (extra: Record<string, unknown>) => {
      const { source } = parseIndicatorsOptions('ACME', raw({ ind: ['rsi'], ...extra }), NOW);
      return source.kind === 'history' ? source.history : undefined;
    };
    expect(history({})?.fromMs).toBe(Date.UTC(2025, 2, 4, 18));
    expect(history({ range: '5d' })?.fromMs).toBe(NOW - 5 * DAY);
    expect(history({ from: '2026-01-01' })?.fromMs).toBe(Date.UTC(2026, 0, 1));
  });

  it('--patterns alone means every pattern; a list picks them', () => {
    expect(parseIndicatorsOptions('ACME', raw({ patterns: true }), NOW).patterns).toHaveLength(15);
    expect(parseIndicatorsOptions('ACME', raw({ patterns: 'Hammer, doji,hammer' }), NOW).patterns).toEqual([
      'hammer',
      'doji',
    ]);
  });

  it('reads bars from --input instead of a symbol', () => {
    expect(parseIndicatorsOptions(undefined, raw({ ind: ['obv'], input: '-' }), NOW).source).toEqual({
      kind: 'input',
      path: '-',
    });
  });

  it.each([
    [{ ind: ['foo'] }, /--ind foo: unknown indicator "foo"; known indicators: sma, .*ichimoku/, undefined],
    [{ ind: ['rsi:14:2'] }, /rsi takes 1 parameter \(rsi:period\), got 2/, 'rsi takes rsi:period, e.g. rsi:14'],
    [
      { ind: ['bb:20:-1'] },
      /bb multiplier must be a positive number, got -1/,
      'bb takes bb:period:multiplier, e.g. bb:20:2',
    ],
    [{ ind: ['obv:3'] }, /obv takes 0 parameters \(obv\), got 1/, 'obv takes no parameters'],
    [{ ind: ['psar:0.3:0.2'] }, /acceleration 0.3 must not exceed maximum 0.2/, undefined],
    [{ ind: ['rsi,,sma'] }, /empty indicator spec/, undefined],
    [{}, /give at least one --ind SPEC/, undefined],
    [{ ind: ['rsi'], patterns: 'hamer' }, /unknown pattern "hamer"; known patterns: all, doji, hammer/, undefined],
  ])('refuses %j (exit 2)', (extra, message, hint) => {
    try {
      parseIndicatorsOptions('ACME', raw(extra), NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(message);
      if (hint !== undefined) expect((error as UsageError).hint).toBe(hint);
    }
  });

  it.each([
    [undefined, raw({ ind: ['rsi'] }), /give a symbol \(e.g. ACME\) or --input FILE/],
    ['ACME', raw({ ind: ['rsi'], input: 'a.csv' }), /give a symbol or --input, not both/],
    [
      undefined,
      raw({ ind: ['rsi'], input: 'a.csv', range: '1y' }),
      /--range applies to a symbol's history, not to --input/,
    ],
  ])('refuses symbol %j with %j', (symbol, options, message) => {
    expect(() => parseIndicatorsOptions(symbol, options, NOW)).toThrow(message);
  });
});

const bars: Bar[] = Array.from({ length: 30 }, (_, i) => {
  const [open, close] = [10 + (i % 7), 11 + ((i * 3) % 7)]; // closes 11, 14, 17, 13, ...
  return barOf(
    Date.UTC(2024, 0, 1) + i * DAY,
    open,
    Math.max(open, close) + 1,
    Math.min(open, close) - 1,
    close,
    100 + i,
  );
});
const CSV = [
  'volume,close,low,high,open,date',
  ...bars.map((b) => [b.volume, b.close, b.low, b.high, b.open, new Date(b.tsMs).toISOString().slice(0, 10)].join(',')),
].join('\n');

const deps = (calls: string[] = []): IndicatorsDeps => ({
  loadHistory: async (history) => {
    calls.push(`history ${history.symbol}`);
    return { instrument: { symbol: history.symbol }, interval: '1d', bars, source: 'demo', demo: true };
  },
  readInput: async (path) => {
    calls.push(`read ${path}`);
    return CSV;
  },
});

describe('run', () => {
  it('computes every column from the provider history, aligned to the bars, null in warm-up', async () => {
    const options = parseIndicatorsOptions('ACME', raw({ ind: ['rsi:14,bb:5:2'] }), NOW);
    const result = await run(options, deps());
    expect(result.table.columns).toEqual(['rsi_14', 'bb_upper_5_2', 'bb_middle_5_2', 'bb_lower_5_2']);
    expect(result.table.rows).toHaveLength(30);
    const rsi = computeIndicator({ name: 'rsi', params: { period: 14 } }, bars);
    expect(result.table.rows.map((row) => row.values[0])).toEqual(rsi);
    expect(result.table.rows[13]?.values[0]).toBeNull();
    expect(result.table.rows[14]?.values[0]).toEqual(expect.any(Number));
    expect(result.source).toEqual({ symbol: 'ACME', interval: '1d', source: 'demo', demo: true });
  });

  it('gives the same values from CSV input (any column order) as from the provider', async () => {
    const calls: string[] = [];
    const fromCsv = await run(
      parseIndicatorsOptions(undefined, raw({ ind: ['macd:3:6:2'], input: 'p.csv' }), NOW),
      deps(calls),
    );
    const fromHistory = await run(parseIndicatorsOptions('ACME', raw({ ind: ['macd:3:6:2'] }), NOW), deps(calls));
    expect(calls).toEqual(['read p.csv', 'history ACME']);
    expect(fromCsv.table.rows.map((row) => row.values)).toEqual(fromHistory.table.rows.map((row) => row.values));
    expect(fromCsv.source).toEqual({ symbol: undefined, interval: undefined, source: 'csv', demo: false });
  });

  it('renders CSV with stable names and empty warm-up cells, JSON with nulls and pattern arrays', async () => {
    const options = parseIndicatorsOptions('ACME', raw({ ind: ['sma:3'], patterns: 'doji' }), NOW);
    const result = await run(options, deps());
    const dataset = indicatorDataset(result.table, {
      ...result.source,
      specs: options.specs,
      patterns: options.patterns,
    });
    const renderOptions = { isTTY: false, style: createStyle(false), timezone: 'UTC', nowMs: NOW };
    const csv = render(dataset, 'csv', renderOptions).split('\r\n');
    expect(csv[0]).toBe('time,open,high,low,close,volume,sma_3,patterns');
    expect(csv[1]).toMatch(/^2024-01-01T00:00:00.000Z,10,12,9,11,100,,$/);
    expect(csv[3]).toMatch(/,102,14,(doji)?$/);
    const document = JSON.parse(render(dataset, 'json', renderOptions));
    expect(document).toMatchObject({ symbol: 'ACME', indicators: ['sma:3'], columns: ['sma_3'], patterns: ['doji'] });
    expect(document.bars[0]).toEqual({
      time: '2024-01-01T00:00:00.000Z',
      open: '10',
      high: '12',
      low: '9',
      close: '11',
      volume: '100',
      sma_3: null,
      patterns: [],
    });
    expect(document.bars[2].sma_3).toBeCloseTo((11 + 14 + 17) / 3, 12); // closes 11, 14, 17
    const ndjson = render(dataset, 'ndjson', renderOptions).trim().split('\n');
    expect(JSON.parse(ndjson[0] ?? '')).toMatchObject({ symbol: 'ACME', sma_3: null });
  });

  it('rounds values only in a terminal table', async () => {
    const options = parseIndicatorsOptions('ACME', raw({ ind: ['sma:3'] }), NOW);
    const result = await run(options, deps());
    const dataset = indicatorDataset(result.table, { ...result.source, specs: options.specs }, 4);
    const table = render(dataset, 'table', { isTTY: true, style: createStyle(false), timezone: 'UTC', nowMs: NOW });
    expect(table.split('\n')[0]).toMatch(/^DATE\s+OPEN\s+HIGH\s+LOW\s+CLOSE\s+VOLUME\s+SMA_3$/);
    expect(table.split('\n')[3]).toMatch(/ 14$/); // whole numbers stay whole
    expect(table.split('\n')[4]).toMatch(/ 14\.6667$/); // closes 14, 17, 13
  });

  it('a bad CSV row is a usage error naming the line and column', async () => {
    const options = parseIndicatorsOptions(undefined, raw({ ind: ['rsi'], input: '-' }), NOW);
    const broken: IndicatorsDeps = {
      ...deps(),
      readInput: async () => 'date,open,high,low,close,volume\n2024-01-01,1,2,0,1,oops\n',
    };
    await expect(run(options, broken)).rejects.toThrow('CSV line 2, column volume: "oops" is not a number');
  });
});
