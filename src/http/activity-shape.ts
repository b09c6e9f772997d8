import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting accepted in `value` and `channelData`; cards submit a few levels at most. */
export const MAX_JSON_DEPTH = 32;

/**
 * An id or name the adapter and the Bot Connector client can carry: a well-formed string with
 * no control characters (a conversation id travels in an HTTP header, an activity id in a URL).
 */
const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      (text) => !LONE_SURROGATE.test(text) && !/[\u0000-\u001f\u007f]/.test(text),
      'must be text without control characters',
    );

const account = z
  .object({
    id: safeText(1000).pipe(z.string().min(1)),
    name: safeText(1000).optional(),
    aadObjectId: safeText(200).optional(),
    role: safeText(50).optional(),
  })
  .passthrough();

const entity = z.object({ type: safeText(200) }).passthrough();

/**
 * The least an incoming activity must have for the bot to answer it, and the right types for
 * what it reads. Checked before the adapter sees the body, because the adapter (and the reply
 * that follows) answers a malformed activity with a 500 or an error after the fact.
 */
const activityShape = z
  .object({
    type: safeText(100).pipe(z.string().min(1)),
    id: safeText(1000).optional(),
    conversation: account.extend({ tenantId: safeText(200).optional() }),
    from: account,
    recipient: account.optional(),
    channelId: safeText(100).pipe(z.string().min(1)),
    serviceUrl: z.string().max(2000).optional(),
    deliveryMode: z.string().max(50).optional(),
    locale: safeText(50).optional(),
    localTimezone: safeText(100).optional(),
    text: z.string().optional(),
    name: safeText(200).optional(),
    entities: z.array(entity).max(50).optional(),
    membersAdded: z.array(account).max(100).optional(),
    membersRemoved: z.array(account).max(100).optional(),
    value: z.unknown().optional(),
    channelData: z.unknown().optional(),
  })
  .passthrough()
  .refine((activity) => activity.deliveryMode === 'expectReplies' || isHttpUrl(activity.serviceUrl), {
    path: ['serviceUrl'],
    message: 'must be an http(s) URL unless deliveryMode is expectReplies',
  })
  .refine(
    (activity) => jsonDepth(activity.value) <= MAX_JSON_DEPTH && jsonDepth(activity.channelData) <= MAX_JSON_DEPTH,
    {
      path: ['value'],
      message: `nests deeper than ${MAX_JSON_DEPTH} levels`,
    },
  );

function isHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * How deeply a JSON value nests (0 for a scalar). Stops counting once past `limit` and returns
 * limit + 1, so compare the result with a bound below `limit`.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH + 1): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Why a request body is not an activity the bot can answer, or undefined when it is. */
export function activityProblem(body: unknown): string | undefined {
  // Anywhere in the body, not only in the fields the bot reads: the SDK copies and serializes
  // the whole activity, and a deep enough one overflows its stack.
  if (jsonDepth(body, MAX_JSON_DEPTH + 2) > MAX_JSON_DEPTH + 1)
    return `body: nests deeper than ${MAX_JSON_DEPTH} levels`;
  const result = activityShape.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}
