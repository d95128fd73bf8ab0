import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, setConfigValue } from '../../src/config/config.js';
import { ConfigError, UsageError } from '../../src/errors.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stockato-config-'));
  file = join(dir, 'config.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('gives defaults when there is no file', async () => {
    const config = await loadConfig(file);
    expect(config.get('timezone')).toBe('local');
    expect(config.sourceOf('timezone')).toBe('default');
  });

  it('reads nested keys from YAML', async () => {
    writeFileSync(file, 'timezone: UTC\ncache:\n  daily-ttl: 2h\ndemo:\n  seed: 7\n');
    const config = await loadConfig(file);
    expect(config.get('timezone')).toBe('UTC');
    expect(config.get('cache.daily-ttl')).toBe('2h');
    expect(config.getNumber('demo.seed')).toBe(7);
    expect(config.sourceOf('cache.daily-ttl')).toBe('file');
  });

  it.each([
    ['color: 3\n', /color is 3, expected auto, always or never/],
    ['demo:\n  seed: -1\n', /demo.seed is -1, expected a whole number/],
    ['cache:\n  daily-ttl: soon\n', /cache.daily-ttl is "soon", expected a duration/],
    ['timezone: Mars/Olympus\n', /timezone is "Mars\/Olympus"/],
    ['colour: never\n', /unknown setting "colour"/],
    ['- a\n- b\n', /must be a mapping/],
    ['timezone: [unclosed\n', /not valid YAML/],
  ])('refuses %j naming the file and the key', async (text, message) => {
    writeFileSync(file, text);
    const error = await loadConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(file);
  });
});

describe('setConfigValue', () => {
  it('writes a value and keeps comments and other keys', async () => {
    writeFileSync(file, '# my settings\ntimezone: UTC\n');
    await setConfigValue(file, 'cache.daily-ttl', '3h');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# my settings');
    expect(text).toContain('timezone: UTC');
    expect((await loadConfig(file)).get('cache.daily-ttl')).toBe('3h');
  });

  it('refuses an invalid value and leaves the file as it was', async () => {
    writeFileSync(file, 'timezone: UTC\n');
    await expect(setConfigValue(file, 'color', 'purple')).rejects.toBeInstanceOf(UsageError);
    await expect(setConfigValue(file, 'nope', 'x')).rejects.toThrow(/unknown setting "nope"/);
    expect(readFileSync(file, 'utf8')).toBe('timezone: UTC\n');
  });
});

describe('settings', () => {
  it('defaults the demo seed to the demo market’s own default', async () => {
    const { DEFAULT_DEMO_SEED } = await import('../../src/providers/demo/market.js');
    const { findSetting } = await import('../../src/config/schema.js');
    expect(findSetting('demo.seed')?.default).toBe(DEFAULT_DEMO_SEED);
  });
});
