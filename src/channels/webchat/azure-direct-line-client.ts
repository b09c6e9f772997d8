import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ConversationGrant } from './local-direct-line';

/** Where and how to ask Azure for a Direct Line token. */
export interface AzureTokenOptions {
  /** e.g. https://directline.botframework.com (or a regional endpoint). */
  readonly endpoint: string;
  /** The Direct Line channel's secret. Only ever sent to `endpoint`. */
  readonly secret: string;
  readonly timeoutMs: number;
}

/** A token grant, or why there is none (never Azure's own words, which may quote the request). */
export type AzureTokenResult =
  | { readonly ok: true; readonly grant: ConversationGrant }
  | {
      readonly ok: false;
      readonly reason: 'timeout' | 'unreachable' | 'refused' | 'bad-answer';
      readonly status?: number;
    };

const generated = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/**
 * Exchanges the Direct Line secret for a token bound to one new conversation and a fresh
 * `dl_` user id (Azure's convention for ids the service vouches for), as
 * `POST {endpoint}/v3/directline/tokens/generate` with the secret as Bearer.
 */
export async function generateAzureToken(options: AzureTokenOptions): Promise<AzureTokenResult> {
  let response: globalThis.Response;
  try {
    response = await fetch(`${options.endpoint.replace(/\/+$/, '')}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.secret}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ user: { id: `dl_${randomBytes(12).toString('base64url')}` } }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: timedOut(error) ? 'timeout' : 'unreachable' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, reason: 'refused', status: response.status };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    // The timeout also covers reading the body.
    return { ok: false, reason: timedOut(error) ? 'timeout' : 'bad-answer', status: response.status };
  }
  const parsed = generated.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'bad-answer', status: response.status };
  return { ok: true, grant: parsed.data };
}

function timedOut(error: unknown): boolean {
  // A DOMException, which is not always an `instanceof Error` across realms: go by its name.
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}
