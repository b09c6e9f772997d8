import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { buildHelpdeskCard } from '../../../src/helpdesk/helpdesk-card';
import { realContent } from '../../support/content';
import { replyText, userMessage } from '../../support/local-bot';
import { routeToHandoff, triggerThatStarts, type FlowRoute } from '../../support/playground/flow-route';
import { openingWords, shownText } from '../../support/playground/shown-text';
import { openTeamsPage, type TeamsPage } from '../../support/playground/teams-page';
import { startTeamsRig, type TeamsRig } from '../../support/playground/teams-rig';

/**
 * The bot in Microsoft 365 Agents Playground (Teams emulation), driven headless in Chromium as a
 * person would: personal chat, a team channel, a group chat, a troubleshooting flow to the help
 * desk. One Playground, bot and browser for the file; the cases run in order in one page, as one
 * person's session. Expected texts come from content; screenshots go to test-results/teams/.
 */

jest.setTimeout(60_000);

/** The user's zone: the Playground reports its own process's TZ as the user's. */
const TIME_ZONE = 'America/Los_Angeles';
/** The bot's clock: a Tuesday afternoon, the desk open. */
const NOW = DateTime.fromISO('2025-01-14T17:50:00Z');

const content = realContent();
const article = (id: string) => {
  const found = content.articles.get(id);
  if (!found) throw new Error(`no article ${id} in knowledge/articles`);
  return found;
};
/** The first words of an article's answer, and the label of its first related question. */
const answerOf = (id: string) => ({
  question: article(id).questions[0],
  answer: openingWords(article(id).answer, 10),
  related: article(article(id).followUps[0]).label,
});
const WELCOME = openingWords(content.texts.welcome);
const NUMBER = content.helpdesk.number;
/** The main troubleshooting flow. */
const FLOW_ID = 'cant-complete-registration';
const flow = content.flows.get(FLOW_ID);
if (!flow) throw new Error(`no flow ${FLOW_ID} in dialogs/`);
const ROUTE: FlowRoute = routeToHandoff(flow);
/** The Playground's card-click bug (see openTeamsPage). */
const CLICK_BUG = /object is not extensible/;

let rig: TeamsRig;
let teams: TeamsPage;
/** What the user types to start the flow. */
let trigger: string;

beforeAll(async () => {
  rig = await startTeamsRig({ timeZone: TIME_ZONE, clock: () => NOW });
  teams = await openTeamsPage(rig.browser, rig.playground.url);
  let probes = 0;
  trigger = await triggerThatStarts(ROUTE, flow.triggers, async (text) =>
    replyText(await rig.bot.send(userMessage(`trigger-probe-${(probes += 1)}`, text, { channelId: 'msteams' }))),
  );
});
afterAll(async () => {
  await teams?.close();
  await rig?.stop();
});

const inConversation =
  (id: string, type = 'message') =>
  (activity: Partial<Activity>) =>
    activity.type === type && activity.conversation?.id === id;

/** Sends a message and waits until the bot's turn for it is over; returns that turn. */
async function say(conversationId: string, text: string, options: Parameters<TeamsPage['send']>[1] = {}) {
  const turn = rig.traffic.nextTurn(
    (activity) => activity.type === 'message' && activity.conversation?.id.startsWith(conversationId) === true,
  );
  await teams.send(text, options);
  return turn;
}

