import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runBin, runShell } from './run-cli.js';

let home: string;
beforeAll(() => {
  if (!existsSync(BIN) || !existsSync(join(BIN, '../../dist/main.js'))) {
    throw new Error('build first: npm run build (npm test does it for you)');
  }
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'stockato-e2e-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('quote', () => {
  it('prints a demo quote as JSON with decimal strings and ISO times', () => {
    const run = runBin(['quote', 'ACME', '--demo', '--json'], home);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const [quote] = JSON.parse(run.stdout);
    expect(quote).toMatchObject({ symbol: 'ACME', source: 'demo', demo: true, marketState: 'regular' });
    for (const field of ['last', 'change', 'changePercent', 'open', 'high', 'low', 'previousClose', 'volume']) {
      expect(quote[field]).toMatch(/^-?\d+(\.\d+)?$/);
    }
    expect(quote.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Number(quote.last) - Number(quote.previousClose)).toBeCloseTo(Number(quote.change), 8);
  });

  it('prints what succeeded, names the unknown symbol on stderr and exits 1', () => {
    const run = runBin(['quote', 'ACME', 'NOPE', '--demo'], home);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ACME\t/);
    expect(run.stdout).not.toContain('NOPE');
    expect(run.stderr).toMatch(/error: unknown symbol "NOPE"/);
  });

  it('reports errors as one JSON object on stderr in JSON mode', () => {
    const run = runBin(['quote', 'NOPE', '--demo', '--json'], home);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'unknown-symbol' } });
  });

  it.each([
    [['quote'], /missing required argument/],
    [['quote', 'ACME', '--demo', '--json', '--csv'], /--json and --csv/],
    [['quote', 'ACME', '--provider', 'nope'], /unknown provider "nope"/],
    [['quote', 'AC ME', '--demo'], /"AC ME" is not a symbol/],
    [['quote', 'ACME', '--bogus'], /unknown option '--bogus'/],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = runBin(args, home);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('the default provider', () => {
  it('is the router over the real providers, not the demo market', () => {
    // run-cli points every real provider at a closed local port: the run fails fast, offline.
    const run = runBin(['quote', 'AAPL'], home);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: no provider could answer for AAPL: yahoo: the connection to 127\.0\.0\.1:9/);
  });
});

describe('news', () => {
  it('prints fictional demo headlines as CSV and NDJSON', () => {
    const csv = runBin(['news', 'ACME', '--demo', '--limit', '3', '--csv'], home);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,publisher,title,url,stale,ageSeconds');
    expect(lines).toHaveLength(4);
    const ndjson = runBin(['news', '--demo', '--ndjson', '--limit', '2'], home);
    const items = ndjson.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ publisher: 'Demo Wire (fictional)', symbols: [], stale: false });
  });

  it.each([
    [['news', 'ACME', '--demo', '--limit', '0'], /--limit must be a whole number from 1 up/],
    [['news', 'AC ME', '--demo'], /"AC ME" is not a symbol/],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = runBin(args, home);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('history', () => {
  it('prints a year of daily bars as CSV and serves the second run from the cache', () => {
    const first = runBin(['history', 'ACME', '--demo', '--range', '1y', '--csv', '--debug'], home);
    expect(first.status).toBe(0);
    const lines = first.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('time,open,high,low,close,volume');
    // A year of weekdays, holidays aside: 260 or 261 bars, the last one still open.
    expect(lines.length - 1).toBeGreaterThanOrEqual(250);
    expect(lines.length - 1).toBeLessThanOrEqual(262);
    expect(first.stderr).toContain('from demo');
    const second = runBin(['history', 'ACME', '--demo', '--range', '1y', '--csv', '--debug'], home);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain('from the cache');
  });

  it('marks demo history as demo data in JSON', () => {
    const run = runBin(['history', 'ZORK-USD', '--demo', '--range', '5d', '--interval', '1h', '--json'], home);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ symbol: 'ZORK-USD', interval: '1h', source: 'demo', demo: true });
    // Crypto trades around the clock: five days of hourly bars, the last one still open.
    expect(document.bars.length).toBeGreaterThanOrEqual(120);
    expect(document.bars.length).toBeLessThanOrEqual(121);
  });

  it.each([
    [['--range', '7q'], /--range must be one of .*"7q"/],
    [['--interval', '3h'], /--interval must be one of .*"3h"/],
    [['--from', '2025-05-01', '--to', '2025-01-01'], /--from .* must be before --to/],
  ])('%j is a usage error that writes nothing', (args, message) => {
    const run = runBin(['history', 'ACME', '--demo', ...args], home);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(home, 'stockato.db'))).toBe(false);
  });

  it('ends quietly with 0 when the reader of the pipe leaves', () => {
    const run = runShell('stockato history ACME --demo --range max --quiet | head -n 2', home);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(run.stderr).toBe('');
  });
});

