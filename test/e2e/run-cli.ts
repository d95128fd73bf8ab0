import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/stockato.js', import.meta.url));

/** A fixed Wednesday afternoon (regular session) so that demo output is reproducible. */
export const NOW = '2026-03-04T18:00:00Z';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built binary the way a user's shell would, with no color and its own home. */
export function runBin(args: readonly string[], home: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', STOCKATO_HOME: home, STOCKATO_NOW: NOW, ...env },
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
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', STOCKATO_HOME: home, STOCKATO_NOW: NOW },
      timeout: 30_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runBin, without blocking the event loop (for tests that serve HTTP or run two at once). */
export function runBinAsync(args: readonly string[], home: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', STOCKATO_HOME: home, STOCKATO_NOW: NOW, ...env },
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
