import type { Browser } from 'playwright-core';
import { channelTraits, renderReply } from '../../../src/bot/render';
import { MAX_CARD_ACTIONS, submitAction } from '../../../src/bot/cards/choice-buttons';
import { ratingAsk } from '../../../src/conversation/replies';
import type { Choice, Reply } from '../../../src/reply/reply';
import { launchChromium } from '../../support/chromium';
import { realContent } from '../../support/content';
import { everyReply } from '../../unit/cards/every-reply';
import { openTeamsCardPage, type CardSample, type TeamsCardPage } from './teams-card-page';

/**
 * Teams cards as a Teams user sees them: drawn by Microsoft's Adaptive Cards renderer with Teams'
 * host config in real Chromium (teams-card-page.ts), at the width of a card in a Teams chat on a
 * computer (446 px) and on a phone (320 px). Every button label must be read whole: Teams lays a
 * card's actions side by side and cuts long titles ("Is …", "H…"), which the Agents Playground,
 * stacking them, never shows. Screenshots: test-results/teams/card-widths-<width>.png.
 */

jest.setTimeout(60_000);

const WIDTHS = [446, 320] as const;
const content = realContent();
const teams = channelTraits('msteams', 'personal');
const replies = new Map(everyReply(content).map(({ name, reply }) => [name, reply]));
const named = (name: string): Reply => {
  const reply = replies.get(name);
  if (!reply) throw new Error(`no reply "${name}" in every-reply.ts`);
  return reply;
};
/** The rating as the bot adds it to the last message of a turn after a handoff (feedback-turn.ts). */
const withRating = (reply: Reply): Reply =>
  reply.map((message, index) => (index === reply.length - 1 ? { ...message, rating: ratingAsk(content) } : message));

/** The replies whose cards are drawn and looked at one by one, with the buttons each must show. */
const SAMPLES: ReadonlyArray<{ readonly name: string; readonly reply: Reply }> = [
  { name: 'the welcome', reply: named('the welcome (desk open)') },
  { name: 'a did-you-mean menu', reply: named('did-you-mean menu 1') },
  { name: 'an answer with related questions', reply: named('the answer "activation-code-by-mail" (desk open)') },
  { name: 'the help command (a "more" card)', reply: named('the help command (desk open)') },
  { name: 'the help-desk card with the rating', reply: withRating(named('asking for a person (desk open)')) },
];

/** The card of a reply as sent to Teams. */
function teamsCard(reply: Reply): Record<string, unknown> {
  const [activity] = renderReply(reply, teams, content.texts);
  const card = activity?.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!card) throw new Error('the reply has no card in Teams');
  return card;
}
const choicesOf = (reply: Reply): Choice[] => reply.flatMap((message) => message.choices ?? []);
const ratingOf = (reply: Reply): Choice[] => reply.flatMap((message) => message.rating?.choices ?? []);
/** What a user can tap on the reply's card: every choice, the rating, and "more" where the list is long. */
function expectedButtons(reply: Reply): string[] {
  const choices = choicesOf(reply);
  // A card shows six; past that, five and "more", whose card does the same with the rest.
  const mores = (count: number): string[] =>
    count > MAX_CARD_ACTIONS ? [content.texts.moreChoices, ...mores(count - (MAX_CARD_ACTIONS - 1))] : [];
  return [...choices, ...ratingOf(reply)].map((choice) => choice.label).concat(mores(choices.length));
}

let browser: Browser;
let cards: TeamsCardPage;

beforeAll(async () => {
  browser = await launchChromium();
  cards = await openTeamsCardPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe.each(WIDTHS)('Teams cards %i px wide', (width) => {
  beforeAll(async () => {
    const samples: CardSample[] = SAMPLES.map(({ name, reply }) => ({ name, card: teamsCard(reply) }));
    await cards.show(samples, width);
    // Before any check, so a failing run leaves the picture of what failed.
    await cards.screenshot(`card-widths-${width}`);
  });

  it.each(SAMPLES.map((sample) => [sample.name, sample.reply] as const))(
    '%s: every button shows its whole label',
    async (name, reply) => {
      const shown = await cards.tappables(name);
      expect(shown.filter((tappable) => tappable.problems.length > 0)).toEqual([]);
      expect(shown.map((tappable) => tappable.name).sort()).toEqual(expectedButtons(reply).sort());
    },
  );

  it('a tap on an answer sends its choice as Teams sends a card button (messageBack)', async () => {
    for (const { name, reply } of SAMPLES) {
      for (const choice of choicesOf(reply)) {
        const before = (await cards.submitted()).length;
        await cards.button(name, choice.label).click({ timeout: 5_000 });
        expect((await cards.submitted()).slice(before)).toEqual([{ card: name, data: submitAction(choice).data }]);
      }
    }
  });
});

describe('every Teams card the bot can send', () => {
  // The welcome, every answer, every flow step, the help desk open and closed, menus, small talk.
  const everyCard = [...replies]
    .map(([name, reply]) => ({ name, reply }))
    .filter(({ reply }) => {
      const [activity] = renderReply(reply, teams, content.texts);
      return (activity?.attachments?.length ?? 0) > 0;
    });

  it.each(WIDTHS)('shows every button label whole at %i px', async (width) => {
    expect(everyCard.length).toBeGreaterThan(100);
    await cards.show(
      everyCard.map(({ name, reply }) => ({ name, card: teamsCard(reply) })),
      width,
    );
    const cut: string[] = [];
    for (const { name, reply } of everyCard) {
      const shown = await cards.tappables(name);
      for (const tappable of shown) cut.push(...tappable.problems.map((problem) => `${name}: ${problem}`));
      expect(shown.map((tappable) => tappable.name).sort()).toEqual(expectedButtons(reply).sort());
    }
    expect(cut).toEqual([]);
  });
});
