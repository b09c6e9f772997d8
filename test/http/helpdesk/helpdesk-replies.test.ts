import { DateTime } from 'luxon';
import type { LocalBot } from '../../support/local-service';
import { Conversation, startBot } from '../../support/local-bot';

/** A bot whose clock reads the given Eastern wall time. */
async function botAt(easternIso: string, variables: Record<string, string> = {}): Promise<LocalBot> {
  return startBot({ clock: () => DateTime.fromISO(easternIso, { zone: 'America/New_York' }), variables });
}

describe('help-desk answers over HTTP with the live state', () => {
  const bots: LocalBot[] = [];
  afterAll(async () => Promise.all(bots.map((bot) => bot.stop())));
  const start = async (iso: string, variables: Record<string, string> = {}) => {
    const bot = await botAt(iso, variables);
    bots.push(bot);
    return bot;
  };

  it("open: says so, with the number, the hours in Eastern and the user's local closing time", async () => {
    const bot = await start('2026-11-24T10:00'); // a Tuesday
    const reply = await new Conversation(bot, { localTimezone: 'America/Los_Angeles' }).say(
      'is the help desk open now?',
    );
    expect(reply).toContain(bot.content.helpdesk.number);
    expect(reply).toMatch(/open now/i);
    expect(reply).toContain('7:00 p.m. ET (4:00 p.m. your time)');
    expect(reply).toMatch(/7:30 a\.m\./);
  });

  it("closed at night: says when it opens, in Eastern and in the user's time", async () => {
    const bot = await start('2026-11-24T21:00');
    const reply = await new Conversation(bot, { localTimezone: 'America/Chicago' }).say('can I call them now?');
    expect(reply).toMatch(/closed/i);
    expect(reply).toContain('Wednesday, Nov 25 at 7:30 a.m. ET (6:30 a.m. your time)');
  });

  it('closed for a federal holiday: names it', async () => {
    const bot = await start('2026-11-26T12:00'); // Thanksgiving
    const reply = await new Conversation(bot, { localTimezone: 'America/Denver' }).say('are they open today?');
    expect(reply).toContain(bot.content.helpdesk.holidays['thanksgiving-day']);
    expect(reply).toContain('Friday, Nov 27 at 7:30 a.m. ET (5:30 a.m. your time)');
  });

  it('weekend: the next opening is Monday', async () => {
    const bot = await start('2026-11-28T12:00'); // a Saturday
    const reply = await new Conversation(bot).say('are they open on saturday?');
    expect(reply).toContain('Monday, Nov 30 at 7:30 a.m. ET');
  });

  it('an unknown zone falls back to Eastern only, without an error', async () => {
    const bot = await start('2026-11-24T10:00');
    const reply = await new Conversation(bot, { localTimezone: 'Mars/Olympus_Mons' }).say('when do they close?');
    expect(reply).toContain('7:00 p.m. ET');
    expect(reply).not.toContain('your time');
  });

  it('the user can say where they are, and the bot remembers it', async () => {
    const bot = await start('2026-11-24T10:00');
    const chat = new Conversation(bot);
    const ack = await chat.say("I'm in Phoenix");
    expect(ack).toContain('America/Phoenix');
    const reply = await chat.say("what's the number for the help desk?");
    expect(reply).toContain('7:00 p.m. ET (5:00 p.m. your time)');
  });

  it('the handoff event is sent with a summary and transcript when enabled; the user sees no difference', async () => {
    const withEvents = await start('2026-11-24T10:00', { HANDOFF_EVENTS: 'true' });
    const without = await start('2026-11-24T10:00');
    const a = new Conversation(withEvents, { localTimezone: 'America/Chicago' });
    const b = new Conversation(without, { localTimezone: 'America/Chicago' });
    for (const chat of [a, b]) {
      await chat.say('what do I need to register?');
      await chat.say('talk to a person');
    }
    const event = a.last.find((activity) => activity.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    const value = event?.value as { summary: string; userZone: string };
    expect(value.summary.length).toBeGreaterThan(0);
    expect(value.userZone).toBe('America/Chicago');
    const transcript = (event?.attachments?.[0]?.content as { activities: Array<{ text: string }> }).activities;
    expect(transcript.map((activity) => activity.text)).toContain('what do I need to register?');
    expect(b.last.some((activity) => activity.type === 'event')).toBe(false);
    const visible = (chat: Conversation) => chat.last.filter((activity) => activity.type === 'message');
    expect(JSON.stringify(visible(a).map((m) => [m.text, m.attachments]))).toBe(
      JSON.stringify(visible(b).map((m) => [m.text, m.attachments])),
    );
  });
});
