import { sourcesLine } from '../../../src/content/sources-line';
import { withReplyNotes } from '../../../src/conversation/reply-notes';
import type { Choice, Reply } from '../../../src/reply/reply';
import { realContent } from '../../support/content';

/**
 * withReplyNotes(replies, content): the dated source line under each text that cites sources,
 * then, once per reply, the then-and-now note for text about the 2016-2018 process.
 */
const content = realContent();
const { thenAndNow } = content.texts;
const choice: Choice = { label: 'Yes', value: { action: 'helpdesk' } };

it.each<[string, Reply, Reply]>([
  [
    'a cited text gets its source line',
    [{ text: 'A fact.', sources: ['notice'] }],
    [{ text: `A fact.\n\n${sourcesLine(['notice'], content)}` }],
  ],
  [
    'a historical text gets the note after it',
    [{ text: 'Old step.', historical: true }],
    [{ text: `Old step.\n\n${thenAndNow}`, historical: true }],
  ],
  [
    'a historical question gets the note before it, next to nothing but its buttons',
    [{ text: 'Did you?', historical: true, choices: [choice] }],
    [{ text: `${thenAndNow}\n\nDid you?`, historical: true, choices: [choice] }],
  ],
  [
    'a historical question asking for a typed answer (a date) gets the note before it, so that it ends the reply',
    [{ text: 'When did you request it?', historical: true, asks: true }],
    [{ text: `${thenAndNow}\n\nWhen did you request it?`, historical: true, asks: true }],
  ],
  [
    'the note comes once, after the last historical text, under its source line',
    [
      { text: 'One.', historical: true },
      { text: 'Two.', historical: true, sources: ['notice'] },
    ],
    [
      { text: 'One.', historical: true },
      { text: `Two.\n\n${sourcesLine(['notice'], content)}\n\n${thenAndNow}`, historical: true },
    ],
  ],
  ['nothing historical, nothing cited: unchanged', [{ text: 'Hello.' }], [{ text: 'Hello.' }]],
])('%s', (_name, replies, expected) => {
  expect(withReplyNotes(replies, content)).toEqual(expected);
});

it('leaves the note to a help-desk card, which says it itself', () => {
  const card = { helpdesk: { title: 't' } } as unknown as Reply[number];
  const replies: Reply = [{ text: 'Old step.', historical: true }, card];
  expect(withReplyNotes(replies, content)).toEqual(replies);
});
