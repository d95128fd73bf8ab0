import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, empty folder for one test, such as a STOCKATO_HOME or a folder for a database file. */
export interface TempHome {
  /** Absolute path of the folder. */
  readonly dir: string;
  /** Absolute path of `parts` inside the folder. */
  path(...parts: string[]): string;
  /** Deletes the folder and everything in it; safe to call twice. */
  cleanup(): void;
}

/** Creates a folder under the OS temp dir named `stockato-test-XXXXXX`. */
export function createTempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'stockato-test-'));
  return {
    dir,
    path: (...parts) => join(dir, ...parts),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
