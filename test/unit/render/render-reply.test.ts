import type { Activity, CardAction } from 'botbuilder';
import { DateTime } from 'luxon';
import { channelTraits, renderReply } from '../../../src/bot/render';
import { buildHelpdeskCard } from '../../../src/helpdesk/helpdesk-card';
import type { Choice, Reply } from '../../../src/reply/reply';
import { realContent } from '../../support/content';

/**
 * renderReply over the three kinds of channel: a turn is one message however many parts it has,
 * with its parts in reading order and one set of buttons. Replies are built from the real content
 * as the bot builds them (answer, sources, related questions; the help-desk card; flow questions).
 */

const content = realContent();
const { texts } = content;
const webchat = channelTraits('webchat');
const teams = channelTraits('msteams', 'personal');
const plain = channelTraits('sms');

const TUESDAY_10_ET = DateTime.fromISO('2026-11-24T15:00:00Z');
const SATURDAY_10_ET = DateTime.fromISO('2026-11-28T15:00:00Z');
const deskOpen = buildHelpdeskCard(TUESDAY_10_ET, 'America/Chicago', content);
const deskClosed = buildHelpdeskCard(SATURDAY_10_ET, 'America/Chicago', content);

const mailedCode = content.articles.get('activation-code-by-mail')!;
const articleButton = (id: string): Choice => ({
  label: content.articles.get(id)!.label,
  value: { action: 'article', id },
});
const related = mailedCode.followUps.map(articleButton);

const flow = content.flows.get('cant-complete-registration')!;
const askNodes = Object.entries(flow.nodes).flatMap(([id, node]) => (node.kind === 'ask' ? [{ id, node }] : []));
const widest = askNodes.reduce((a, b) => (b.node.choices.length > a.node.choices.length ? b : a));
const flowButtons = (at: (typeof askNodes)[number]): Choice[] =>
  at.node.choices.map((choice) => ({
    label: choice.label,
    value: { action: 'flow-answer', flowId: flow.id, nodeId: at.id, choiceId: choice.id },
  }));

/** A knowledge answer: the answer, then its related questions. */
const answer: Reply = [{ text: mailedCode.answer, choices: related, choicesPrompt: texts.relatedPrompt }];
/** A help-desk handoff: a sentence, then the card (as when storage is down). */
const handoff: Reply = [{ text: texts.storageDown }, { helpdesk: deskOpen }];
/** A flow step: what the last answer leads to, then the next question and its choices. */
const flowStep: Reply = [{ text: texts.flowResumeLead }, { text: widest.node.text, choices: flowButtons(widest) }];
/** The help-desk article: the card first, then the answer and its related questions. */
const helpdeskArticle: Reply = [
  { helpdesk: deskOpen },
  { text: mailedCode.answer, choices: related, choicesPrompt: texts.relatedPrompt },
];

const adaptive = (activity: Partial<Activity>) =>
  (activity.attachments ?? []).map((attachment) => {
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    return attachment.content as {
      version: string;
      body: Array<{ type: string; text?: string; items?: Array<{ text?: string; color?: string; weight?: string }> }>;
      actions?: Array<{
        type: string;
        title: string;
        url?: string;
        data?: Record<string, unknown>;
        card?: { actions: unknown[] };
      }>;
    };
  });
const titles = (actions: CardAction[] | undefined) => (actions ?? []).map((action) => action.title);
const cardTexts = (activity: Partial<Activity>) =>
  adaptive(activity).flatMap((card) =>
    card.body.flatMap((element) => (element.items ?? [element]).map((item) => item.text)),
  );

describe('one message a turn', () => {
  it.each([
    ['a knowledge answer', answer],
    ['a help-desk handoff', handoff],
    ['a flow step', flowStep],
    ['the help-desk article', helpdeskArticle],
  ])('%s is one activity on Web Chat, Teams and plain channels', (_name, reply) => {
    for (const traits of [webchat, teams, plain]) expect(renderReply(reply, traits, texts)).toHaveLength(1);
  });

  it('an empty reply sends nothing', () => {
    expect(renderReply([], teams, texts)).toEqual([]);
  });
});

describe('Web Chat and Direct Line', () => {
  it('a knowledge answer: the answer, then the prompt, then the related questions as suggested actions', () => {
    const [activity] = renderReply(answer, webchat, texts);
    expect(activity.text).toBe(`${mailedCode.answer.trim()}\n\n${texts.relatedPrompt}`);
    expect(titles(activity.suggestedActions?.actions)).toEqual(related.map((choice) => choice.label));
    expect(activity.suggestedActions?.actions.map((action) => action.value)).toEqual(
      related.map((choice) => choice.value),
    );
    expect(activity.attachments).toBeUndefined();
  });

  it('a handoff: the sentence as text, the help desk as a card with the number and a call button', () => {
    const [activity] = renderReply(handoff, webchat, texts);
    expect(activity.text).toBe(texts.storageDown.trim());
    const [card] = adaptive(activity);
    expect(cardTexts(activity)).toEqual(expect.arrayContaining([deskOpen.title, deskOpen.status, deskOpen.number]));
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: deskOpen.callLabel, url: content.helpdesk.telLink },
    ]);
    expect(activity.summary).toBeTruthy();
  });

  it('the help-desk article: the card, then the answer and the prompt on it, in that order, and suggested actions', () => {
    const [activity] = renderReply(helpdeskArticle, webchat, texts);
    expect(activity.text).toBeUndefined();
    const shown = cardTexts(activity);
    expect(shown.indexOf(deskOpen.title)).toBeLessThan(shown.indexOf(mailedCode.answer.trim()));
    expect(shown.at(-1)).toBe(texts.relatedPrompt);
    expect(titles(activity.suggestedActions?.actions)).toEqual(related.map((choice) => choice.label));
  });
});

