import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(1000) }).passthrough();

/**
 * The least an incoming activity must have for the bot to answer it. Checked before the
 * adapter sees the body, because the adapter answers a malformed activity with a 500.
 */
const activityShape = z
  .object({
    type: z.string().min(1).max(100),
    conversation: account,
    from: account.optional(),
    recipient: account.optional(),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.string().max(2000).optional(),
    deliveryMode: z.string().max(50).optional(),
    text: z.string().optional(),
  })
  .passthrough()
  .refine((activity) => activity.deliveryMode === 'expectReplies' || isHttpUrl(activity.serviceUrl), {
    path: ['serviceUrl'],
    message: 'must be an http(s) URL unless deliveryMode is expectReplies',
  });

function isHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why a request body is not an activity the bot can answer, or undefined when it is. */
export function activityProblem(body: unknown): string | undefined {
  const result = activityShape.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}
