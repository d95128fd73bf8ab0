import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseOhlcvCsv, parseTimeCell, splitCsv } from '../../src/input/ohlcv-csv.js';

const plain = (text: string) =>
  parseOhlcvCsv(text).map((bar) => ({
    tsMs: bar.tsMs,
    open: bar.open.toString(),
    high: bar.high.toString(),
    low: bar.low.toString(),
    close: bar.close.toString(),
    volume: bar.volume.toString(),
  }));

function usageError(text: string): UsageError {
  try {
    parseOhlcvCsv(text);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseOhlcvCsv', () => {
  it('reads the header in any order and any case, ignoring other columns', () => {
    const text = 'Volume,CLOSE,symbol,low,high,open,Date\n1000,10.5,ACME,9.5,11,10,2024-01-02\n';
    expect(plain(text)).toEqual([
      { tsMs: Date.UTC(2024, 0, 2), open: '10', high: '11', low: '9.5', close: '10.5', volume: '1000' },
    ]);
  });

  it('reads what `stockato history --csv` writes (time column, CRLF, ISO times)', () => {
    const text =
      'time,open,high,low,close,volume\r\n2024-01-02T00:00:00.000Z,1,2,0.5,1.5,10\r\n2024-01-03T00:00:00.000Z,1.5,2,1,2,20\r\n';
    expect(plain(text).map((bar) => bar.tsMs)).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)]);
  });

  it('takes quoted fields, a byte-order mark and blank lines', () => {
    const text = '\uFEFFdate,open,high,low,close,volume\n\n"2024-01-02","1","2","0.5","1.5","1e3"\n\n';
    expect(plain(text)).toEqual([
      { tsMs: Date.UTC(2024, 0, 2), open: '1', high: '2', low: '0.5', close: '1.5', volume: '1000' },
    ]);
  });

  it.each([
    ['2024-01-02', Date.UTC(2024, 0, 2)],
    ['2024-01-02T14:30:00Z', Date.UTC(2024, 0, 2, 14, 30)],
    ['2024-01-02 14:30', Date.UTC(2024, 0, 2, 14, 30)], // no zone: UTC
    ['2024-01-02T14:30:00+02:00', Date.UTC(2024, 0, 2, 12, 30)],
    ['1704205800', Date.UTC(2024, 0, 2, 14, 30)], // epoch seconds
    ['1704205800000', Date.UTC(2024, 0, 2, 14, 30)], // epoch milliseconds
  ])('reads the time %s', (text, tsMs) => {
    expect(parseTimeCell(text)).toBe(tsMs);
  });

  it.each([
    ['', 'the CSV input is empty'],
    ['date,open,high,close\n', 'CSV header (line 1) lacks low, volume: it has date, open, high, close'],
    ['date,open,high,low,close,volume\n2024-01-02,1,2,0.5,abc,10\n', 'CSV line 2, column close: "abc" is not a number'],
    ['date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1\n', 'CSV line 2: 5 fields, but the header has 6'],
    [
      'date,open,high,low,close,volume\n02/01/2024,1,2,0.5,1,1\n',
      'CSV line 2, column date: "02/01/2024" is not a date',
    ],
    ['date,open,high,low,close,volume\n2024-01-02,1,2,3,1,1\n', 'CSV line 2, column low: low 3 is above high 2'],
    ['date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,-1\n', 'CSV line 2, column volume: volume -1 is negative'],
    [
      'date,open,high,low,close,volume\n2024-01-03,1,2,0.5,1,1\n2024-01-02,1,2,0.5,1,1\n',
      'CSV line 3, column date: times must increase, but this row is not after line 2',
    ],
    ['date,open,high,low,close,volume\n"2024-01-02,1,2,0.5,1,1\n', 'CSV line 2: a quoted field is not closed'],
  ])('rejects %j: %s (exit 2)', (text, message) => {
    const error = usageError(text);
    expect(error.message).toContain(message);
    expect(error.exitCode).toBe(2);
  });

  it('counts lines across quoted line breaks', () => {
    expect(splitCsv('a,b\n"x\ny",1\nz,2').map((record) => record.line)).toEqual([1, 2, 4]);
  });
});