describe('Teams', () => {
  it('a knowledge answer: the answer as text, one card with the prompt and a messageBack button per question', () => {
    const [activity] = renderReply(answer, teams, texts);
    expect(activity.text).toBe(mailedCode.answer.trim());
    expect(activity.suggestedActions).toBeUndefined();
    const [card] = adaptive(activity);
    expect(card.body.map((element) => element.text)).toEqual([texts.relatedPrompt]);
    expect(card.actions).toEqual(
      related.map((choice) => ({
        type: 'Action.Submit',
        title: choice.label,
        data: { ...choice.value, msteams: { type: 'messageBack', displayText: choice.label, text: choice.label } },
      })),
    );
    expect(activity.summary).toBeTruthy();
    expect(mailedCode.answer.replace(/\s+/g, ' ')).toContain(activity.summary!.replace(/…$/, ''));
  });

  it('a handoff: the number as text on the card, and no tel: button (it does nothing on Teams desktop)', () => {
    const [activity] = renderReply(handoff, teams, texts);
    expect(activity.text).toBe(texts.storageDown.trim());
    expect(cardTexts(activity)).toContain(content.helpdesk.number);
    expect(JSON.stringify(activity)).not.toContain('tel:');
    expect(adaptive(activity)[0].actions).toBeUndefined();
    expect(activity.summary).toBeTruthy();
  });

  it('open and closed read differently in words, with the same style (no colour carries the meaning)', () => {
    const status = (card: typeof deskOpen) => {
      const [activity] = renderReply([{ helpdesk: card }], teams, texts);
      return adaptive(activity)[0].body[0].items!.find((item) => item.text === card.status)!;
    };
    const open = status(deskOpen);
    const closed = status(deskClosed);
    expect(open.text).not.toBe(closed.text);
    expect(open.text?.split(' ')[0]).not.toBe(closed.text?.split(' ')[0]);
    const { text: _o, ...openStyle } = open;
    const { text: _c, ...closedStyle } = closed;
    expect(openStyle).toEqual(closedStyle);
    expect(open.color).toBeUndefined();
  });

  it('a flow step: the text, and the question with its buttons', () => {
    const [activity] = renderReply(flowStep, teams, texts);
    expect(activity.text).toBe(`${texts.flowResumeLead}\n\n${widest.node.text.trim()}`);
    expect(adaptive(activity)[0].actions?.map((action) => action.title)).toEqual(
      widest.node.choices.map((c) => c.label),
    );
  });

  it('the help-desk article: one card with the help desk, the answer, the prompt and the buttons, in that order', () => {
    const [activity] = renderReply(helpdeskArticle, teams, texts);
    expect(activity.text).toBeUndefined();
    const shown = cardTexts(activity);
    expect(shown.indexOf(deskOpen.title)).toBeLessThan(shown.indexOf(mailedCode.answer.trim()));
    expect(shown.at(-1)).toBe(texts.relatedPrompt);
    expect(activity.summary).toBe(deskOpen.title);
  });

  it.each([6, 7, 11, 12, 20])('%i choices: at most six actions a card, none lost, in order', (count) => {
    const choices = Array.from({ length: count }, (_, index) => articleButton([...content.articles.keys()][index]));
    const [activity] = renderReply([{ text: texts.help, choices }], teams, texts);
    const clicked: string[] = [];
    const walk = (actions: NonNullable<ReturnType<typeof adaptive>[number]['actions']>) => {
      expect(actions.length).toBeLessThanOrEqual(6);
      for (const action of actions) {
        if (action.type === 'Action.ShowCard') {
          expect(action.title).toBe(texts.moreChoices);
          walk(action.card!.actions as typeof actions);
        } else clicked.push(action.title);
      }
    };
    walk(adaptive(activity)[0].actions ?? []);
    expect(clicked).toEqual(choices.map((choice) => choice.label));
  });
});

describe('plain channels', () => {
  it('the help desk as text with its tel: link, the buttons as plain suggested actions', () => {
    const [activity] = renderReply([...handoff, { text: texts.flowSolvedQuestion, choices: related }], plain, texts);
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toContain(content.helpdesk.number);
    expect(activity.text).toContain(content.helpdesk.telLink);
    expect(activity.text!.indexOf(texts.storageDown.trim())).toBeLessThan(activity.text!.indexOf(deskOpen.title));
    expect(titles(activity.suggestedActions?.actions)).toEqual(related.map((choice) => choice.label));
  });
});

describe('one set of buttons', () => {
  it('the last set wins, with its prompt; an earlier set and its prompt are dropped', () => {
    const earlier: Reply = [
      { text: mailedCode.answer, choices: related, choicesPrompt: texts.relatedPrompt },
      { text: widest.node.text, choices: flowButtons(widest) },
    ];
    for (const traits of [webchat, plain]) {
      const [activity] = renderReply(earlier, traits, texts);
      expect(activity.text).not.toContain(texts.relatedPrompt);
      expect(titles(activity.suggestedActions?.actions)).toEqual(widest.node.choices.map((c) => c.label));
    }
    const [inTeams] = renderReply(earlier, teams, texts);
    expect(JSON.stringify(inTeams)).not.toContain(texts.relatedPrompt);
    expect(adaptive(inTeams)[0].actions?.map((action) => action.title)).toEqual(
      widest.node.choices.map((c) => c.label),
    );
  });
});
