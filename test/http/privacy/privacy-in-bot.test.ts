import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import type { LocalBot } from '../../support/local-service';
import { createLogger } from '../../../src/logger';
import { Conversation, startBot } from '../../support/local-bot';
import { PASTED_NUMBERS } from '../../support/pasted-numbers';

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
