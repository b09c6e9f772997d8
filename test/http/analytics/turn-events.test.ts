import type { Storage } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { defaultRoutePolicy } from '../../../src/matching/router';
import { hashedIds, storedRecords, storeText, tempStore, type TempStore } from '../../support/analytics-store';
import { buttonValue } from '../../support/card-buttons';
import { Conversation, replyText, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';
import { routeToHandoff } from '../../support/playground/flow-route';

/**
 * Every kind of turn leaves its event in the local NDJSON store (a temporary ANALYTICS_DIR),
 * decided by the pure turn policy and recorded by the bot with the turn's clock, its channel and
 * the conversation and user ids hashed with the salt: answered, menu, declined, flow started,
 * finished and left, handoff, feedback and rating. The raw ids are never in the store.
 */

const NOW = '2025-01-14T17:50:00.000Z'; // a Tuesday, 12:50 Eastern
const clock = () => DateTime.fromISO(NOW);
let bot: LocalBot;
let store: TempStore;
beforeAll(async () => {
  store = tempStore();
  bot = await startBot({ variables: store.variables, clock });
});
afterAll(async () => {
  await bot.stop();
  store.remove();
});

const texts = () => bot.content.texts;
const article = (id: string) => bot.content.articles.get(id)!;

/** What the store keeps of a conversation, without the fields every record has. */
async function eventsOf(
  chat: Conversation,
  of: LocalBot = bot,
  dir = store.dir,
): Promise<Array<Partial<AnalyticsRecord>>> {
  const ids = hashedIds(chat.id, `user-${chat.id}`);
  const records = await storedRecords(dir, of.service.analytics);
  return records
    .filter((record) => record.conversation === ids.conversation)
    .map(({ v: _v, time: _time, channel: _channel, conversation: _c, user: _u, ...rest }) => rest);
}

describe('each record', () => {
  it('has the version, the turn’s time, the channel and the hashed ids, and the raw ids are nowhere', async () => {
    const chat = new Conversation(bot, { channelId: 'directline' });
    await chat.say(article('activation-code-by-mail').questions[0]);
    const records = await storedRecords(store.dir, bot.service.analytics);
    const ids = hashedIds(chat.id, `user-${chat.id}`);
    expect(records.filter((record) => record.conversation === ids.conversation)).toEqual([
      {
        v: 1,
        time: NOW,
        channel: 'directline',
        conversation: ids.conversation,
        user: ids.user,
        type: 'answered',
        articleId: 'activation-code-by-mail',
        score: expect.any(Number),
      },
    ]);
    expect(ids.conversation).toMatch(/^[0-9a-f]{16}$/);
    const text = await storeText(store.dir);
    expect(text).not.toContain(chat.id);
    expect(text).not.toContain(`user-${chat.id}`);
  });
});

describe('answers, menus and declines', () => {
  it('a typed question answered: its article and the matcher’s score; a related question clicked: score 1', async () => {
    const chat = new Conversation(bot);
    await chat.say(article('activation-code-by-mail').questions[0]);
    const related = article('activation-code-by-mail').followUps[0];
    await chat.click(article(related).label);
    const [typed, clicked] = await eventsOf(chat);
    expect(typed).toEqual({ type: 'answered', articleId: 'activation-code-by-mail', score: expect.any(Number) });
    expect((typed as { score: number }).score).toBeGreaterThan(0);
    expect((typed as { score: number }).score).toBeLessThanOrEqual(1);
    expect(clicked).toEqual({ type: 'answered', articleId: related, score: 1 });
  });

  it('a question out of scope: declined with its topic and the question; a second miss hands off', async () => {
    const chat = new Conversation(bot);
    await chat.say("Where's my refund?");
    await chat.say('qwpoeiruty zxmcnv');
    expect(await eventsOf(chat)).toEqual([
      { type: 'declined', topic: 'refunds', text: "Where's my refund?" },
      { type: 'declined', text: 'qwpoeiruty zxmcnv' },
      { type: 'handoff', reason: 'repeated-miss' },
    ]);
  });

  it('small talk and the welcome are no questions: nothing recorded', async () => {
    const chat = new Conversation(bot);
    await chat.join();
    await chat.say('hello');
    await chat.say('thanks');
    expect(await eventsOf(chat)).toEqual([]);
  });

  describe('with a router that offers menus', () => {
    let menus: LocalBot;
    let menuStore: TempStore;
    beforeAll(async () => {
      menuStore = tempStore();
      menus = await startBot({
        variables: menuStore.variables,
        clock,
        routePolicy: { ...defaultRoutePolicy, margin: 1, certainAbove: 1, suggestAbove: 0, answerNearTies: false },
      });
    });
    afterAll(async () => {
      await menus.stop();
      menuStore.remove();
    });

    it('a "did you mean" menu: the ids offered', async () => {
      const chat = new Conversation(menus);
      expect(await chat.say('code')).toContain(texts().didYouMean);
      const offered = chat
        .choices()
        .map((choice) => choice.value as { action: string; id?: string })
        .filter((value) => value.action !== 'none-of-these')
        .map((value) => value.id);
      expect(await eventsOf(chat, menus, menuStore.dir)).toEqual([{ type: 'menu', options: offered }]);
    });
  });
});

describe('flows', () => {
  /** The main troubleshooting flow, which can be walked to the help desk by its buttons. */
  const flow = () => bot.content.flows.get(texts().troubleshootFlow)!;
  const start = async (chat: Conversation) => chat.say('', { value: { action: 'start-flow', id: flow().id } });

  it('walked to the help desk: started, finished where it ended, handed off, and the rating after it', async () => {
    const chat = new Conversation(bot);
    const route = routeToHandoff(flow());
    await start(chat);
    for (const step of route.steps) await chat.click(step.answer);
    expect(replyText(chat.last)).toContain(bot.content.helpdesk.number);
    await chat.say('', { value: buttonValue(chat.last, texts().ratingLabels[4]) });
    const lastQuestion = Object.entries(flow().nodes).find(
      ([, node]) => node.kind === 'ask' && node.text === route.steps.at(-1)?.question,
    )?.[0];
    expect(await eventsOf(chat)).toEqual([
      { type: 'flow-started', flowId: flow().id },
      { type: 'flow-finished', flowId: flow().id, nodeId: lastQuestion, outcome: 'handed-off' },
      { type: 'handoff', reason: 'flow' },
      { type: 'rating', rating: 5, after: 'flow' },
    ]);
  });

  it.each([
    ['cancel', 'cancelled'],
    ['start over', 'restarted'],
    ['reset', 'reset'],
  ])('"%s" at the first question: left there (%s)', async (said, outcome) => {
    const chat = new Conversation(bot);
    await start(chat);
    await chat.say(said);
    const events = await eventsOf(chat);
    expect(events.slice(0, 2)).toEqual([
      { type: 'flow-started', flowId: flow().id },
      { type: 'flow-abandoned', flowId: flow().id, nodeId: firstQuestion(), outcome },
    ]);
    // Starting over starts it again; the others leave it.
    expect(events.slice(2)).toEqual(outcome === 'restarted' ? [{ type: 'flow-started', flowId: flow().id }] : []);
  });

  it('"talk to a person" mid-flow: the flow ends at the help desk because they asked', async () => {
    const chat = new Conversation(bot);
    await start(chat);
    await chat.say('talk to a person');
    expect(await eventsOf(chat)).toEqual([
      { type: 'flow-started', flowId: flow().id },
      { type: 'flow-finished', flowId: flow().id, nodeId: firstQuestion(), outcome: 'handed-off' },
      { type: 'handoff', reason: 'asked' },
    ]);
  });

  /** The flow's first question (its start may say something first). */
  function firstQuestion(): string {
    let id = flow().start;
    for (let node = flow().nodes[id]; node.kind === 'say'; node = flow().nodes[id]) id = node.next;
    return id;
  }
});

describe('handoffs', () => {
  it('asked for: "talk to a person"', async () => {
    const chat = new Conversation(bot);
    await chat.say('talk to a person');
    expect(await eventsOf(chat)).toEqual([{ type: 'handoff', reason: 'asked' }]);
  });

  it('"that didn\'t help" twice after an answer: unhelpful', async () => {
    const chat = new Conversation(bot);
    await chat.say(article('activation-code-by-mail').questions[0]);
    await chat.say('that did not help');
    await chat.say('that did not help');
    expect((await eventsOf(chat)).slice(1)).toEqual([{ type: 'handoff', reason: 'unhelpful' }]);
  });

  it('storage down: the help-desk details, recorded as a handoff for that reason', async () => {
    const down: Storage = {
      read: () => Promise.reject(new Error('store unreachable')),
      write: () => Promise.reject(new Error('store unreachable')),
      delete: () => Promise.reject(new Error('store unreachable')),
    };
    const outageStore = tempStore();
    const broken = await startBot({ variables: outageStore.variables, clock, storage: down });
    try {
      const chat = new Conversation(broken);
      expect(await chat.say('talk to a person')).toContain(texts().storageDown.slice(0, 40));
      expect(await eventsOf(chat, broken, outageStore.dir)).toEqual([{ type: 'handoff', reason: 'storage' }]);
    } finally {
      await broken.stop();
      outageStore.remove();
    }
  });
});

describe('switched off', () => {
  it('ANALYTICS_ENABLED=false: the bot answers and no store is written', async () => {
    const offStore = tempStore();
    const off = await startBot({ variables: { ...offStore.variables, ANALYTICS_ENABLED: 'false' }, clock });
    try {
      const chat = new Conversation(off);
      expect(await chat.say(article('activation-code-by-mail').questions[0])).toContain(
        article('activation-code-by-mail').answer.trim().slice(0, 40),
      );
      await off.stop();
      expect(await storeText(offStore.dir)).toBe('');
    } finally {
      offStore.remove();
    }
  });
});
