import type { Activity } from 'botbuilder';
import { channelTraits, renderReply } from '../../../src/bot/render';
import { realContent } from '../../support/content';
import { everyReply } from './every-reply';
import { ADAPTIVE_CARD, renderForTeams, teamsProblems } from './teams-card-check';

/**
 * Every card the bot can send, rendered for Teams by Microsoft's Adaptive Cards renderer with the
 * Teams host config: version at most 1.5, at most six actions a set, under 28 KB, a summary, no
 * tel: button, and not one complaint from the renderer.
 */

const content = realContent();
const replies = everyReply(content);
const teams = channelTraits('msteams', 'personal');
const inTeams = (reply: (typeof replies)[number]['reply']) => renderReply(reply, teams, content.texts);
const cardsOf = (activities: Array<Partial<Activity>>) =>
  activities.flatMap((activity) => activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD);

describe('every card the bot can send fits Teams', () => {
  it.each(replies.map(({ name, reply }) => [name, reply] as const))('%s', (_name, reply) => {
    const activities = inTeams(reply);
    expect(activities.length).toBeLessThanOrEqual(1);
    expect(activities.flatMap(teamsProblems)).toEqual([]);
  });

  it('the set covers what it claims: the welcome, help-desk cards open and closed, every flow', () => {
    const cards = replies.flatMap(({ name, reply }) => cardsOf(inTeams(reply)).map((card) => ({ name, card })));
    const named = (pattern: RegExp) => cards.filter(({ name }) => pattern.test(name));
    expect(named(/^the welcome/).length).toBeGreaterThan(0);
    expect(named(/^asking for a person \(desk open\)/).length).toBe(1);
    expect(named(/^asking for a person \(desk closed\)/).length).toBe(1);
    for (const flow of content.flows.keys()) expect(named(new RegExp(`^"${flow}" `)).length).toBeGreaterThan(0);
  });

  it('a reply with more buttons than a card holds opens the rest from a "more" button', () => {
    const long = replies.filter(({ reply }) => reply.some((message) => (message.choices?.length ?? 0) > 6));
    for (const { reply } of long) {
      expect(JSON.stringify(cardsOf(inTeams(reply)))).toContain(`"title":${JSON.stringify(content.texts.moreChoices)}`);
    }
  });
});

describe('the checks themselves', () => {
  // Each check must be able to fail, or a green run above means nothing.
  const card = (extra: Record<string, unknown>) => ({
    type: 'AdaptiveCard',
    version: '1.4',
    body: [{ type: 'TextBlock', text: 'x', wrap: true }],
    ...extra,
  });
  const submit = (n: number) => ({ type: 'Action.Submit', title: `choice ${n}`, data: { n } });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['seven actions', card({ actions: [1, 2, 3, 4, 5, 6, 7].map(submit) }), /actions/],
    ['a version Teams does not render', card({ version: '1.6' }), /version/],
    [
      'an element newer than the declared version',
      card({ version: '1.2', body: [{ type: 'Table', columns: [] }] }),
      /Table/,
    ],
    ['an unknown element', card({ body: [{ type: 'Carousel2' }] }), /Unknown element/],
    [
      'seven actions in a ShowCard',
      card({
        actions: [
          {
            type: 'Action.ShowCard',
            title: 'more',
            card: { type: 'AdaptiveCard', body: [], actions: [1, 2, 3, 4, 5, 6, 7].map(submit) },
          },
        ],
      }),
      /actions/,
    ],
  ])('reports %s', (_name, json, problem) => {
    expect(renderForTeams(json).problems.join('\n')).toMatch(problem);
  });

  it('reports a missing summary, a tel: button and a message over 28 KB', () => {
    const attachment = {
      contentType: ADAPTIVE_CARD,
      content: card({ actions: [{ type: 'Action.OpenUrl', title: 'Call', url: 'tel:+18888414648' }] }),
    };
    const problems = teamsProblems({ type: 'message', text: 'x'.repeat(29 * 1024), attachments: [attachment] });
    expect(problems).toEqual([
      expect.stringMatching(/bytes/),
      expect.stringMatching(/tel:/),
      expect.stringMatching(/summary/),
    ]);
  });

  it('renders the buttons a user would see', () => {
    const rendered = renderForTeams(card({ actions: [1, 2, 3].map(submit) }));
    expect(rendered.problems).toEqual([]);
    expect([...(rendered.element?.querySelectorAll('button') ?? [])].map((button) => button.textContent)).toEqual([
      'choice 1',
      'choice 2',
      'choice 3',
    ]);
  });
});
