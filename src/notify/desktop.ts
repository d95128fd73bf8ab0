import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Firing } from '../store/alert-firing-row.js';
import { firingLine } from './message.js';

/** The system's notifier: notify-send on Linux, osascript on macOS; undefined when there is none. */
export function findDesktopNotifier(platform: string, path: string | undefined): string | undefined {
  const program = platform === 'darwin' ? 'osascript' : platform === 'linux' ? 'notify-send' : undefined;
  if (program === undefined) return undefined;
  for (const folder of (path ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Shows the firing as a desktop notification with `notifier` (from findDesktopNotifier). */
export function showDesktopNotification(notifier: string, firing: Firing, timeoutMs: number): Promise<void> {
  const title = `Stockato: ${firing.symbol}`;
  const body = firingLine(firing);
  const args = notifier.endsWith('osascript')
    ? ['-e', `display notification ${appleString(body)} with title ${appleString(title)}`]
    : ['--app-name=stockato', title, body];
  return new Promise((resolve, reject) => {
    execFile(notifier, args, { timeout: timeoutMs }, (error) => {
      if (error) reject(new Error(`desktop: ${notifier} failed: ${error.message}`));
      else resolve();
    });
  });
}

function appleString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
