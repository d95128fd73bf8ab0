import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/stockato.js', import.meta.url));

/** A fixed Wednesday afternoon (regular session) so that demo output is reproducible. */
export const NOW = '2026-03-04T18:00:00Z';

/**
 * Every real provider pointed at a port where nothing listens, so that a run which forgets
 * --demo fails at once instead of reaching the internet. Tests of the real path override these.
 */
export const OFFLINE_ENDPOINTS: Readonly<Record<string, string>> = {
  STOCKATO_YAHOO_BASE_URL: 'http://127.0.0.1:9',
  STOCKATO_YAHOO_COOKIE_URL: 'http://127.0.0.1:9',
  STOCKATO_BINANCE_BASE_URL: 'http://127.0.0.1:9',
  STOCKATO_COINBASE_BASE_URL: 'http://127.0.0.1:9',
  STOCKATO_COINGECKO_BASE_URL: 'http://127.0.0.1:9',
};

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built binary the way a user's shell would, with no color and its own home. */
export function runBin(args: readonly string[], home: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '',
      NO_COLOR: '1',
      STOCKATO_HOME: home,
      STOCKATO_NOW: NOW,
      ...OFFLINE_ENDPOINTS,
      ...env,
    },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a shell pipeline with the binary as `stockato`. */
export function runShell(script: string, home: string): CliRun {
  const result = spawnSync(
    'bash',
    ['--norc', '--noprofile', '-c', `set -o pipefail; stockato() { "${process.execPath}" "${BIN}" "$@"; }; ${script}`],
    {
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '',
        NO_COLOR: '1',
        STOCKATO_HOME: home,
        STOCKATO_NOW: NOW,
        ...OFFLINE_ENDPOINTS,
      },
      timeout: 30_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Like runBin, without blocking this process: for runs against a replay server that lives in the
 * test process (spawnSync would stop it from answering).
 */
export function runBinAsync(args: readonly string[], home: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NO_COLOR: '1',
        STOCKATO_HOME: home,
        STOCKATO_NOW: NOW,
        ...OFFLINE_ENDPOINTS,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
