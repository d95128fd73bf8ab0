import { parseDuration } from '../duration.js';
import { NOTIFY_FORMS, parseNotifyTarget, splitTargets } from '../notify/targets.js';
import { normalizeSymbol } from '../engine/instrument.js';
import { PROVIDER_IDS } from '../providers/registry.js';

/** One setting: its dotted key, what it accepts, its default and a line of help. */
export interface SettingDefinition {
  readonly key: string;
  readonly description: string;
  readonly default: string | number;
  /** What is accepted, in words, for error messages. */
  readonly accepts: string;
  /** Returns the typed value, or undefined when `raw` is not acceptable. */
  parse(raw: unknown): string | number | undefined;
}

const oneOf =
  (...choices: string[]) =>
  (raw: unknown) =>
    typeof raw === 'string' && choices.includes(raw) ? raw : undefined;

const duration = (raw: unknown) => {
  if (typeof raw !== 'string') return undefined;
  try {
    parseDuration(raw, 'value');
    return raw;
  } catch {
    return undefined;
  }
};

const wholeNumber = (raw: unknown) => {
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
};

const timezone = (raw: unknown) => {
  if (typeof raw !== 'string') return undefined;
  if (raw === 'local' || raw === 'UTC') return raw;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
    return raw;
  } catch {
    return undefined;
  }
};

// Parsers of the router settings (issue 3).
const providerList = (raw: unknown) => {
  if (raw === 'auto') return raw;
  const items = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === 'string' ? raw.split(',') : undefined;
  if (!items || items.length === 0) return undefined;
  const ids = items.map((item) => (typeof item === 'string' ? item.trim() : ''));
  return ids.every((id) => PROVIDER_IDS.includes(id)) ? ids.join(',') : undefined;
};

/** `{ BTC-USD: coinbase }` in YAML, or `BTC-USD=coinbase,ETH-USD=binance` from `config set`. */
const overrideMap = (raw: unknown) => {
  if (raw === 'none') return raw;
  const entries =
    typeof raw === 'string'
      ? raw.split(',').map((pair) => pair.split('='))
      : typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? Object.entries(raw)
        : undefined;
  if (!entries || entries.length === 0) return undefined;
  const pairs: string[] = [];
  for (const [symbol, id, ...rest] of entries as unknown[][]) {
    const canonical = typeof symbol === 'string' ? normalizeSymbol(symbol) : undefined;
    if (!canonical || typeof id !== 'string' || !PROVIDER_IDS.includes(id.trim()) || rest.length > 0) return undefined;
    pairs.push(`${canonical}=${id.trim()}`);
  }
  return pairs.join(',');
};

const chainSetting = (name: string, example: string): SettingDefinition => ({
  key: `providers.${name}`,
  description: `providers asked in order for ${name === 'default' ? 'every other symbol, search and market news' : `${name} symbols`}`,
  default: 'auto',
  accepts: `auto or a list of provider ids (such as ${example}) from: ${PROVIDER_IDS.join(', ')}`,
  parse: providerList,
});

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'provider',
    description: 'market data provider used when --provider is not given',
    default: 'auto',
    accepts: `auto (the router over the real providers) or a provider name: ${PROVIDER_IDS.join(', ')}`,
    parse: oneOf('auto', ...PROVIDER_IDS),
  },
  {
    key: 'color',
    description: 'color in tables: auto (only on a terminal), always or never',
    default: 'auto',
    accepts: 'auto, always or never',
    parse: oneOf('auto', 'always', 'never'),
  },
  {
    key: 'timezone',
    description: 'time zone for times shown in tables (JSON and CSV are always UTC)',
    default: 'local',
    accepts: 'local, UTC or an IANA zone such as America/New_York',
    parse: timezone,
  },
  {
    key: 'cache.daily-ttl',
    description: 'how long daily and longer history stays fresh in the cache',
    default: '6h',
    accepts: 'a duration such as 30m, 6h or 1d',
    parse: duration,
  },
  {
    key: 'cache.intraday-ttl',
    description: 'how long intraday history stays fresh in the cache',
    default: '1m',
    accepts: 'a duration such as 30s, 1m or 5m',
    parse: duration,
  },
  {
    key: 'demo.seed',
    description: 'seed of the simulated demo market (same seed, same prices everywhere)',
    default: 20_160_104,
    accepts: 'a whole number from 0 up',
    parse: wholeNumber,
  },
  // Router: provider chains and overrides, and the response cache (issue 3).
  chainSetting('equity', '[yahoo]'),
  chainSetting('crypto', '[binance, coinbase, yahoo]'),
  chainSetting('fx', '[yahoo]'),
  chainSetting('index', '[yahoo]'),
  chainSetting('future', '[yahoo]'),
  chainSetting('default', '[yahoo]'),
  {
    key: 'providers.overrides',
    description: 'per symbol, the provider asked first for it',
    default: 'none',
    accepts: `none or a mapping of symbol to provider id (BTC-USD: coinbase) from: ${PROVIDER_IDS.join(', ')}`,
    parse: overrideMap,
  },
  {
    key: 'cache.quote-ttl',
    description: 'how long a cached quote stays fresh',
    default: '15s',
    accepts: 'a duration such as 5s, 15s or 1m',
    parse: duration,
  },
  {
    key: 'cache.search-ttl',
    description: 'how long cached search results stay fresh',
    default: '1h',
    accepts: 'a duration such as 10m, 1h or 1d',
    parse: duration,
  },
  {
    key: 'cache.news-ttl',
    description: 'how long cached news stays fresh',
    default: '10m',
    accepts: 'a duration such as 5m, 10m or 1h',
    parse: duration,
  },
  // Alerts
  {
    key: 'alerts.notify',
    description: 'where alerts without their own --notify are told, comma-separated',
    default: 'stdout',
    accepts: `comma-separated targets: ${NOTIFY_FORMS}`,
    parse: (raw) =>
      typeof raw === 'string' && splitTargets(raw).length > 0 && splitTargets(raw).every((t) => parseNotifyTarget(t).ok)
        ? raw
        : undefined,
  },
  // Keys (src/secrets/): where `keys set` stores a key when --file is not given.
  {
    key: 'keys.store',
    description:
      'where keys set stores keys: keychain (the OS keychain) or file (keys.json, mode 0600, no keychain needed)',
    default: 'keychain',
    accepts: 'keychain or file',
    parse: oneOf('keychain', 'file'),
  },
  // Dashboard (stockato dash)
  {
    key: 'dash.theme',
    description: 'dashboard colors: dark or light (NO_COLOR and --no-color turn color off)',
    default: 'dark',
    accepts: 'dark or light',
    parse: oneOf('dark', 'light'),
  },
  {
    key: 'dash.refresh',
    description: 'how often the dashboard asks a provider without streaming for new quotes',
    default: '5s',
    accepts: 'a duration of 1s or more, such as 2s, 5s or 1m',
    parse: (raw) => {
      const text = duration(raw);
      return text !== undefined && parseDuration(text, 'value') >= 1000 ? text : undefined;
    },
  },
];

export function findSetting(key: string): SettingDefinition | undefined {
  return SETTINGS.find((setting) => setting.key === key);
}
