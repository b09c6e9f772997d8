import { isPlainObject, type Json, type MutableActivity } from './arbitraries';

/*
 * Whether the server should take an activity, written out independently of the server's own
 * shape check, so the properties know which answer (2xx or 4xx) to expect.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What the adapter and the reply need of the envelope, written out independently of the
 * server's shape check: ids and names are strings without control characters or lone
 * surrogates, lists are lists of objects (accounts with a string id, entities with a string
 * type), and value and channelData nest at most 32 levels.
 */
export function envelopeIsCarriable(activity: MutableActivity): boolean {
  const text = (value: Json, max: number) =>
    typeof value === 'string' &&
    value.length <= max &&
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    !/[\u0000-\u001f\u007f]/.test(value) &&
    !new RegExp(LONE_SURROGATE.source).test(value);
  const optionalText = (value: Json, max: number) => value === undefined || text(value, max);
  const accountOk = (value: Json, required: boolean) => {
    if (value === undefined) return !required;
    if (!isPlainObject(value)) return false;
    return (
      text(value.id, 1000) &&
      (value.id as string).length > 0 &&
      optionalText(value.name, 1000) &&
      optionalText(value.aadObjectId, 200) &&
      optionalText(value.role, 50)
    );
  };
  const list = (value: Json, max: number, each: (item: Json) => boolean) =>
    value === undefined || (Array.isArray(value) && value.length <= max && value.every(each));
  const conversation = activity.conversation;
  return (
    text(activity.type, 100) &&
    text(activity.channelId, 100) &&
    accountOk(conversation, true) &&
    (!isPlainObject(conversation) || optionalText(conversation.tenantId, 200)) &&
    accountOk(activity.from, true) &&
    accountOk(activity.recipient, false) &&
    optionalText(activity.id, 1000) &&
    optionalText(activity.locale, 50) &&
    optionalText(activity.localTimezone, 100) &&
    optionalText(activity.name, 200) &&
    (activity.text === undefined || typeof activity.text === 'string') &&
    list(activity.entities, 50, (entity) => isPlainObject(entity) && text(entity.type, 200)) &&
    list(activity.membersAdded, 100, (member) => accountOk(member, true)) &&
    list(activity.membersRemoved, 100, (member) => accountOk(member, true)) &&
    depthOf(activity.value) <= 32 &&
    depthOf(activity.channelData) <= 32
  );
}

export function parsedOrUndefined(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** How deeply a JSON value nests (0 for a scalar), counted without recursion. */
export function depthOf(value: Json): number {
  let deepest = 0;
  const stack: Array<[Json, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > 64) return deepest;
    for (const child of Object.values(node as object)) stack.push([child as Json, depth + 1]);
  }
  return deepest;
}

export function serviceUrlIsValid(activity: MutableActivity): boolean {
  const { serviceUrl, deliveryMode } = activity;
  if (serviceUrl !== undefined && (typeof serviceUrl !== 'string' || serviceUrl.length > 2000)) return false;
  if (deliveryMode === 'expectReplies') return true;
  return typeof serviceUrl === 'string' && /^https?:\/\//i.test(serviceUrl);
}

/** A serviceUrl the bot could reply to is always the local sink; anything else is left as is. */
export function loopbackOnly(serviceUrl: Json, sinkUrl: string): Json {
  if (typeof serviceUrl !== 'string') return serviceUrl;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return serviceUrl;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return serviceUrl;
  return serviceUrl === sinkUrl ? serviceUrl : sinkUrl;
}
