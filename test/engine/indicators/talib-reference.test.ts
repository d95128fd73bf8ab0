import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { computeIndicator, parseIndicatorSpec } from '../../../src/engine/indicators/index.js';
import { Decimal } from '../../../src/engine/decimal.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CSV_PATH = path.resolve(REPO_ROOT, '../shared/fixtures/reference/talib-synthetic-2000.csv');

type Row = Readonly<Record<string, number | null>>;

function readReference(): { bars: Bar[]; rows: Row[] } {
  const [header = '', ...lines] = readFileSync(CSV_PATH, 'utf8').trim().split('\n');
  const names = header.split(',');
  const table = lines.map((line) => line.split(','));
  const rows = table.map((cells) =>
    Object.fromEntries(names.map((name, i) => [name, i === 0 || !cells[i] ? null : Number(cells[i])])),
  );
  // Bars are built from the CSV text, exactly as a provider would hand them over.
  const bars = table.map(([, open = '', high = '', low = '', close = '', volume = ''], i) => ({
    tsMs: i * 86_400_000,
    open: Decimal.of(open),
    high: Decimal.of(high),
    low: Decimal.of(low),
    close: Decimal.of(close),
    volume: Decimal.of(volume),
  }));
  return { bars, rows };
}

const { bars, rows } = readReference();
const RELATIVE = 1e-6;
const ABSOLUTE_FLOOR = 1e-9; // values this close to zero are compared absolutely

/** Largest relative error over the rows where both have a value; asserts null exactly where TA-Lib is empty. */
function compare(column: string, ours: ReadonlyArray<number | null>): number {
  let worst = 0;
  rows.forEach((row, i) => {
    const expected = row[column] ?? null;
    const actual = ours[i] ?? null;
    if (expected === null || actual === null) {
      expect({ row: i, actual }).toEqual({ row: i, actual: expected });
      return;
    }
    const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), ABSOLUTE_FLOOR);
    worst = Math.max(worst, error);
    if (error > RELATIVE) expect({ row: i, column, actual }).toEqual({ row: i, column, actual: expected });
  });
  return worst;
}

function run(text: string): unknown[] {
  const parsed = parseIndicatorSpec(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return computeIndicator(parsed.spec, bars);
}

const field = (values: unknown[], key: string): Array<number | null> =>
  values.map((value) => (value === null ? null : ((value as Record<string, number>)[key] ?? Number.NaN)));
const scalar = (values: unknown[]): Array<number | null> => values as Array<number | null>;

// [TA-Lib column in the CSV, our spec, output field or '' for a single number]
const CASES: Array<[string, string, string]> = [
  ['sma_20', 'sma:20', ''],
  ['ema_20', 'ema:20', ''],
  ['wma_20', 'wma:20', ''],
  ['rsi_14', 'rsi:14', ''],
  ['macd_12_26_9', 'macd:12:26:9', 'macd'],
  ['macd_signal_12_26_9', 'macd:12:26:9', 'signal'],
  ['macd_hist_12_26_9', 'macd:12:26:9', 'histogram'],
  ['bb_upper_20_2', 'bb:20:2', 'upper'],
  ['bb_middle_20_2', 'bb:20:2', 'middle'],
  ['bb_lower_20_2', 'bb:20:2', 'lower'],
  ['atr_14', 'atr:14', ''],
  ['stoch_k_14_3_3', 'stoch:14:3:3', 'k'],
  ['stoch_d_14_3_3', 'stoch:14:3:3', 'd'],
  ['adx_14', 'adx:14', ''],
  ['cci_20', 'cci:20', ''],
  ['willr_14', 'willr:14', ''],
  ['mfi_14', 'mfi:14', ''],
  ['roc_10', 'roc:10', ''],
  ['obv', 'obv', ''],
];

const BAR_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'volume'];

describe('indicators against TA-Lib (talib-synthetic-2000.csv)', () => {
  it('has the 2000 rows and every column the cases name', () => {
    expect(bars).toHaveLength(2000);
    for (const [column] of CASES) expect(Object.hasOwn(rows[0] ?? {}, column)).toBe(true);
  });

  // A column added to the reference file must get a case here, or this fails.
  it('checks every indicator column of the reference file', () => {
    const indicatorColumns = Object.keys(rows[0] ?? {}).filter((name) => !BAR_COLUMNS.includes(name));
    expect(indicatorColumns.filter((name) => !CASES.some(([column]) => column === name))).toEqual([]);
  });

  // Every indicator here uses TA-Lib's warm-up length exactly: null exactly where TA-Lib's cell is empty.
  it.each(CASES)('%s equals %s to 1e-6 relative, null exactly where TA-Lib is empty', (column, text, key) => {
    const values = run(text);
    const worst = compare(column, key === '' ? scalar(values) : field(values, key));
    expect(worst).toBeLessThan(RELATIVE);
  });

  // No NATR column: TA-Lib defines NATR as 100 * ATR / close with ATR's warm-up, checked against the ATR column.
  it('natr:14 equals 100 * TA-Lib atr_14 / close', () => {
    const expected = rows.map((row) =>
      row.atr_14 == null || row.close == null ? null : (100 * row.atr_14) / row.close,
    );
    const actual = scalar(run('natr:14'));
    actual.forEach((value, i) => {
      const reference = expected[i] ?? null;
      if (value === null || reference === null) expect(value).toBe(reference);
      else expect(Math.abs(value - reference) / reference).toBeLessThan(RELATIVE);
    });
  });

  // No Keltner column: our kc is EMA(period) +/- multiplier * ATR(atrPeriod), both TA-Lib-seeded.
  it('kc:20:14:2 equals TA-Lib ema_20 +/- 2 * atr_14', () => {
    const values = run('kc:20:14:2');
    const band = (sign: number) =>
      rows.map((row) => (row.ema_20 == null || row.atr_14 == null ? null : row.ema_20 + sign * 2 * row.atr_14));
    const check = (key: string, expected: Array<number | null>) =>
      field(values, key).forEach((value, i) => {
        const reference = expected[i] ?? null;
        if (value === null || reference === null) expect({ i, value }).toEqual({ i, value: reference });
        else expect(Math.abs(value - reference) / Math.abs(reference)).toBeLessThan(RELATIVE);
      });
    check('upper', band(1));
    check('middle', band(0));
    check('lower', band(-1));
  });

  // No STDDEV column: TA-Lib's BBANDS bands are SMA +/- 2 * STDDEV(20), so STDDEV = (upper - middle) / 2.
  it('stddev:20 equals (TA-Lib bb_upper_20_2 - bb_middle_20_2) / 2', () => {
    const actual = scalar(run('stddev:20'));
    rows.forEach((row, i) => {
      const value = actual[i] ?? null;
      if (row.bb_upper_20_2 == null || row.bb_middle_20_2 == null)
        return expect({ i, value }).toEqual({ i, value: null });
      const reference = (row.bb_upper_20_2 - row.bb_middle_20_2) / 2;
      expect(Math.abs((value as number) - reference) / Math.max(reference, ABSOLUTE_FLOOR)).toBeLessThan(RELATIVE);
    });
  });
});
