import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import type * as Yaml from 'yaml';
import { findSetting, SETTINGS, type SettingDefinition } from './schema.js';

type YamlModule = typeof Yaml;

export type ConfigValue = string | number;

/** The effective settings: each key's value and whether it came from the file. */
export interface Config {
  readonly file: string;
  get(key: string): ConfigValue;
  getString(key: string): string;
  getNumber(key: string): number;
  sourceOf(key: string): 'file' | 'default';
}

/**
 * Reads and validates the YAML config file. A missing file means all defaults (and the YAML
 * parser is then never loaded, which keeps one-off commands fast). Any invalid value names the
 * file, the key and what is accepted.
 */
export async function loadConfig(file: string): Promise<Config> {
  const values = existsSync(file) ? validate(file, await readYaml(file)) : new Map();
  return makeConfig(file, values);
}

/**
 * Validates and writes one setting, keeping the rest of the file (and its comments). The file is
 * written to a temporary name and renamed, so a crash never leaves half a file.
 */
export async function setConfigValue(file: string, key: string, raw: string): Promise<ConfigValue> {
  const setting = requireSetting(key);
  const value = setting.parse(raw);
  if (value === undefined) {
    throw new UsageError(`"${raw}" is not a valid value for ${key}: expected ${setting.accepts}`);
  }
  const { parseDocument } = await loadYaml();
  const document = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (document.errors.length > 0) throw yamlError(file, document.errors[0]?.message ?? '');
  validate(file, document.toJS() as unknown);
  document.setIn(key.split('.'), value);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, document.toString(), { mode: 0o600 });
  renameSync(temp, file);
  return value;
}

export function requireSetting(key: string): SettingDefinition {
  const setting = findSetting(key);
  if (!setting) {
    throw new UsageError(`unknown setting "${key}"`, {
      hint: `known settings: ${SETTINGS.map((s) => s.key).join(', ')}`,
    });
  }
  return setting;
}

async function readYaml(file: string): Promise<unknown> {
  const { parseDocument } = await loadYaml();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) throw yamlError(file, document.errors[0]?.message ?? '');
  return document.toJS() as unknown;
}

function yamlError(file: string, message: string): ConfigError {
  return new ConfigError(`config file ${file} is not valid YAML: ${message.split('\n')[0]}`);
}

function validate(file: string, data: unknown): Map<string, ConfigValue> {
  const values = new Map<string, ConfigValue>();
  if (data === null || data === undefined) return values;
  for (const [key, raw] of flatten(file, data, '')) {
    const setting = findSetting(key);
    if (!setting) {
      throw new ConfigError(`config file ${file}: unknown setting "${key}"`, {
        hint: `known settings: ${SETTINGS.map((s) => s.key).join(', ')}`,
      });
    }
    const value = setting.parse(raw);
    if (value === undefined) {
      throw new ConfigError(`config file ${file}: ${key} is ${JSON.stringify(raw)}, expected ${setting.accepts}`, {
        hint: `fix it with: stockato config set ${key} <value>`,
      });
    }
    values.set(key, value);
  }
  return values;
}

function flatten(file: string, data: unknown, prefix: string): Array<[string, unknown]> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`config file ${file}: ${prefix || 'the top level'} must be a mapping of settings`);
  }
  return Object.entries(data).flatMap(([name, value]) => {
    const key = prefix ? `${prefix}.${name}` : name;
    // A setting whose value is a mapping (providers.overrides) is a value, not a group.
    const isGroup = typeof value === 'object' && value !== null && !Array.isArray(value) && !findSetting(key);
    return isGroup ? flatten(file, value, key) : [[key, value] as [string, unknown]];
  });
}

function makeConfig(file: string, values: ReadonlyMap<string, ConfigValue>): Config {
  const get = (key: string) => values.get(key) ?? requireSetting(key).default;
  return {
    file,
    get,
    getString: (key) => String(get(key)),
    getNumber: (key) => Number(get(key)),
    sourceOf: (key) => (values.has(key) ? 'file' : 'default'),
  };
}

/**
 * The YAML library, loaded only when a config file exists. It is CommonJS: when bundled, its
 * exports sit on `default`, as Node's own interop would put them.
 */
async function loadYaml(): Promise<YamlModule> {
  const module = (await import('yaml')) as YamlModule & { default?: YamlModule };
  return module.default ?? module;
}