describe('the bot in the Agents Playground (Teams), in Chromium', () => {
  it('personal chat: welcomed once on install; a question gets its answer and a card of related questions', async () => {
    await teams.waitForText(WELCOME);
    expect(await teams.count(WELCOME)).toBe(1);
    const installs = rig.traffic
      .received('installationUpdate')
      .filter(inConversation(rig.ids.personalChat, 'installationUpdate'));
    expect(installs).toHaveLength(1);

    const expected = answerOf('activation-code-by-mail');
    const turn = await say(rig.ids.personalChat, expected.question);
    expect(turn.status).toBe(200);
    await teams.waitForText(expected.answer);
    await teams.waitForText(expected.related);
    const shown = await teams.messages();
    expect(shown.some((message) => message.hasCard && shownText(message.text).includes(expected.related))).toBe(true);
    await teams.screenshot('personal-chat');
  });

  it("the help-desk card shows the user's own time, from the zone of the Playground process (TZ)", async () => {
    const turn = await say(rig.ids.personalChat, article('help-desk-hours').questions[0]);
    expect(turn.activity.localTimezone).toBe(TIME_ZONE);
    const status = buildHelpdeskCard(NOW, TIME_ZONE, content).status;
    // The zone changes what the card says, or this case would prove nothing.
    expect(status).not.toBe(buildHelpdeskCard(NOW, undefined, content).status);
    await teams.waitForText(status);
    await teams.waitForText(NUMBER);
    expect((await teams.messages()).some((m) => m.hasCard && shownText(m.text).includes(shownText(status)))).toBe(true);
    await teams.screenshot('helpdesk-card-user-zone');
  });

  it('a team channel: one welcome when the bot is added; an @mention is answered in its thread', async () => {
    // Opening the channel first makes the Playground install the bot in the team.
    const installed = rig.traffic.nextTurn(inConversation(rig.ids.team, 'conversationUpdate'));
    await teams.open('My Team - General');
    await installed;
    await teams.waitForText(WELCOME);
    expect(await teams.count(WELCOME)).toBe(1);
    expect(welcomesSent(rig.ids.team)).toBe(1);

    const expected = answerOf('what-you-need');
    const turn = await say(rig.ids.team, ` ${expected.question}`, { mention: rig.ids.botName, post: true });
    const thread = turn.activity.conversation?.id ?? '';
    expect(thread).toMatch(/;messageid=/);
    expect(turn.activity.entities?.some((entity) => entity.type === 'mention')).toBe(true);
    expect(turn.sent.length).toBeGreaterThan(0);
    for (const reply of turn.sent) expect(reply.path).toContain(`/conversations/${thread}/activities`);
    await teams.waitForText(expected.answer);
    const shown = await teams.messages();
    const post = shown.findIndex(
      (m) => m.author !== rig.ids.botName && shownText(m.text).includes(shownText(expected.question)),
    );
    const answer = shown.findIndex((m) => shownText(m.text).includes(expected.answer));
    expect(post).toBeGreaterThanOrEqual(0);
    expect(shown[post].thread).not.toBeNull();
    expect(shown[answer].thread).toBe(shown[post].thread);
    await teams.screenshot('channel-thread');
  });

  it('a group chat: one welcome when the bot is added, none when a person joins or it is added again', async () => {
    const chat = rig.ids.groupChat;
    const installed = rig.traffic.nextTurn(inConversation(chat, 'conversationUpdate'));
    await teams.open('Group Chat');
    await installed;
    await teams.waitForText(WELCOME);

    const joined = rig.traffic.nextTurn(inConversation(chat, 'conversationUpdate'));
    await rig.playground.mock(chat, 'userAdded');
    expect((await joined).sent).toEqual([]);
    const readded = rig.traffic.nextTurn(inConversation(chat, 'conversationUpdate'));
    await rig.playground.install(chat);
    expect((await readded).sent).toEqual([]);
    expect(welcomesSent(chat)).toBe(1);
    expect(await teams.count(WELCOME)).toBe(1);

    const expected = answerOf('credit-freeze');
    const turn = await say(chat, `, ${expected.question}`, { mention: rig.ids.botName });
    expect(turn.activity.conversation?.conversationType).toBe('groupChat');
    await teams.waitForText(expected.answer);
    await teams.screenshot('group-chat');
  });

  it('a troubleshooting flow walked to the help-desk card, typing where the Playground cannot click', async () => {
    await teams.open('Personal Chat');
    const ways = await walkFlow(teams, 'click-or-type');
    // Playground 0.2.28 cannot click these buttons; if a version can, every answer is a click.
    expect(ways.every((way) => way === ways[0])).toBe(true);
    if (ways[0] === 'typed') expect(teams.pageErrors.some((error) => CLICK_BUG.test(error))).toBe(true);
    await teams.screenshot('flow-to-helpdesk-typed');
  });

  it('the same flow clicked, with the Playground bug worked around in the page', async () => {
    const clicking = await openTeamsPage(rig.browser, rig.playground.url, { fixClicks: true });
    try {
      const submitsBefore = flowSubmits().length;
      expect(await walkFlow(clicking, 'click')).toEqual(ROUTE.steps.map(() => 'clicked'));
      // The clicks reached the bot as Teams sends them: the button's data, not typed text.
      expect(flowSubmits().slice(submitsBefore)).toHaveLength(ROUTE.steps.length);
      expect(clicking.pageErrors).toEqual([]);
      await clicking.screenshot('flow-to-helpdesk-clicked');
    } finally {
      await clicking.close();
    }
  });

  it('stays on loopback, and neither the bot nor the page reports an error', () => {
    expect(rig.playground.egress()).toEqual([]);
    expect(rig.botLog.at('error')).toEqual([]);
    expect(teams.pageErrors.filter((error) => !CLICK_BUG.test(error))).toEqual([]);
    expect(rig.traffic.entries.filter((entry) => entry.kind === 'turn-done' && entry.status >= 400)).toEqual([]);
  });
});

