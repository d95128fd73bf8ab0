import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { resolvePaths } from '../../src/paths.js';

describe('resolvePaths', () => {
  it('puts everything under STOCKATO_HOME', () => {
    const paths = resolvePaths({ STOCKATO_HOME: '/srv/st', XDG_CONFIG_HOME: '/x' }, '/home/u');
    expect(paths.configFile).toBe('/srv/st/config.yaml');
    expect(paths.databaseFile).toBe('/srv/st/stockato.db');
    expect(paths.cacheDir).toBe('/srv/st/cache');
    expect(paths.source).toBe('STOCKATO_HOME');
  });

  it('follows XDG, ignoring relative values as the spec says', () => {
    const paths = resolvePaths({ XDG_CONFIG_HOME: '/cfg', XDG_DATA_HOME: 'relative' }, '/home/u');
    expect(paths.configFile).toBe('/cfg/stockato/config.yaml');
    expect(paths.databaseFile).toBe('/home/u/.local/share/stockato/stockato.db');
    expect(paths.cacheDir).toBe('/home/u/.cache/stockato');
  });

  it('refuses a STOCKATO_HOME that is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stockato-paths-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    try {
      expect(() => resolvePaths({ STOCKATO_HOME: file })).toThrow(ConfigError);
      expect(() => resolvePaths({ STOCKATO_HOME: file })).toThrow(/is a file, not a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