describe('bad homes, configs and databases', () => {
  it('refuses a STOCKATO_HOME that is a file', () => {
    const file = join(home, 'file');
    writeFileSync(file, 'x');
    const run = runBin(['quote', 'ACME', '--demo'], file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is a file, not a folder');
  });

  it('names the config file and the key of a wrong type', () => {
    writeFileSync(join(home, 'config.yaml'), 'demo:\n  seed: lots\n');
    const run = runBin(['quote', 'ACME', '--demo'], home);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(join(home, 'config.yaml'));
    expect(run.stderr).toContain('demo.seed');
  });

  it('refuses a database file that is not SQLite and leaves it untouched', () => {
    const db = join(home, 'stockato.db');
    writeFileSync(db, 'these are my notes, not a database\n');
    const run = runBin(['history', 'ACME', '--demo'], home);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(db);
    expect(readFileSync(db, 'utf8')).toBe('these are my notes, not a database\n');
  });
});

describe('help and config', () => {
  it('documents the exit codes', () => {
    const run = runBin(['help', 'exit-codes'], home);
    expect(run.status).toBe(0);
    for (const code of ['0', '1', '2', '3', '130']) expect(run.stdout).toMatch(new RegExp(`^  ${code} `, 'm'));
  });

  it('shows examples in program and command help', () => {
    expect(runBin(['--help'], home).stdout).toContain('Examples:');
    const history = runBin(['history', '--help'], home);
    expect(history.status).toBe(0);
    expect(history.stdout).toContain('$ stockato history ACME');
    expect(runBin(['help', 'quote'], home).stdout).toContain('$ stockato quote ACME');
  });

  it('sets, gets and lists settings in the config file', () => {
    expect(runBin(['config', 'set', 'timezone', 'UTC'], home).status).toBe(0);
    expect(runBin(['config', 'get', 'timezone'], home).stdout).toBe('UTC\n');
    expect(runBin(['config', 'path'], home).stdout).toBe(`${join(home, 'config.yaml')}\n`);
    const list = JSON.parse(runBin(['config', 'list', '--json'], home).stdout);
    expect(list).toContainEqual(expect.objectContaining({ key: 'timezone', value: 'UTC', source: 'file' }));
    const bad = runBin(['config', 'set', 'color', 'purple'], home);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected auto, always or never');
  });
});

describe('db', () => {
  it('checks, backs up and vacuums the database', () => {
    expect(runBin(['history', 'ACME', '--demo'], home).status).toBe(0);
    const check = runBin(['db', 'check', '--json'], home);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });
    const backup = join(home, 'copy.db');
    expect(runBin(['db', 'backup', backup], home).status).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect(runBin(['db', 'backup', backup], home).status).toBe(2);
    expect(runBin(['db', 'vacuum'], home).status).toBe(0);
  });

  it('says there is no database yet instead of creating one', () => {
    const run = runBin(['db', 'check'], home);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no database');
    expect(existsSync(join(home, 'stockato.db'))).toBe(false);
  });
});
