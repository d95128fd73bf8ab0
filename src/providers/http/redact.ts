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
