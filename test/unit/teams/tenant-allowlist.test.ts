import { isTenantAllowed, tenantOf } from '../../../src/channels/teams/tenant-allowlist';

const OURS = '72f988bf-0000-0000-0000-000000000001';
const OTHER = '9b1f3c2e-0000-0000-0000-0000000000ff';

describe('isTenantAllowed', () => {
  it.each<[string, string | undefined, string[], boolean]>([
    ['empty list admits any tenant', OTHER, [], true],
    ['empty list admits an activity without a tenant', undefined, [], true],
    ['listed tenant', OURS, [OURS], true],
    ['listed tenant among several', OURS, [OTHER, OURS], true],
    ['tenant id in upper case', OURS.toUpperCase(), [OURS], true],
    ['list entry in upper case', OURS, [OURS.toUpperCase()], true],
    ['surrounding spaces', ` ${OURS} `, [`${OURS} `], true],
    ['unlisted tenant', OTHER, [OURS], false],
    ['no tenant while a list is set', undefined, [OURS], false],
    ['empty tenant while a list is set', '', [OURS], false],
    ['a prefix of a listed tenant', OURS.slice(0, 8), [OURS], false],
  ])('%s', (_name, tenant, allowed, expected) => {
    expect(isTenantAllowed(tenant, allowed)).toBe(expected);
  });
});

describe('tenantOf', () => {
  it.each<[string, Parameters<typeof tenantOf>[0], string | undefined]>([
    ['channelData.tenant.id', { channelData: { tenant: { id: OURS } } }, OURS],
    ['conversation.tenantId', { conversation: { tenantId: OURS } }, OURS],
    [
      'channelData wins over conversation',
      { channelData: { tenant: { id: OURS } }, conversation: { tenantId: OTHER } },
      OURS,
    ],
    [
      'blank channelData tenant falls back',
      { channelData: { tenant: { id: ' ' } }, conversation: { tenantId: OTHER } },
      OTHER,
    ],
    ['channelData without a tenant', { channelData: { source: { name: 'message' } } }, undefined],
    ['non-object channelData', { channelData: 'text' }, undefined],
    ['nothing', {}, undefined],
  ])('%s', (_name, activity, expected) => {
    expect(tenantOf(activity)).toBe(expected);
  });
});
