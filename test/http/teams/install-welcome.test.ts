import { MemoryStorage, type Activity, type ChannelAccount } from 'botbuilder';
import { DateTime } from 'luxon';
import { startChannelTokenIssuer, TEST_APP, type ChannelTokenIssuer } from '../../support/channel-tokens';
import { replyText, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';

/**
 * Installing the bot in Teams, as Teams tells it (installationUpdate, then conversationUpdate),
 * through the real adapter with channel tokens signed by a loopback token service: one welcome
 * to a team's channel or a group chat, none when people join them, one in a one-to-one chat.
 */

const TENANT = TEST_APP.MicrosoftAppTenantId;
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const BOT: ChannelAccount = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'SupportBot' };
const INSTALLER: ChannelAccount = { id: '29:1installer-dana', name: 'Dana Whitfield', aadObjectId: '6b9e3a1c-0011' };
const COLLEAGUE: ChannelAccount = { id: '29:1colleague-priya', name: 'Priya Raman', aadObjectId: '6b9e3a1c-0012' };
/** A user the bot remembers asking for a mailed activation code (seeded in storage below). */
const WAITING_USER: ChannelAccount = { id: '29:1waiting-sam', name: 'Sam Ortiz', aadObjectId: '6b9e3a1c-0013' };

let bot: LocalBot;
let issuer: ChannelTokenIssuer;
let seq = 0;

beforeAll(async () => {
  issuer = await startChannelTokenIssuer();
  const storage = new MemoryStorage();
  await storage.write({
    // UserState keys are <channel>/users/<user id>/<namespace>, the namespace empty.
    [`msteams/users/${WAITING_USER.id}/`]: { userProfile: { mailedCodeRequestedOn: '2025-01-08' }, eTag: '*' },
  });
  bot = await startBot({
    variables: { ...TEST_APP, ALLOWED_TENANTS: TENANT, ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl },
    clock: () => DateTime.fromISO('2025-01-14T17:50:00Z'),
    storage,
  });
});
afterAll(async () => {
  await bot?.stop();
  await issuer?.stop();
});

/** The welcome's opening words, as content says them. */
const welcomeOpening = () => bot.content.texts.welcome.split(/\s+/).slice(0, 8).join(' ');
/** How many times the welcome is in these replies. */
const welcomes = (replies: ReadonlyArray<Partial<Activity>>) => replyText(replies).split(welcomeOpening()).length - 1;
/** The fixed part of a mailed-code reminder, before its first placeholder. */
const reminderOpenings = () =>
  [bot.content.texts.mailReminderPending, bot.content.texts.mailReminderOverdue].map((text) => text.split('{')[0]);

const send = (activity: Partial<Activity>) =>
  bot.send(activity, { authorization: issuer.authorization(activity.serviceUrl ?? '') });

interface Place {
  readonly conversation: NonNullable<Partial<Activity>['conversation']>;
  readonly channelData: Record<string, unknown>;
}

/** A new team: its General channel's id is the team's id, as in Teams. */
function newTeam(): Place & { readonly general: string } {
  seq += 1;
  const general = `19:team${seq}general${Date.now()}@thread.tacv2`;
  const team = { id: general, name: `Tax Practice ${seq}`, aadGroupId: `00000000-0000-0000-0000-${seq}` };
  return {
    general,
    conversation: { id: general, isGroup: true, conversationType: 'channel', tenantId: TENANT, name: '' },
    channelData: { team, tenant: { id: TENANT }, settings: { selectedChannel: { id: general } } },
  };
}

