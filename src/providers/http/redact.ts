/**
 * URLs end up in error messages, `--debug` output and logs, and a query string may carry an API
 * key, a token or a session crumb. Everything that prints a URL goes through these helpers.
 */

// Parameter names are compared lower-cased with `-` and `_` removed, so `api_key`, `apiKey` and
// `API-KEY` all match. Over-matching (`keyword`) only hides a harmless value; under-matching leaks.
const SECRET_NAME_PARTS = ['key', 'token', 'secret', 'password', 'passwd', 'signature', 'crumb', 'auth', 'session'];
const SECRET_NAMES = new Set(['sig', 'code', 'jwt']);

export const REDACTED = '***';

/** True when a query parameter with this name could hold a credential. */
export function isSecretParam(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES.has(normalized) || SECRET_NAME_PARTS.some((part) => normalized.includes(part));
}

/**
 * The URL with the values of secret-looking query parameters and any user:password replaced by
 * `***`. Text that is not an absolute URL is returned without its query string.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return String(url).split('?')[0] ?? '';
  }
  if (parsed.username) parsed.username = REDACTED;
  if (parsed.password) parsed.password = REDACTED;
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSecretParam(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

/** Host and path only (`query2.finance.yahoo.com/v7/finance/quote`): what error messages name. */
export function describeUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return redactUrl(url);
  }
}

/**
 * `text` with every occurrence of each secret replaced by `***`. A server may echo a key back
 * (Alpha Vantage: "We have detected your API key as ..."), so bodies quoted in messages pass
 * through here too. Secrets shorter than 4 characters are ignored: replacing them would garble
 * the message without protecting anything a guess would not find.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && encoded.length >= 4) result = result.split(encoded).join(REDACTED);
  }
  return result;
}

/**
 * Removes the secrets from an error before it leaves a keyed provider: its message, stack, hint,
 * a quoted body and its chain of causes (printed by `--debug`). The error keeps its class and
 * fields, so `instanceof` and `code` still work. Anything that is not an Error is returned as is
 * (an abort reason belongs to the caller).
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  scrub(error, secrets, 0);
  return error;
}

function scrub(value: unknown, secrets: readonly string[], depth: number): void {
  if (!(value instanceof Error) || depth > 5) return;
  const fields = value as unknown as Record<string, unknown>;
  for (const name of ['message', 'stack', 'hint', 'body']) {
    const text = fields[name];
    if (typeof text === 'string') {
      const clean = redactSecrets(text, secrets);
      if (clean !== text) Object.defineProperty(value, name, { value: clean, writable: true, configurable: true });
    }
  }
  if (typeof value.cause === 'string') {
    Object.defineProperty(value, 'cause', { value: redactSecrets(value.cause, secrets), configurable: true });
  } else {
    scrub(value.cause, secrets, depth + 1);
  }
}
