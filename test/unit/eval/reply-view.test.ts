import { isMenu, replyView, stripSaid, visible } from '../../../tools/eval/reply-view';

/** The reply as the shared judges read it. Expected values are ask.py's answers for the same input. */
describe('visible: markdown link targets are not read', () => {
  it.each([
    ['See [FAQ](https://irs.gov/faq) and [mail](mailto:a@b.c)', 'See [FAQ] and [mail]'],
    ['[call](tel:+18888414648)', '[call]'],
    [
      '[x](ftp://x) stays, and so does an upper-case [y](HTTPS://Y)',
      '[x](ftp://x) stays, and so does an upper-case [y](HTTPS://Y)',
    ],
    ['a target with a space [t](https://a b) is no link', 'a target with a space [t](https://a b) is no link'],
  ])('%j -> %j', (text, expected) => {
    expect(visible(text)).toBe(expected);
  });
});

describe("stripSaid: the user's own words earn nothing", () => {
  it.each([
    ['Nov 20 or nov 2, and Nov 2.', 'Nov 2', true, 'Nov 20 or  , and  .'],
    ['Nov 20 or nov 2, and Nov 2.', 'Nov 2', false, ' 0 or  , and  .'],
    ['C++ and c++x', 'c++', true, '  and c++x'],
    ['ID.me handles it', 'id.me', true, '  handles it'],
    ['nothing said', '', true, 'nothing said'],
    ['idme id.me', 'id.me', true, 'idme  '],
  ])('%j without %j (whole words: %s) -> %j', (text, said, whole, expected) => {
    expect(stripSaid(text, said, whole)).toBe(expected);
  });
});

describe('isMenu: did-you-mean and not-sure-I-understood menus', () => {
  it.each([
    ['Did you mean one of these?', true],
    ["I'm not sure I understood.", true],
    ['Im not sure what you meant', true],
    ['not sure that I follow', true],
    ['I am not sure I understood', true],
    ['did you meant', false],
    ["I'm not sure which date", false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(isMenu(text)).toBe(expected);
  });
});

describe('replyView: texts, suggested actions and card text, and the number of choices', () => {
  it('reads message texts, action titles (or values), every card text field, and counts choices', () => {
    const view = replyView([
      { type: 'typing' },
      {
        type: 'message',
        text: 'Pick one',
        suggestedActions: {
          actions: [
            { type: 'imBack', title: 'Yes', value: 'yes' },
            { type: 'imBack', value: 'No' },
          ],
        },
      },
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: { title: 'Help desk', text: '800', buttons: [{ type: 'imBack', title: 'Call', value: 'call' }] },
          },
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              speak: 'spoken',
              body: [{ type: 'TextBlock', text: 'Open now' }],
              actions: [{ type: 'Action.Submit', title: 'Remind me', data: { msteams: { text: 'remind' } } }],
            },
          },
        ],
      },
    ]);
    expect(view.text.split('\n')).toEqual([
      'Pick one',
      'Yes',
      'No',
      '800',
      'Help desk',
      'Call',
      'call',
      'spoken',
      'Open now',
      'Remind me',
      'remind',
    ]);
    expect(view.choices).toBe(4);
  });

  it('writes a title-less action with an object value as Python would print it', () => {
    const view = replyView([
      { type: 'message', suggestedActions: { actions: [{ value: { action: 'none', n: 1, ok: true } }] } },
    ]);
    expect(view).toEqual({ text: "{'action': 'none', 'n': 1, 'ok': True}", choices: 1 });
  });
});