function newGroupChat(): Place {
  seq += 1;
  return {
    conversation: {
      id: `19:group${seq}x${Date.now()}@thread.v2`,
      isGroup: true,
      conversationType: 'groupChat',
      tenantId: TENANT,
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
  };
}

function newPersonalChat(): Place {
  seq += 1;
  return {
    conversation: {
      id: `a:personal${seq}x${Date.now()}`,
      isGroup: false,
      conversationType: 'personal',
      tenantId: TENANT,
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
  };
}

function activity(place: Place, from: ChannelAccount, extra: Partial<Activity>): Partial<Activity> {
  seq += 1;
  return {
    id: `f:install-${seq}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    timestamp: new Date('2025-01-14T17:50:00Z'),
    from,
    recipient: BOT,
    conversation: place.conversation as Activity['conversation'],
    channelData: place.channelData,
    entities: [{ type: 'clientInfo', locale: 'en-US', platform: 'Web' }],
    locale: 'en-US',
    ...extra,
  };
}

const installed = (place: Place, action = 'add', from = INSTALLER) =>
  send(activity(place, from, { type: 'installationUpdate', action }));

/** Teams names added members by id (and AAD id for people), without a display name. */
type Member = Pick<ChannelAccount, 'id'> & Partial<ChannelAccount>;

const membersAdded = (place: Place, members: Member[], from = INSTALLER) =>
  send(
    activity(place, from, {
      type: 'conversationUpdate',
      membersAdded: members as ChannelAccount[],
      channelData: { ...place.channelData, ...(place.channelData.team ? { eventType: 'teamMemberAdded' } : {}) },
    }),
  );

describe('installing the bot in Teams', () => {
  it('in a team: one welcome, posted in the General channel, for both of Teams\u2019 install events', async () => {
    const team = newTeam();
    const first = await installed(team);
    const second = await membersAdded(team, [{ id: BOT.id }]);
    expect(welcomes([...first, ...second])).toBe(1);
    for (const reply of [...first, ...second]) expect(reply.conversation?.id).toBe(team.general);
  });

  it('in a team, conversationUpdate alone (no installationUpdate) still welcomes once', async () => {
    const team = newTeam();
    expect(welcomes(await membersAdded(team, [{ id: BOT.id }]))).toBe(1);
    expect(await membersAdded(team, [{ id: BOT.id }])).toEqual([]);
  });

  it('a person added to a team gets no welcome, in the channel or anywhere', async () => {
    const team = newTeam();
    expect(welcomes(await installed(team))).toBe(1);
    expect(await membersAdded(team, [COLLEAGUE])).toEqual([]);
    // Nor in a team where the bot has said nothing yet.
    expect(await membersAdded(newTeam(), [COLLEAGUE])).toEqual([]);
  });

  it('in a group chat: one welcome; people joining it later get none', async () => {
    const chat = newGroupChat();
    const first = await installed(chat);
    const second = await membersAdded(chat, [{ id: BOT.id }]);
    expect(welcomes([...first, ...second])).toBe(1);
    for (const reply of [...first, ...second]) expect(reply.conversation?.id).toBe(chat.conversation.id);
    expect(await membersAdded(chat, [COLLEAGUE])).toEqual([]);
  });

  it('a second install (removed and added again) sends nothing', async () => {
    const team = newTeam();
    expect(welcomes(await installed(team))).toBe(1);
    expect(await installed(team, 'remove')).toEqual([]);
    expect(await installed(team)).toEqual([]);
    expect(await membersAdded(team, [{ id: BOT.id }])).toEqual([]);
  });

  it('an app upgrade is no install: nothing is said', async () => {
    expect(await installed(newTeam(), 'add-upgrade')).toEqual([]);
  });

  it('a one-to-one chat is still welcomed, once', async () => {
    const chat = newPersonalChat();
    const first = await installed(chat);
    const second = await membersAdded(chat, [INSTALLER, { id: BOT.id }]);
    expect(welcomes([...first, ...second])).toBe(1);
    // Teams may name only the bot when it is added to someone's one-to-one chat.
    expect(welcomes(await membersAdded(newPersonalChat(), [{ id: BOT.id }]))).toBe(1);
  });

  it("a channel's welcome carries nothing from the installer's own profile; their own chat does", async () => {
    const team = newTeam();
    const channel = replyText(await installed(team, 'add', WAITING_USER));
    expect(channel).toContain(welcomeOpening());
    for (const opening of reminderOpenings()) expect(channel).not.toContain(opening);
    // The profile is intact: the same person's one-to-one chat opens with their reminder.
    const personal = replyText(await installed(newPersonalChat(), 'add', WAITING_USER));
    expect(reminderOpenings().some((opening) => personal.includes(opening))).toBe(true);
  });
});
