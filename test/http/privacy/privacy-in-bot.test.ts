import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import type { LocalBot } from '../../support/local-service';
import { createLogger } from '../../../src/logger';
import { Conversation, startBot } from '../../support/local-bot';

const SSN = '123-45-6789';
const CARD = '4111 1111 1111 1111';
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  },
});

let bot: LocalBot;
const storage = new MemoryStorage();
beforeAll(async () => {
  bot = await startBot({ storage, logger: createLogger('debug', capture), variables: { HANDOFF_EVENTS: 'true' } });
});
afterAll(() => bot.stop());

describe('a message with an SSN and a card number', () => {
  let chat: Conversation;
  let reply: string;
  beforeAll(async () => {
    chat = new Conversation(bot);
    reply = await chat.say(`my ssn is ${SSN} and my card is ${CARD}, can I use a debit card to verify?`);
  });

  it('gets a warning and still a correct answer', () => {
    expect(reply).toContain(bot.content.texts.privacyWarning.slice(0, 40));
    const answer = bot.content.articles.get('cards-not-accepted')!.answer.trim().split('\n')[0].slice(0, 50);
    expect(reply).toContain(answer);
  });

  it('leaves the numbers out of every log line', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(SSN);
      expect(line.replace(/\D/g, '')).not.toContain('4111111111111111');
      expect(line.replace(/\D/g, '')).not.toContain('123456789');
    }
  });

  it('logs JSON with the conversation id and no message text at info level', () => {
    const turn = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === 'turn answered' && entry.conversationId === chat.id);
    expect(turn).toBeDefined();
    expect(JSON.stringify(turn)).not.toMatch(/debit/i);
  });

  it('keeps the transcript in state redacted', () => {
    const stored = JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory);
    expect(stored).toContain('[redacted ssn]');
    expect(stored).not.toContain(SSN);
    expect(stored.replace(/\D/g, '')).not.toContain('4111111111111111');
  });

  it('hands off with a redacted summary and transcript', async () => {
    await chat.say('talk to a person');
    const event = chat.last.find((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
    expect(event).toBeDefined();
    const serialized = JSON.stringify(event);
    expect(serialized).toContain('[redacted ssn]');
    expect(serialized).not.toContain(SSN);
    expect(serialized.replace(/\D/g, '')).not.toContain('4111111111111111');
    expect((event?.value as { userZone?: string }).userZone).toBeTruthy();
  });
});

/**
 * What people really paste: every format the security review of 2026-11-26 found slipping
 * through (21 of 36), beside the ones that were always caught. Each is sent in its own
 * conversation, then "talk to a person" with handoff events on.
 */
export const PASTED_NUMBERS: ReadonlyArray<readonly [string, string, string]> = [
  // [format, as pasted, the digits that must never be kept]
  ['SSN with dashes', '123-45-6789', '123456789'],
  ['SSN with spaces', '123 45 6789', '123456789'],
  ['SSN plain', '123456789', '123456789'],
  ['SSN with a tab', '123\t45\t6789', '123456789'],
  ['SSN with dots', '123.45.6789', '123456789'],
  ['SSN with en dashes', '123\u201345\u20136789', '123456789'],
  ['SSN with non-breaking hyphens', '123\u201145\u20116789', '123456789'],
  ['SSN with non-breaking spaces', '123\u00a045\u00a06789', '123456789'],
  ['SSN with slashes', '123/45/6789', '123456789'],
  ['SSN with underscores', '123_45_6789', '123456789'],
  ['SSN with double spaces', '123  45  6789', '123456789'],
  ['SSN glued to its label', 'SSN123456789', '123456789'],
  ['SSN glued to letters after', '123-45-6789abc', '123456789'],
  ['SSN as spaced digits', '1 2 3 4 5 6 7 8 9', '123456789'],
  ['SSN in fullwidth digits', '\uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19', '123456789'],
  ['SSN in Arabic-Indic digits', '\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669', '123456789'],
  ['ITIN', '912-70-1234', '912701234'],
  ['EIN with a dash', '12-3456789', '123456789'],
  ['EIN with a space', '12 3456789', '123456789'],
  ['EIN with a dot', '12.3456789', '123456789'],
  ['EIN with an en dash', '12\u20133456789', '123456789'],
  ['EIN glued to label and letter', 'EIN12-3456789x', '123456789'],
  ['PTIN', 'P01234567', '01234567'],
  ['PTIN with a dash', 'p-01234567', '01234567'],
  ['PTIN after its label', 'PTIN12345678', '12345678'],
  ['PTIN after other letters', 'myP12345678', '12345678'],
  ['card with spaces', '4111 1111 1111 1111', '4111111111111111'],
  ['card with dashes', '4111-1111-1111-1111', '4111111111111111'],
  ['card plain', '4111111111111111', '4111111111111111'],
  ['card with dots', '4111.1111.1111.1111', '4111111111111111'],
  ['card with slashes', '4111/1111/1111/1111', '4111111111111111'],
  ['card with non-breaking spaces', '4111\u00a01111\u00a01111\u00a01111', '4111111111111111'],
  ['card glued to its label', 'card4111111111111111', '4111111111111111'],
  ['Amex 4-6-5', '3782 822463 10005', '378282246310005'],
  ['Mastercard', '5555 5555 5555 4444', '5555555555554444'],
  ['SSN then card', '123-45-6789 4111 1111 1111 1111', '4111111111111111'],
];

describe.each(PASTED_NUMBERS)('a pasted number: %s', (_format, pasted, digits) => {
  // The digits in order, with at most a few other characters between each (any separator).
  const folded = (text: string) =>
    text.normalize('NFKC').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
  const keeps = (text: string) => new RegExp(digits.split('').join('[^0-9]{0,3}')).test(folded(text));

  it('warns the user, and no log line, state or handoff event keeps the number', async () => {
    const chat = new Conversation(bot);
    const logged = lines.length;
    const reply = await chat.say(`hi, my number is ${pasted} - can I use it to verify?`);
    expect(reply).toContain(bot.content.texts.privacyWarning.slice(0, 40));
    await chat.say('talk to a person');
    const event = chat.last.find((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
    expect(event).toBeDefined();
    expect(keeps(JSON.stringify(event))).toBe(false);
    const stored = JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory);
    expect(keeps(stored)).toBe(false);
    for (const line of lines.slice(logged)) expect(keeps(line)).toBe(false);
  });
});
