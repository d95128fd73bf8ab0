import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { Keychain } from '../../src/secrets/keychain.js';

/**
 * Keychain tests need a real Secret Service: CI runs them inside `dbus-run-session` with an
 * unlocked gnome-keyring (see .ci/run). Locally they are skipped when none answers; in CI
 * (CI set) a missing one is a failure, so they can never be skipped silently there.
 */
export const secretService = await new Keychain({ env: process.env, timeoutMs: 5000 }).status();

const reason = secretService.available ? '' : secretService.reason;

/** `describe` when a Secret Service answers; otherwise a skip (locally) or a failing test (in CI). */
export function describeWithSecretService(name: string, body: () => void): void {
  if (secretService.available) {
    describe(name, body);
  } else if (process.env['CI']) {
    describe(name, () => {
      it('needs a Secret Service (CI runs the tests inside dbus-run-session with gnome-keyring)', () => {
        throw new Error(`no Secret Service in CI: ${reason}`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${reason})`, body);
  }
}

/** A keychain service name of this test run only, so tests never touch a user's real keys. */
export function testService(): string {
  return `stockato-test-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** What libsecret's own tool finds for an entry (an independent reader of the same store). */
export function secretToolLookup(service: string, account: string): string | undefined {
  const result = spawnSync('secret-tool', ['lookup', 'service', service, 'username', account], { encoding: 'utf8' });
  if (result.error) throw new Error('secret-tool is not installed (apt-get install libsecret-tools)');
  return result.status === 0 ? result.stdout : undefined;
}
