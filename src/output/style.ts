/** ANSI styling that turns into plain text when color is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function createStyle(enabled: boolean): Style {
  return enabled
    ? {
        enabled,
        bold: wrap(1, 22),
        dim: wrap(2, 22),
        green: wrap(32, 39),
        red: wrap(31, 39),
        yellow: wrap(33, 39),
        cyan: wrap(36, 39),
      }
    : { enabled, bold: plain, dim: plain, green: plain, red: plain, yellow: plain, cyan: plain };
}

export interface ColorInputs {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** False when --no-color was given. */
  readonly colorFlag: boolean;
  readonly setting: 'auto' | 'always' | 'never';
}

/**
 * Color only on a terminal, and never with --no-color, NO_COLOR (any non-empty value, per
 * no-color.org) or TERM=dumb. `color: always` in the config forces it on a pipe, but the explicit
 * opt-outs still win.
 */
export function shouldUseColor({ isTTY, env, colorFlag, setting }: ColorInputs): boolean {
  if (!colorFlag || setting === 'never') return false;
  if ((env['NO_COLOR'] ?? '') !== '' || env['TERM'] === 'dumb') return false;
  return setting === 'always' || isTTY;
}

/** Visible width of text that may hold ANSI escapes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
