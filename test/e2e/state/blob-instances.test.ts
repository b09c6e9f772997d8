import type { Activity, Storage, StoreItem, StoreItems } from 'botbuilder';
import { DateTime } from 'luxon';
import type { LocalBot } from '../../support/local-service';
import { type Azurite, startAzurite } from '../../support/azurite';
import { sourcesLine } from '../../../src/content/sources-line';
import { realContent, intentText } from '../../support/content';
import { startBot, userMessage } from '../../support/local-bot';
import {
  blobStorageFor,
  choiceLabel,
  nodeText,
  post,
  readFlowFile,
  RoamingConversation,
  savedConversation,
  savedUser,
  userKey,
} from '../../support/state';

// Several bot instances over one real Azure Blob Storage container (Azurite), the production
// topology: each instance has its own BlobsStorage object, made by createStorage as
// src/index.ts makes it, and shares nothing else with the others.

const FLOW = readFlowFile('cant-complete-registration');
const texts = realContent().texts;
const articleAnswer = (id: string) => realContent().articles.get(id)!.answer.trim();

/** The text of each message in the last reply, in order. */
function messageTexts(conversation: RoamingConversation): Array<string | undefined> {
  return conversation.last.filter((activity) => activity.type === 'message').map((activity) => activity.text);
}

let azurite: Azurite;
const started: LocalBot[] = [];

async function instance(
  container: string,
  options: { wrap?: (storage: Storage) => Storage; clock?: () => DateTime } = {},
): Promise<{ bot: LocalBot; storage: Storage }> {
  const storage = await blobStorageFor(azurite, container);
  // Handoff events on: the bot keeps the transcript in state, which shows no turn was lost.
  const bot = await startBot({
    storage: options.wrap ? options.wrap(storage) : storage,
    storageKind: 'blob',
    clock: options.clock,
    variables: { HANDOFF_EVENTS: 'true' },
  });
  started.push(bot);
  return { bot, storage };
}

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await Promise.all(started.map((bot) => bot.stop().catch(() => undefined)));
  await azurite?.stop();
});

