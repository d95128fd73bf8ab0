/** Where a firing is told. `stdout` is the check's own output and needs no delivery. */
export type NotifyTarget =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'desktop' }
  | { readonly kind: 'cmd'; readonly command: string }
  | { readonly kind: 'webhook' | 'slack' | 'discord' | 'ntfy'; readonly url: string };

export const NOTIFY_FORMS =
  'stdout, desktop, cmd:COMMAND, webhook:URL, slack:URL, discord:URL or ntfy:URL (URLs are http or https)';

export type NotifyTargetResult = { ok: true; target: NotifyTarget } | { ok: false; message: string };

const URL_KINDS = ['webhook', 'slack', 'discord', 'ntfy'] as const;

/** Parses one target as written in `--notify` or `alerts.notify`. Never throws. */
export function parseNotifyTarget(text: string): NotifyTargetResult {
  const trimmed = text.trim();
  if (trimmed === 'stdout' || trimmed === 'desktop') return { ok: true, target: { kind: trimmed } };
  const colon = trimmed.indexOf(':');
  const kind = colon > 0 ? trimmed.slice(0, colon) : trimmed;
  const rest = colon > 0 ? trimmed.slice(colon + 1).trim() : '';
  if (kind === 'cmd') {
    if (rest === '')
      return { ok: false, message: `"${text}" names no command: write cmd:COMMAND, e.g. cmd:~/bin/on-alert.sh` };
    return { ok: true, target: { kind: 'cmd', command: rest } };
  }
  if ((URL_KINDS as readonly string[]).includes(kind)) {
    if (!isHttpUrl(rest)) {
      return {
        ok: false,
        message: `"${rest}" in ${kind}: is not an http or https URL (e.g. ${kind}:https://example.com/hook)`,
      };
    }
    return { ok: true, target: { kind: kind as (typeof URL_KINDS)[number], url: rest } };
  }
  return { ok: false, message: `"${text}" is not a notification target; use ${NOTIFY_FORMS}` };
}

/** Splits a comma-separated list (`stdout,desktop`); a URL's own commas are kept only in cmd targets at the end. */
export function splitTargets(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The canonical text of a target, as stored in the outbox. */
export function formatNotifyTarget(target: NotifyTarget): string {
  if (target.kind === 'stdout' || target.kind === 'desktop') return target.kind;
  return target.kind === 'cmd' ? `cmd:${target.command}` : `${target.kind}:${target.url}`;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
