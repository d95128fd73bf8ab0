import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseDashOptions, requireTerminal } from '../../src/commands/dash.js';
import { runBin } from '../e2e/run-cli.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

describe('dash options', () => {
  it('takes --theme over the configured theme', () => {
    expect(parseDashOptions({ theme: 'light' }, 'dark')).toEqual({ theme: 'light' });
    expect(parseDashOptions({}, 'light')).toEqual({ theme: 'light' });
  });

  it('refuses an unknown theme, saying what is accepted', () => {
    expect(() => parseDashOptions({ theme: 'neon' }, 'dark')).toThrow(
      /--theme must be dark or light \(received "neon"\)/,
    );
  });

  it('needs stdin and stdout to be terminals', () => {
    expect(() => requireTerminal(true, true)).not.toThrow();
    expect(() => requireTerminal(true, false)).toThrow(UsageError);
    expect(() => requireTerminal(false, true)).toThrow(/stdin is not one/);
  });
});

describe('stockato dash without a terminal (built binary)', () => {
  let home: TempHome;
  beforeEach(() => {
    home = createTempHome();
  });
  afterEach(() => home.cleanup());

  it('exits 2 and points at quote --json', () => {
    const run = runBin(['dash', '--demo'], home.dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('stockato dash needs a terminal');
    expect(run.stderr).toContain('stockato quote SYMBOLS --json');
  });

  it('a bad dash.theme in the config is a usage error naming the key', () => {
    const set = runBin(['config', 'set', 'dash.theme', 'neon'], home.dir);
    expect(set.status).toBe(2);
    expect(set.stderr).toContain('dash.theme');
  });
});
