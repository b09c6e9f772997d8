import { removeBotMention, type EntityLike } from '../../../src/channels/teams/mentions';

const BOT = '28:00000000-0000-0000-0000-0000000000b0';
const mention = (id: string, name: string, text = `<at>${name}</at>`): EntityLike => ({
  type: 'mention',
  mentioned: { id, name },
  text,
});
const bot = mention(BOT, 'SupportBot');
const priya = mention('29:1pXq7RkT3vYw', 'Priya Raman');
const clientInfo = { type: 'clientInfo', locale: 'en-US', country: 'US' };

describe('removeBotMention', () => {
  it.each<[string, string | undefined, EntityLike[] | undefined, string]>([
    [
      'mention at the start',
      '<at>SupportBot</at> how long does the mailed code take?',
      [bot, clientInfo],
      'how long does the mailed code take?',
    ],
    ['mention in the middle', 'hey <at>SupportBot</at> is the help desk open?', [bot], 'hey is the help desk open?'],
    ['mention at the end', 'is the help desk open? <at>SupportBot</at>', [bot], 'is the help desk open?'],
    ['only the mention', '<at>SupportBot</at>', [bot], ''],
    [
      "the bot's name also typed as text",
      '<at>SupportBot</at> @SupportBot my registration is broken',
      [bot],
      'my registration is broken',
    ],
    ["the bot's name typed with a comma", '<at>SupportBot</at> @supportbot, what do I need?', [bot], 'what do I need?'],
    [
      'a name typed at the start is whom it is for',
      '<at>SupportBot</at> @TaxBot what do I need?',
      [bot],
      'what do I need?',
    ],
    ['a name typed later stays', '<at>SupportBot</at> cc @Priya, what do I need?', [bot], 'cc @Priya, what do I need?'],
    ['the bot mentioned twice', '<at>SupportBot</at> reset <at>SupportBot</at>', [bot, bot], 'reset'],
    ['a name with spaces', '<at>Support Bot</at> what do I need?', [mention(BOT, 'Support Bot')], 'what do I need?'],
    [
      'the bot id in another case',
      '<at>SupportBot</at> register',
      [mention(BOT.toUpperCase(), 'SupportBot')],
      'register',
    ],
    [
      "another person's mention stays, as their name",
      '<at>SupportBot</at> what does <at>Priya Raman</at> need?',
      [bot, priya, clientInfo],
      'what does Priya Raman need?',
    ],
    [
      'only other people mentioned',
      '<at>Priya Raman</at> can you ask the bot?',
      [priya],
      'Priya Raman can you ask the bot?',
    ],
    [
      'no entities: a mention opening the message says whom it is for; others are kept as names',
      '<at>Support Bot</at> help desk hours for <at>Priya Raman</at>?',
      undefined,
      'help desk hours for Priya Raman?',
    ],
    ['no entities and no mention', '  what do I need?  ', [], 'what do I need?'],
    [
      'HTML escaping in the rest of the text',
      '<at>SupportBot</at> Q&amp;A: is 2FA &lt;required&gt;?',
      [bot],
      'Q&A: is 2FA <required>?',
    ],
    ['a non-breaking space after the mention', '<at>SupportBot</at>&nbsp;reset', [bot], 'reset'],
    [
      'an escaped name, escaped differently in the entity',
      '<at>O&#39;Brien Support</at> register',
      [mention(BOT, "O'Brien Support", '<at>O&apos;Brien Support</at>')],
      'register',
    ],
    [
      'an escaped name of another person is decoded',
      '<at>SupportBot</at> ask <at>Smith &amp; Co</at>',
      [bot, mention('29:abc', 'Smith & Co', '<at>Smith &amp; Co</at>')],
      'ask Smith & Co',
    ],
    ['a comma after the mention', '<at>SupportBot</at>, what do I need?', [bot], 'what do I need?'],
    ['a question mark after the mention', 'are you there <at>SupportBot</at>?', [bot], 'are you there?'],
    ['no text (a card submit)', undefined, [clientInfo], ''],
    [
      'a mention entity without text falls back to the name',
      '<at>SupportBot</at> reset',
      [{ type: 'mention', mentioned: { id: BOT, name: 'SupportBot' } }],
      'reset',
    ],
    ['line breaks are kept', '<at>SupportBot</at> line one\nline two', [bot], 'line one\nline two'],
  ])('%s', (_name, text, entities, expected) => {
    expect(removeBotMention(text, entities, BOT)).toBe(expected);
  });

  it('does not remove a person who shares no id with the bot, even with the same tag text elsewhere', () => {
    const text = '<at>Dana</at> and <at>SupportBot</at> reset';
    expect(removeBotMention(text, [mention('29:dana', 'Dana'), bot], BOT)).toBe('Dana and reset');
  });
});