describe('a flow across bot instances sharing blob storage', () => {
  it('starts on instance A and continues on B, alternating turns, to its ending', async () => {
    const a = await instance('roaming');
    const b = await instance('roaming');
    const user = new RoamingConversation('roaming-1');

    await user.say(a.bot, "I can't register online, it keeps failing");
    // The flow walks through the 2016-2018 process: it opens saying what has changed since.
    expect(messageTexts(user)).toEqual([`${texts.thenAndNow}\n\n${nodeText(FLOW, 'previously-registered')}`]);
    expect(user.titles()).toEqual(['Yes', 'No', 'Not sure']);

    await user.click(b.bot, choiceLabel(FLOW, 'previously-registered', 'no'));
    expect(messageTexts(user)).toEqual([nodeText(FLOW, 'where-stuck')]);

    await user.click(a.bot, choiceLabel(FLOW, 'where-stuck', 'phone'));
    expect(messageTexts(user)).toEqual([nodeText(FLOW, 'phone-which')]);

    await user.click(b.bot, choiceLabel(FLOW, 'phone-which', 'new-number'));
    // phone-new-number says its article, then mail-requested-yet asks.
    expect(FLOW.nodes['phone-new-number']).toMatchObject({ kind: 'say', article: 'new-mobile-number' });
    const [step] = messageTexts(user);
    expect(step?.startsWith(articleAnswer('new-mobile-number'))).toBe(true);
    expect(step?.endsWith(`\n\n${nodeText(FLOW, 'mail-requested-yet')}`)).toBe(true);

    await user.click(a.bot, choiceLabel(FLOW, 'mail-requested-yet', 'no'));
    // mail-how says its text and mail-how-end ends the flow without asking whether it helped.
    // mail-how's facts come with their dated source line.
    const mailHow = realContent().flows.get('cant-complete-registration')?.nodes['mail-how'];
    const cited = mailHow && 'sources' in mailHow && mailHow.sources ? sourcesLine(mailHow.sources, realContent()) : '';
    expect(cited).not.toBe('');
    expect(messageTexts(user)).toEqual([
      `${nodeText(FLOW, 'mail-how')}\n\n${cited}\n\n${nodeText(FLOW, 'mail-how-end')}`,
    ]);
    expect(user.choices()).toEqual([]);

    // The flow is over for every instance: no flow left in the stored conversation ...
    const saved = await savedConversation(b.storage, user.id);
    expect(saved?.conversationData).toBeDefined();
    expect(saved?.conversationData?.flow).toBeUndefined();
    const transcript = saved?.conversationData?.transcript ?? [];
    expect(transcript.filter((entry) => entry.from === 'user').map((entry) => entry.text)).toEqual([
      "I can't register online, it keeps failing",
      'No',
      "My phone can't be verified",
      "It's a new number",
      'Not yet',
    ]);
    // ... so B answers the next message outside the flow.
    expect(await user.say(b.bot, 'thanks')).toBe(intentText('thanks'));
  });

  it('resumes mid-flow on a new instance after the first one stopped', async () => {
    const first = await instance('restart');
    const user = new RoamingConversation('restart-1');
    await user.say(first.bot, 'my Secure Access registration keeps failing');
    await user.click(first.bot, choiceLabel(FLOW, 'previously-registered', 'not-sure'));
    expect(messageTexts(user)).toEqual([nodeText(FLOW, 'where-stuck')]);

    await first.bot.stop();
    await expect(post(first.bot.url, userMessage(user.id, 'hello'))).rejects.toThrow(); // really gone

    const second = await instance('restart');
    await user.click(second.bot, choiceLabel(FLOW, 'where-stuck', 'financial'));
    expect(messageTexts(user)).toEqual([nodeText(FLOW, 'financial-which')]);
    await user.click(second.bot, choiceLabel(FLOW, 'financial-which', 'credit-freeze'));
    // financial-freeze and financial-soft-inquiry say their articles; `done` asks whether it helped.
    const said = messageTexts(user);
    expect(said).toHaveLength(1);
    expect(said[0]?.startsWith(articleAnswer('credit-freeze'))).toBe(true);
    expect(said[0]).toContain(`\n\n${articleAnswer('soft-inquiry-credit-report')}`);
    expect(said[0]?.endsWith(`\n\n${texts.flowSolvedQuestion}`)).toBe(true);
    // The flow's end, then (once a conversation) the 1-5 rating.
    const solved = await user.click(second.bot, texts.flowSolvedYes);
    expect(solved.split('\n')[0]).toBe(texts.flowResolved);
    expect(solved).toContain(texts.ratingPrompt);
    expect((await savedConversation(second.storage, user.id))?.conversationData?.flow).toBeUndefined();
  });
});

