/** The parts of an incoming activity that name its Microsoft Entra tenant. */
export interface TenantCarrier {
  channelData?: unknown;
  conversation?: { tenantId?: string };
}

/**
 * Whether a tenant may use the bot. An empty allowlist admits every tenant; otherwise the tenant
 * must be on it (GUIDs compared case-insensitively), and an activity with no tenant is refused,
 * because the allowlist is only worth anything if unknown callers cannot slip past it.
 */
export function isTenantAllowed(tenantId: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const tenant = tenantId?.trim().toLowerCase();
  if (!tenant) return false;
  return allowed.some((entry) => entry.trim().toLowerCase() === tenant);
}

/**
 * The tenant a Teams activity came from: `channelData.tenant.id`, which Teams always sends,
 * else `conversation.tenantId`.
 */
export function tenantOf(activity: TenantCarrier): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | null | undefined;
  const fromChannelData = channelData?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData.trim() !== '') return fromChannelData.trim();
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation.trim() !== '') return fromConversation.trim();
  return undefined;
}
