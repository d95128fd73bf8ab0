import { request } from 'undici';
import type { Firing } from '../store/alert-firing-row.js';
import { firingLine, firingRecord } from './message.js';

export type WebhookKind = 'webhook' | 'slack' | 'discord' | 'ntfy';

/** The body and headers each service expects. */
export function webhookRequest(kind: WebhookKind, firing: Firing): { body: string; headers: Record<string, string> } {
  const line = firingLine(firing);
  switch (kind) {
    case 'slack':
      return json({ text: line });
    case 'discord':
      return json({ content: line });
    case 'ntfy':
      return {
        body: line,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          title: `Stockato alert: ${firing.symbol}`,
          tags: 'chart_with_upwards_trend',
        },
      };
    case 'webhook':
      return json({ type: 'alert.fired', alert: firingRecord(firing) });
  }
}

function json(value: unknown) {
  return { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

/**
 * POSTs a firing to a webhook. Resolves on a 2xx answer; rejects with a message naming the host
 * and status otherwise, or on timeout (`timeoutMs` for the whole request).
 */
export async function postWebhook(kind: WebhookKind, url: string, firing: Firing, timeoutMs: number): Promise<void> {
  const { body, headers } = webhookRequest(kind, firing);
  const host = new URL(url).host;
  let status: number;
  try {
    const response = await request(url, {
      method: 'POST',
      body,
      headers: { 'user-agent': 'stockato-alerts', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    status = response.statusCode;
    await response.body.dump();
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
    throw new Error(`${kind} ${host}: ${reason}`, { cause: error });
  }
  if (status < 200 || status >= 300) throw new Error(`${kind} ${host} answered HTTP ${status}`);
}