describe('concurrent turns of one conversation', () => {
  const N = 8;

  /** Sends N different messages at once, each to the instance `route` picks. */
  async function burst(conversationId: string, route: (i: number) => LocalBot, n = N) {
    const sent = Array.from({ length: n }, (_, i) => `question ${i + 1}: what do I need to register?`);
    const results = await Promise.all(
      sent.map((text, i) =>
        fetch(`${route(i).url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ deliveryMode: 'expectReplies', ...userMessage(conversationId, text) }),
        }).then(async (response) => ({
          status: response.status,
          activities: ((await response.json()) as { activities?: Array<Partial<Activity>> }).activities ?? [],
        })),
      ),
    );
    return { sent, results };
  }

  async function expectNoneLost(
    storage: Storage,
    conversationId: string,
    sent: string[],
    results: Array<{ status: number; activities: Array<Partial<Activity>> }>,
  ) {
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(
        result.activities.filter((activity) => activity.type === 'message' && activity.text).length,
      ).toBeGreaterThan(0);
    }
    const busy = results.filter((result) => result.activities.some((activity) => activity.text === texts.busy)).length;
    const saved = await savedConversation(storage, conversationId);
    const said = (saved?.conversationData?.transcript ?? [])
      .filter((entry) => entry.from === 'user')
      .map((entry) => entry.text);
    // Every message is in the transcript exactly once: none lost, none applied twice.
    expect({ busy, transcript: [...said].sort() }).toEqual({ busy: 0, transcript: [...sent].sort() });
  }

  it('loses no update on a double click (two messages at once, one instance)', async () => {
    const a = await instance('concurrent');
    const user = new RoamingConversation('concurrent-double');
    await user.join(a.bot);
    const { sent, results } = await burst(user.id, () => a.bot, 2);
    await expectNoneLost(a.storage, user.id, sent, results);
  });

  it('loses no update when N messages reach two instances at once', async () => {
    const a = await instance('concurrent');
    const b = await instance('concurrent');
    const user = new RoamingConversation('concurrent-two');
    await user.join(a.bot); // the conversation exists in the store, as after a welcome
    const { sent, results } = await burst(user.id, (i) => (i % 2 === 0 ? a.bot : b.bot));
    await expectNoneLost(a.storage, user.id, sent, results);
  });

  it('loses no update when N messages reach one instance at once (repeated clicks)', async () => {
    const a = await instance('concurrent');
    const user = new RoamingConversation('concurrent-one');
    await user.join(a.bot);
    const { sent, results } = await burst(user.id, () => a.bot);
    await expectNoneLost(a.storage, user.id, sent, results);
  });

  it('loses no update when the first messages of a new conversation arrive at once', async () => {
    // No welcome first: nothing is stored for the conversation when the turns read it.
    const a = await instance('concurrent');
    const b = await instance('concurrent');
    const { sent, results } = await burst('concurrent-new', (i) => (i % 2 === 0 ? a.bot : b.bot));
    await expectNoneLost(a.storage, 'concurrent-new', sent, results);
  });
});

/**
 * Another instance saves the same user's profile between this instance's read and its write
 * (the same Teams user in a channel thread and a one-to-one chat, say): the first time a write
 * to `key` passes through, a competing write to that key lands first.
 */
class AnotherInstanceWritesFirst implements Storage {
  armed: string | undefined;
  constructor(
    private readonly inner: Storage,
    private readonly other: Storage,
    private readonly change: (item: StoreItem) => StoreItem,
  ) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    const key = this.armed;
    if (key && key in changes) {
      this.armed = undefined;
      const current = (await this.other.read([key]))[key];
      await this.other.write({ [key]: this.change(current) });
    }
    return this.inner.write(changes);
  }
}

describe('a turn whose user-state write collides', () => {
  it('is applied once: the flow step is not re-run on the already-saved conversation', async () => {
    const clock = () => DateTime.fromISO('2025-01-14T17:00:00Z'); // a Tuesday
    const other = await blobStorageFor(azurite, 'user-collision');
    let interfering: AnotherInstanceWritesFirst | undefined;
    const a = await instance('user-collision', {
      clock,
      wrap: (storage) =>
        (interfering = new AnotherInstanceWritesFirst(storage, other, (item) => ({
          ...item,
          userProfile: { ...item.userProfile, timeZone: 'America/Denver' },
        }))),
    });
    const user = new RoamingConversation('user-collision-1');
    await user.say(a.bot, "I can't register online, it keeps failing");
    await user.click(a.bot, choiceLabel(FLOW, 'previously-registered', 'no'));
    await user.click(a.bot, choiceLabel(FLOW, 'where-stuck', 'waiting-for-mail'));
    expect(messageTexts(user)).toEqual([nodeText(FLOW, 'm-requested-on')]);

    // The date moves the flow to its reminder offer (conversation state) and is kept for a later
    // visit (user state).
    interfering!.armed = userKey(`user-${user.id}`);
    await user.say(a.bot, '1/10/2025');

    const transcript = (await savedConversation(a.storage, user.id))?.conversationData?.transcript ?? [];
    expect({
      offered: messageTexts(user).at(-1)?.endsWith(nodeText(FLOW, 'm-offer-reminder')),
      userProfile: (await savedUser(a.storage, `user-${user.id}`))?.userProfile,
      datesRecorded: transcript.filter((entry) => entry.from === 'user' && entry.text === '1/10/2025').length,
    }).toEqual({
      offered: true,
      // The other instance's write is kept, and so is this turn's.
      userProfile: { timeZone: 'America/Denver', mailedCodeRequestedOn: '2025-01-10' },
      datesRecorded: 1,
    });

    // "Yes, remind me" then ends the flow, the date still kept.
    await user.click(a.bot, choiceLabel(FLOW, 'm-offer-reminder', 'yes'));
    const done = nodeText(FLOW, 'm-waiting-with-reminder');
    expect(messageTexts(user)).toEqual([expect.stringContaining(done.slice(0, done.indexOf('{')))]);
    expect((await savedUser(a.storage, `user-${user.id}`))?.userProfile).toEqual({
      timeZone: 'America/Denver',
      mailedCodeRequestedOn: '2025-01-10',
    });
  });
});
