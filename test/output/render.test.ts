import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/engine/decimal.js';
import type { Dataset } from '../../src/output/dataset.js';
import { chooseFormat, render } from '../../src/output/render.js';
import { createStyle, shouldUseColor } from '../../src/output/style.js';

interface Row {
  symbol: string;
  note: string;
  price: Decimal;
  change: Decimal;
  tsMs: number;
}

const rows: Row[] = [
  {
    symbol: 'ACME',
    note: 'plain',
    price: Decimal.of('123.4'),
    change: Decimal.of('1.25'),
    tsMs: Date.UTC(2026, 0, 2, 15),
  },
  {
    symbol: 'GLOBX',
    note: 'has "quotes", commas\nand a newline',
    price: Decimal.of('7'),
    change: Decimal.of('-0.5'),
    tsMs: Date.UTC(2026, 0, 2, 16),
  },
];

const dataset: Dataset<Row> = {
  rows,
  record: (r) => ({ symbol: r.symbol, price: r.price, time: new Date(r.tsMs).toISOString() }),
  columns: [
    { key: 'symbol', header: 'SYMBOL', kind: 'text', value: (r) => r.symbol },
    { key: 'price', header: 'PRICE', kind: 'decimal', value: (r) => r.price },
    { key: 'change', header: 'CHG', kind: 'signed', value: (r) => r.change },
    { key: 'note', header: 'NOTE', kind: 'text', value: (r) => r.note, maxWidth: 10 },
    { key: 'time', header: 'TIME', kind: 'time', value: (r) => r.tsMs },
  ],
};

const options = (isTTY: boolean, color = false) => ({
  isTTY,
  style: createStyle(color),
  timezone: 'UTC',
  nowMs: Date.UTC(2026, 0, 2, 20),
});

describe('chooseFormat', () => {
  it.each([
    [{}, 'table'],
    [{ json: true }, 'json'],
    [{ ndjson: true }, 'ndjson'],
    [{ csv: true }, 'csv'],
  ] as const)('%j gives %s', (flags, format) => {
    expect(chooseFormat(flags)).toBe(format);
  });

  it('refuses two formats at once, naming both', () => {
    expect(() => chooseFormat({ json: true, csv: true })).toThrow(/--json and --csv/);
  });
});

describe('render', () => {
  it('writes RFC 4180 CSV with CRLF, a header and quoted fields', () => {
    const csv = render(dataset, 'csv', options(false));
    expect(csv).toBe(
      'symbol,price,change,note,time\r\n' +
        'ACME,123.4,1.25,plain,2026-01-02T15:00:00.000Z\r\n' +
        'GLOBX,7,-0.5,"has ""quotes"", commas\nand a newline",2026-01-02T16:00:00.000Z\r\n',
    );
  });

  it('writes one JSON document with decimals as strings', () => {
    const parsed = JSON.parse(render(dataset, 'json', options(false)));
    expect(parsed).toEqual([
      { symbol: 'ACME', price: '123.4', time: '2026-01-02T15:00:00.000Z' },
      { symbol: 'GLOBX', price: '7', time: '2026-01-02T16:00:00.000Z' },
    ]);
  });

  it('writes one JSON object per line for NDJSON', () => {
    const lines = render(dataset, 'ndjson', options(false)).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).symbol)).toEqual(['ACME', 'GLOBX']);
  });

  it('writes tab-separated rows without a header to a pipe', () => {
    const tsv = render(dataset, 'table', options(false));
    expect(tsv.split('\n')[0]).toBe('ACME\t123.4\t1.25\tplain\t2026-01-02T15:00:00.000Z');
    expect(tsv).not.toContain('SYMBOL');
  });

  it('aligns decimal points and signs changes in a human table', () => {
    const lines = render(dataset, 'table', options(true)).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SYMBOL\s+PRICE\s+CHG\s+NOTE\s+TIME$/);
    const dot = (line: string) => line.indexOf('.', line.indexOf(' '));
    expect(lines[1]).toContain('123.4');
    expect(lines[2]).toContain('7  ');
    expect(dot(lines[1] ?? '')).toBeGreaterThan(0);
    expect(lines[1]).toContain('+1.25');
    expect(lines[2]).toContain('-0.5');
    expect(lines[2]).toContain('has "quot…');
    expect(lines[1]).toContain('15:00:00');
    // The price column ends in the same place on every row.
    const end = (line: string, text: string) => line.indexOf(text) + text.length;
    expect(end(lines[1] ?? '', '123.4')).toBe(end(lines[2] ?? '', '7') + 2);
  });

  it('drops the lowest-priority columns until the table fits the terminal', () => {
    const prioritized: Dataset<Row> = {
      ...dataset,
      columns: dataset.columns.map((column) =>
        column.key === 'note'
          ? { ...column, priority: 1 }
          : column.key === 'time'
            ? { ...column, priority: 2 }
            : column,
      ),
    };
    const wide = render(prioritized, 'table', { ...options(true), width: 200 });
    expect(wide.split('\n')[0]).toContain('NOTE');
    const narrow = render(prioritized, 'table', { ...options(true), width: 36 });
    const header = narrow.split('\n')[0] ?? '';
    expect(header).not.toContain('NOTE');
    expect(header).toContain('TIME');
    expect(
      Math.max(
        ...narrow
          .trimEnd()
          .split('\n')
          .map((line) => line.length),
      ),
    ).toBeLessThanOrEqual(36);
    const tiny = render(prioritized, 'table', { ...options(true), width: 10 });
    expect(tiny.split('\n')[0]).toMatch(/^SYMBOL\s+PRICE\s+CHG$/);
  });

  it('colors ups green and downs red only when color is on', () => {
    const colored = render(dataset, 'table', options(true, true));
    expect(colored).toContain('\u001b[32m');
    expect(colored).toContain('\u001b[31m');
    expect(render(dataset, 'table', options(true, false))).not.toContain('\u001b[');
  });
});

describe('shouldUseColor', () => {
  const base = { isTTY: true, env: {}, colorFlag: true, setting: 'auto' as const };
  it.each([
    [{}, true],
    [{ isTTY: false }, false],
    [{ env: { NO_COLOR: '1' } }, false],
    [{ env: { NO_COLOR: '' } }, true],
    [{ env: { TERM: 'dumb' } }, false],
    [{ colorFlag: false }, false],
    [{ setting: 'never' as const }, false],
    [{ isTTY: false, setting: 'always' as const }, true],
    [{ isTTY: false, setting: 'always' as const, env: { NO_COLOR: '1' } }, false],
  ])('%j gives %s', (change, expected) => {
    expect(shouldUseColor({ ...base, ...change })).toBe(expected);
  });
});
