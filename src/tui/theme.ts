import type { Tone } from './chart/cells.js';

export const THEME_NAMES = ['dark', 'light'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** Colors by meaning. Under NO_COLOR every color is undefined and emphasis is bold/inverse only. */
export interface Theme {
  readonly name: ThemeName | 'mono';
  readonly color: boolean;
  readonly up?: string;
  readonly down?: string;
  readonly accent?: string;
  readonly muted?: string;
  readonly border?: string;
  readonly focusBorder?: string;
  readonly warning?: string;
  readonly badge?: { readonly fg: string; readonly bg: string };
  readonly tones: Partial<Record<Tone, string>>;
}

const DARK: Theme = {
  name: 'dark',
  color: true,
  up: 'greenBright',
  down: 'redBright',
  accent: 'cyanBright',
  muted: 'gray',
  border: 'gray',
  focusBorder: 'cyanBright',
  warning: 'yellowBright',
  badge: { fg: 'black', bg: 'yellowBright' },
  tones: {
    up: 'greenBright',
    down: 'redBright',
    line: 'cyanBright',
    overlay1: 'yellowBright',
    overlay2: 'magentaBright',
    overlay3: 'blueBright',
    axis: 'gray',
    muted: 'gray',
  },
};

const LIGHT: Theme = {
  name: 'light',
  color: true,
  up: 'green',
  down: 'red',
  accent: 'blue',
  muted: 'gray',
  border: 'gray',
  focusBorder: 'blue',
  warning: 'magenta',
  badge: { fg: 'white', bg: 'magenta' },
  tones: {
    up: 'green',
    down: 'red',
    line: 'blue',
    overlay1: 'magenta',
    overlay2: 'cyan',
    overlay3: 'yellow',
    axis: 'gray',
    muted: 'gray',
  },
};

const MONO: Theme = { name: 'mono', color: false, tones: {} };

/** The theme to use: `dash.theme` unless color is off (NO_COLOR, --no-color, TERM=dumb, color: never). */
export function chooseTheme(name: ThemeName, colorEnabled: boolean): Theme {
  if (!colorEnabled) return MONO;
  return name === 'light' ? LIGHT : DARK;
}
