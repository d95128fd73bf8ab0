import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './errors.js';

/** Where Stockato keeps its files. Only this module knows about home, XDG and STOCKATO_HOME. */
export interface Paths {
  readonly configDir: string;
  readonly dataDir: string;
  readonly cacheDir: string;
  readonly configFile: string;
  readonly databaseFile: string;
  /** Which rule chose the folders, for `config path` and `doctor`. */
  readonly source: 'STOCKATO_HOME' | 'XDG';
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Resolves the folders from the environment. `STOCKATO_HOME` puts everything under one folder
 * (config, database and cache); otherwise the XDG base directories apply, with their defaults
 * under the home folder. Nothing is created here: writers create folders when they first write.
 */
export function resolvePaths(env: Env, home: string = homedir()): Paths {
  const stockatoHome = env['STOCKATO_HOME'];
  if (stockatoHome !== undefined && stockatoHome !== '') {
    assertNotAFile(stockatoHome);
    return layout(stockatoHome, stockatoHome, join(stockatoHome, 'cache'), 'STOCKATO_HOME');
  }
  const xdg = (name: string, fallback: string) => {
    const value = env[name];
    // The XDG spec says relative paths are invalid and must be ignored.
    return value !== undefined && value.startsWith('/') ? value : join(home, fallback);
  };
  return layout(
    join(xdg('XDG_CONFIG_HOME', '.config'), 'stockato'),
    join(xdg('XDG_DATA_HOME', '.local/share'), 'stockato'),
    join(xdg('XDG_CACHE_HOME', '.cache'), 'stockato'),
    'XDG',
  );
}

function layout(configDir: string, dataDir: string, cacheDir: string, source: Paths['source']): Paths {
  return {
    configDir,
    dataDir,
    cacheDir,
    configFile: join(configDir, 'config.yaml'),
    databaseFile: join(dataDir, 'stockato.db'),
    source,
  };
}

function assertNotAFile(dir: string): void {
  const stats = statSync(dir, { throwIfNoEntry: false });
  // A missing folder is fine: it is created on first write.
  if (stats !== undefined && !stats.isDirectory()) {
    throw new ConfigError(`STOCKATO_HOME is "${dir}", which is a file, not a folder`, {
      hint: 'point STOCKATO_HOME at a folder (it is created if missing) or unset it',
    });
  }
}
