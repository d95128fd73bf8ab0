import { spawn } from 'node:child_process';
import type { Firing } from '../store/alert-firing-row.js';
import { firingEnv } from './message.js';

/**
 * Runs a `cmd:` hook through `sh -c` with the firing in STOCKATO_ALERT_* variables. Resolves when
 * it exits 0; rejects when it exits otherwise, cannot start, or outlives `timeoutMs` (then killed).
 * Its output goes to stderr so that the check's stdout stays data only.
 */
export function runCommandHook(
  command: string,
  firing: Firing,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      env: { ...env, ...firingEnv(firing) },
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    child.stdout.pipe(process.stderr, { end: false });
    child.on('error', (error) => reject(new Error(`cmd: cannot run "${command}": ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else if (signal !== null)
        reject(
          new Error(`cmd: "${command}" was stopped (${signal}${signal === 'SIGKILL' ? `, over ${timeoutMs} ms` : ''})`),
        );
      else reject(new Error(`cmd: "${command}" exited with ${code}`));
    });
  });
}
