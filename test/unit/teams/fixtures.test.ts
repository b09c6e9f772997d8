import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { teamsGetChannelId, teamsGetTeamInfo, teamsGetTenant, TurnContext, type Activity } from 'botbuilder';
import { removeBotMention } from '../../../src/channels/teams/mentions';
import { isTenantAllowed, tenantOf } from '../../../src/channels/teams/tenant-allowlist';
import { parseChoiceValue } from '../../../src/reply/choice-value';

const DIR = 'test/fixtures/teams';
const ALLOWED_TENANT = '72f988bf-0000-0000-0000-000000000001';

function fixture(name: string): Activity {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Activity;
}

describe('Teams fixtures', () => {
  it.each<[string, string]>([
    ['channel-message-mention.json', 'how long does the mailed code take?'],
    ['channel-message-helpdesk.json', 'is the help desk open now?'],
    ['group-chat.json', 'what does Priya Raman need to have ready to re-register?'],
    ['personal-chat.json', 'what do I need to verify my identity?'],
    ['foreign-tenant.json', 'how do I start re-registering for e-Services?'],
    ['card-submit.json', 'No'],
  ])('%s reads as "%s" once the bot mention is removed', (file, expected) => {
    const activity = fixture(file);
    expect(removeBotMention(activity.text, activity.entities, activity.recipient.id)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['channel-message-mention.json', true],
    ['channel-message-helpdesk.json', true],
    ['group-chat.json', true],
    ['personal-chat.json', true],
    ['card-submit.json', true],
    ['foreign-tenant.json', false],
  ])('%s comes from an allowed tenant: %s', (file, allowed) => {
    expect(isTenantAllowed(tenantOf(fixture(file)), [ALLOWED_TENANT])).toBe(allowed);
  });

  it("card-submit's value is read as the flow answer the card's button stands for", () => {
    // What a Teams Action.Submit (messageBack) posts: the button's data as value, its label as text.
    const activity = fixture('card-submit.json');
    expect(parseChoiceValue(activity.value)).toEqual({
      action: 'flow-answer',
      flowId: 'cant-complete-registration',
      nodeId: 'previously-registered',
      choiceId: 'no',
    });
    // With Teams' own fields beside the data, as some clients add them, it reads the same.
    expect(parseChoiceValue({ ...(activity.value as object), msteams: { type: 'messageBack' } })).toEqual(
      parseChoiceValue(activity.value),
    );
  });

  it("reads the same way through botbuilder's own Teams helpers", () => {
    const channel = fixture('channel-message-mention.json');
    expect(teamsGetChannelId(channel)).toBe('19:7c2d5e8f1a3b4c6d9e0f2a4b6c8d0e1f@thread.tacv2');
    expect(teamsGetTeamInfo(channel)).toEqual({ id: '19:4b3f1e2a0c9d4e8f9a7b6c5d4e3f2a1b@thread.tacv2' });
    expect(teamsGetTenant(channel)).toEqual({ id: ALLOWED_TENANT });
    expect(TurnContext.removeRecipientMention(channel)?.trim()).toBe('how long does the mailed code take?');
    expect(teamsGetChannelId(fixture('group-chat.json'))).toBeNull();
  });
});
