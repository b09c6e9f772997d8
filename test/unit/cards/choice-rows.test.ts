import { adaptiveCard } from '../../../src/bot/cards/adaptive-card';
import { choiceActions, submitAction } from '../../../src/bot/cards/choice-buttons';
import { layOutChoices } from '../../../src/bot/cards/choice-rows';
import type { Choice } from '../../../src/reply/reply';
import { renderForTeams } from './teams-card-check';

/**
 * Answer buttons are rows of the card's body, tapped whole, so Teams (which puts a card's actions
 * side by side and cuts their titles) never shortens a label; test/e2e/teams/card-widths.test.ts
 * looks at them drawn. Links and the "more" button stay in the action bar.
 */

const choice = (label: string, id: string): Choice => ({ label, value: { action: 'article', id } });
const text = { type: 'TextBlock', text: 'Related questions:', wrap: true };
const link = { type: 'Action.OpenUrl', title: 'Call', url: 'tel:+18888414648' };

describe('answer buttons as rows', () => {
  it('each answer is a row after the body, its Action.Submit (messageBack and all) what a tap does', () => {
    const choices = [choice('How do I start registering?', 'a'), choice('What do I need to register?', 'b')];
    const layout = layOutChoices([text], choices.map(submitAction));
    expect(layout.actions).toBeUndefined();
    expect(layout.body[0]).toBe(text);
    expect(layout.body.slice(1).map((row) => row.selectAction)).toEqual(choices.map(submitAction));
  });

  it('a link and the "more" button stay in the action bar, in order', () => {
    const choices = 'abcdefg'.split('').map((id) => choice(`Question ${id}?`, id));
    const actions = [link, ...choiceActions(choices, 'More choices', 5)];
    const layout = layOutChoices([], actions);
    expect(layout.actions?.map((action) => action.type)).toEqual(['Action.OpenUrl', 'Action.ShowCard']);
    // Room for five: four answers and "more", which opens the other three.
    expect(layout.body).toHaveLength(4);
    // The opened card lays its answers out the same way.
    const more = layout.actions?.[1].card as { body: Array<Record<string, unknown>>; actions?: unknown[] };
    expect(more.actions).toBeUndefined();
    expect(more.body.map((row) => row.selectAction)).toEqual(choiceActions(choices.slice(4), 'More choices'));
  });

  it('shows a label as written (not as markdown), as the row a renderer draws and names', () => {
    const label = '1. *Not* a list_';
    const card = adaptiveCard([], [submitAction(choice(label, 'x'))]).content as Record<string, unknown>;
    const rendered = renderForTeams({ ...card });
    expect(rendered.problems).toEqual([]);
    const row = rendered.element?.querySelector('[role="button"]');
    expect(row?.textContent).toBe(label);
    expect(row?.getAttribute('aria-label')).toBe(label);
  });
});
