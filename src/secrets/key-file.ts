import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { SecretsError } from './errors.js';

/** The opt-in plain file of keys, beside config.yaml. Only `keys set --file` (or keys.store: file) creates it. */
export function keyFilePath(configDir: string): string {
  return join(configDir, 'keys.json');
}

/**
 * A JSON object of provider id to key, readable by its owner only. Every read checks the file's
 * mode first and refuses a file that others could read, so a key never leaks through a careless
 * copy. Parse errors are reported without the parser's message, which quotes the file's text.
 */
export class KeyFile {
  constructor(
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  exists(): boolean {
    return statSync(this.path, { throwIfNoEntry: false }) !== undefined;
  }

  /** The keys in the file; empty when there is no file. */
  read(): Record<string, string> {
    const stats = statSync(this.path, { throwIfNoEntry: false });
    if (stats === undefined) return {};
    if (!stats.isFile()) throw new SecretsError('key-file-invalid', `${this.path} is not a regular file`);
    this.#assertPrivate(stats.mode, stats.uid);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      throw this.#invalid('it is not valid JSON');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw this.#invalid('it is not a JSON object');
    const keys: Record<string, string> = {};
    for (const [id, value] of Object.entries(data)) {
      if (typeof value !== 'string') throw this.#invalid(`the entry "${id}" is not a string`);
      keys[id] = value;
    }
    return keys;
  }

  get(id: string): string | undefined {
    return this.read()[id];
  }

  /** Stores `key` for `id`, replacing the file whole (temporary file, then rename) with mode 0600. */
  set(id: string, key: string): void {
    this.#write({ ...this.read(), [id]: key });
  }

  /** Removes `id`; the file goes when its last key does. True when there was a key to remove. */
  remove(id: string): boolean {
    const keys = this.read();
    if (!(id in keys)) return false;
    delete keys[id];
    if (Object.keys(keys).length === 0) rmSync(this.path, { force: true });
    else this.#write(keys);
    return true;
  }

  #write(keys: Record<string, string>): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(keys, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }

  #assertPrivate(mode: number, uid: number): void {
    if (this.platform === 'win32') return; // permissions there are ACLs, not mode bits
    const loose = mode & 0o077;
    if (loose !== 0) {
      throw new SecretsError(
        'key-file-permissions',
        `${this.path} has mode ${(mode & 0o777).toString(8).padStart(4, '0')}: a key file must be readable by its owner only, so it was not read`,
        { hint: `chmod 600 ${this.path}` },
      );
    }
    const ownUid = process.getuid?.();
    if (ownUid !== undefined && uid !== ownUid) {
      throw new SecretsError(
        'key-file-permissions',
        `${this.path} belongs to another user (uid ${uid}), so it was not read`,
        {
          hint: `move it away; stockato keys set --file writes a new one`,
        },
      );
    }
  }

  #invalid(why: string): SecretsError {
    return new SecretsError('key-file-invalid', `${this.path} cannot be read as a key file: ${why}`, {
      hint: 'fix or delete it, then run stockato keys set PROVIDER --file again',
    });
  }
}
