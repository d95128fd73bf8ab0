import { describe, expect, it } from 'vitest';
import { shouldUseColor } from '../../src/output/style.js';
import { chooseTheme } from '../../src/tui/theme.js';

describe('dashboard themes', () => {
  it('dash.theme picks dark or light', () => {
    expect(chooseTheme('dark', true).name).toBe('dark');
    expect(chooseTheme('light', true).name).toBe('light');
    expect(chooseTheme('light', true).up).not.toBe(chooseTheme('dark', true).up);
  });

  it('with color off (NO_COLOR) every tone is uncolored, whatever dash.theme says', () => {
    const enabled = shouldUseColor({ isTTY: true, env: { NO_COLOR: '1' }, colorFlag: true, setting: 'auto' });
    const theme = chooseTheme('light', enabled);
    expect(theme.color).toBe(false);
    expect(theme.up).toBeUndefined();
    expect(Object.keys(theme.tones)).toEqual([]);
  });
});
