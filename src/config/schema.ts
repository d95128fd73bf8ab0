import { parseDuration } from '../duration.js';
import { NOTIFY_FORMS, parseNotifyTarget, splitTargets } from '../notify/targets.js';
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

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'provider',
    description: 'market data provider used when --provider is not given',
    default: 'demo',
    accepts: `a provider name: ${PROVIDER_IDS.join(', ')}`,
    parse: oneOf(...PROVIDER_IDS),
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
