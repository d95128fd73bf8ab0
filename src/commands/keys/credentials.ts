import type { CommandContext } from '../../context.js';
import { openCredentials, type CredentialStore } from '../../secrets/index.js';

/**
 * The credential store of this command run.
 * TODO(lead): replace with `ctx.credentials()` once CommandContext has it (it should build the
 * store with exactly these arguments, once per process).
 */
export function credentialsOf(ctx: CommandContext): CredentialStore {
  return openCredentials({
    env: ctx.deps.env,
    configDir: ctx.paths().configDir,
    warn: (message) => ctx.warn(message),
  });
}
