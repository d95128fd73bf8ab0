import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBin, runShell } from './run-cli.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'stockato-e2e-ind-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('indicators', () => {
  it('works in a pipeline with no provider: history CSV in, the same values as from the provider out', () => {
    const piped = runShell(
      'stockato history ACME --demo --range 3mo --csv | stockato indicators --input - --ind rsi:14,macd --csv',
      home,
    );
    expect(piped.status).toBe(0);
    const direct = runBin(
      ['indicators', 'ACME', '--demo', '--range', '3mo', '--ind', 'rsi:14', '--ind', 'macd', '--csv'],
      home,
    );
    expect(direct.status).toBe(0);
    const [header, ...rows] = piped.stdout.trim().split('\r\n');
    expect(header).toBe(
      'time,open,high,low,close,volume,rsi_14,macd_12_26_9,macd_signal_12_26_9,macd_histogram_12_26_9',
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows[0]).toMatch(/,,,,$/); // warm-up: empty, never 0
    expect(rows.at(-1)).toMatch(/,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+$/);
    expect(piped.stdout).toBe(direct.stdout);
  });

  it('prints JSON with nulls during warm-up and the patterns found', () => {
    const run = runBin(
      ['indicators', 'ACME', '--demo', '--range', '1y', '--ind', 'sma:50', '--patterns', '--json'],
      home,
    );
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ symbol: 'ACME', source: 'demo', demo: true, columns: ['sma_50'] });
    expect(document.bars[48].sma_50).toBeNull();
    expect(document.bars[49].sma_50).toEqual(expect.any(Number));
    expect(document.bars.flatMap((bar: { patterns: string[] }) => bar.patterns).length).toBeGreaterThan(0);
  });

  it.each([
    [['ACME', '--demo', '--ind', 'nope'], /unknown indicator "nope"; known indicators: sma, ema/],
    [['ACME', '--demo', '--ind', 'macd:12:26'], /macd takes 3 parameters \(macd:fast:slow:signal\), got 2/],
    [['ACME', '--demo', '--ind', 'rsi:0'], /rsi period must be a positive whole number of bars, got 0/],
    [['--input', 'missing.csv', '--ind', 'rsi'], /--input missing.csv: cannot read it \(no such file\)/],
  ])('refuses %j with exit 2 and nothing on stdout', (args, message) => {
    const run = runBin(['indicators', ...args], home);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('names the line and column of a bad CSV row (exit 2), as JSON in JSON mode', () => {
    const file = join(home, 'bars.csv');
    writeFileSync(file, 'date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,2,zero,1.5,10\n');
    const run = runBin(['indicators', '--input', file, '--ind', 'rsi', '--json'], home);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: { code: 'usage', message: 'CSV line 3, column low: "zero" is not a number' },
    });
  });
});