/**
 * Starts the troubleshooting flow in the open personal chat and answers each question of the
 * route; ends at the help-desk card. `click-or-type` clicks first and types from then on if the
 * click sends nothing because of the Playground's bug. Returns how each answer was given.
 */
async function walkFlow(page: TeamsPage, mode: 'click' | 'click-or-type'): Promise<Array<'clicked' | 'typed'>> {
  const chat = rig.ids.personalChat;
  const ways: Array<'clicked' | 'typed'> = [];
  let typing = false;
  const started = rig.traffic.nextTurn(inConversation(chat));
  await page.send(trigger);
  await started;
  for (const step of ROUTE.steps) {
    await page.waitForText(openingWords(step.question));
    if (!typing) {
      let arrived = false;
      void rig.traffic.nextTurn(inConversation(chat), 5_000).then(() => (arrived = true));
      const errors = page.pageErrors.length;
      const bitten = () => page.pageErrors.slice(errors).some((error) => CLICK_BUG.test(error));
      await page.click(step.answer);
      await waitUntil(() => arrived || bitten());
      if (arrived) {
        ways.push('clicked');
        continue;
      }
      if (mode === 'click') throw new Error(`clicking "${step.answer}" sent nothing: ${page.pageErrors.join('; ')}`);
      typing = true;
    }
    const turn = rig.traffic.nextTurn(inConversation(chat));
    await page.send(step.answer);
    await turn;
    ways.push('typed');
  }
  const status = buildHelpdeskCard(NOW, TIME_ZONE, content, { triedOnline: true }).status;
  await page.waitForText(status);
  const card = (await page.messages()).filter((m) => m.hasCard && shownText(m.text).includes(shownText(status)));
  expect(card.length).toBeGreaterThan(0);
  expect(card[card.length - 1].text).toContain(NUMBER);
  return ways;
}

/** Card clicks that reached the bot: a message carrying the button's data. */
function flowSubmits(): Array<Partial<Activity>> {
  return rig.traffic
    .received('message')
    .filter((activity) => (activity.value as { action?: string } | undefined)?.action === 'flow-answer');
}

/** Welcomes the bot has posted to a conversation so far. */
function welcomesSent(conversationId: string): number {
  return rig.traffic.entries.filter(
    (entry) =>
      entry.kind === 'from-bot' &&
      entry.activity.conversation?.id === conversationId &&
      shownText(replyText([entry.activity])).includes(WELCOME),
  ).length;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
