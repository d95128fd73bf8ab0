import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, setConfigValue } from '../../src/config/config.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { chainSettings } from '../../src/services/provider-setup.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

let home: TempHome;
let file: string;
beforeEach(() => {
  home = createTempHome();
  file = home.path('config.yaml');
});
afterEach(() => home.cleanup());

describe('router settings', () => {
  it('defaults: provider auto, every chain auto, no overrides, quote TTL 15s', async () => {
    const config = await loadConfig(file);
    expect(config.get('provider')).toBe('auto');
    expect(config.get('cache.quote-ttl')).toBe('15s');
    expect(chainSettings(config)).toEqual({ chains: {}, overrides: {} });
  });

  it('reads chains as YAML lists and overrides as a mapping', async () => {
    writeFileSync(
      file,
      'provider: auto\nproviders:\n  crypto: [coinbase, yahoo]\n  default: [yahoo]\n  overrides:\n    btc-usd: binance\n',
    );
    expect(chainSettings(await loadConfig(file))).toEqual({
      chains: { crypto: ['coinbase', 'yahoo'], default: ['yahoo'] },
      overrides: { 'BTC-USD': 'binance' },
    });
  });

  it('`config set` takes comma-separated lists and SYMBOL=id pairs, and they read back', async () => {
    await setConfigValue(file, 'providers.equity', 'yahoo');
    await setConfigValue(file, 'providers.overrides', 'ETH-USD=coinbase,BTC-USD=binance');
    expect(chainSettings(await loadConfig(file))).toEqual({
      chains: { equity: ['yahoo'] },
      overrides: { 'ETH-USD': 'coinbase', 'BTC-USD': 'binance' },
    });
    await expect(setConfigValue(file, 'providers.fx', 'yahoo,nope')).rejects.toThrow(UsageError);
  });

  it.each([
    ['providers:\n  crypto: [binance, nope]\n', /providers\.crypto is \["binance","nope"\], expected auto or a list/],
    ['providers:\n  equity: []\n', /providers\.equity is \[\]/],
    ['providers:\n  overrides:\n    BTC-USD: nope\n', /providers\.overrides is \{"BTC-USD":"nope"\}/],
    ['providers:\n  overrides:\n    "BT C": yahoo\n', /providers\.overrides/],
    ['provider: nope\n', /provider is "nope", expected auto .*demo, yahoo/],
  ])('%j is a ConfigError naming the file, the key and the known ids', async (yaml, message) => {
    writeFileSync(file, yaml);
    const error = await loadConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as ConfigError).message).toContain(file);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).toMatch(/demo, yahoo, binance, coinbase, coingecko/);
  });
});
