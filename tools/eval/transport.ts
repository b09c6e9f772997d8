import type { ActivityJson } from './reply-view';

/** Sends one activity to the bot and returns the activities of its reply. */
export type PostActivity = (activity: ActivityJson) => Promise<ActivityJson[]>;

/**
 * POST /api/messages with deliveryMode expectReplies, as ask.py's post(): anything but a 2xx
 * status or a reply within the timeout throws (the judges fail that case or turn).
 */
export function poster(url: string, timeoutMs = 15_000): PostActivity {
  const endpoint = `${url.replace(/\/+$/, '')}/api/messages`;
  return async (activity) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: unknown) => {
      throw new Error(urlopenError(error));
    });
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`HTTP Error ${response.status}: ${response.statusText}`);
    }
    const body = (await response.text()) || '{}';
    const parsed = JSON.parse(body) as { activities?: ActivityJson[] } | null;
    return (parsed && parsed.activities) || [];
  };
}

/** The error as urllib's urlopen words it, so failed cases give the same reason as in ask.py. */
function urlopenError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED') return '<urlopen error [Errno 111] Connection refused>';
  return `<urlopen error ${cause?.message ?? String(error)}>`;
}
