import type { LocalBot } from '../../support/local-service';
import { Conversation, startBot } from '../../support/local-bot';
import { intentText } from '../../support/content';
import { defaultRoutePolicy } from '../../../src/matching/router';

let bot: LocalBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.stop());

const texts = () => bot.content.texts;
const article = (id: string) => {
  const found = bot.content.articles.get(id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
};
const firstLine = (text: string) => text.trim().split('\n')[0].slice(0, 60);

describe('welcome', () => {
  it('greets once on webchat/join with the top questions as buttons', async () => {
    const chat = new Conversation(bot);
    const reply = await chat.join();
    expect(reply).toContain(texts().welcome);
    const titles = chat.choices().map((choice) => choice.title);
    expect(titles.length).toBeGreaterThanOrEqual(4);
    expect(titles.length).toBeLessThanOrEqual(6);
    expect(titles).toEqual(texts().welcomeTopArticles.map((id) => article(id).label));
    expect(await chat.join()).toBe('');
  });

  it('greets a user added to the conversation, not the bot itself', async () => {
    const id = `members-${Date.now()}`;
    const base = {
      type: 'conversationUpdate',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1/',
      conversation: { id },
      recipient: { id: 'bot' },
      from: { id: 'u' },
    };
    const botOnly = await bot.send({ ...base, membersAdded: [{ id: 'bot', name: 'Bot' }] } as never);
    expect(botOnly).toHaveLength(0);
    const user = await bot.send({ ...base, membersAdded: [{ id: 'u', name: 'User' }] } as never);
    expect(user.map((activity) => activity.text).join(' ')).toContain(texts().welcome);
  });

  it('clicking a top question answers it', async () => {
    const chat = new Conversation(bot);
    await chat.join();
    const id = texts().welcomeTopArticles[0];
    const reply = await chat.click(article(id).label);
    expect(reply).toContain(firstLine(article(id).answer));
  });
});

describe('answers', () => {
  it('show each source with its own date, what has changed since, and related questions', async () => {
    const chat = new Conversation(bot);
    const reply = await chat.say('how long does it take for the activation code to come in the mail?');
    const answer = article('activation-code-by-mail');
    expect(reply).toContain(firstLine(answer.answer));
    for (const id of answer.sources) {
      const source = bot.content.sources.get(id)!;
      expect(reply).toContain(`${source.publisher}, ${source.date}`);
    }
    expect(reply).toContain(texts().thenAndNow.slice(0, 40));
    const related = chat.choices().map((choice) => choice.title);
    expect(related).toEqual(answer.followUps.map((id) => article(id).label));
  });

  it('the ID.me entry says the process has changed and is not marked historical', async () => {
    const chat = new Conversation(bot);
    const reply = await chat.say('do I still use secure access or is it id.me now?');
    expect(reply).toContain(firstLine(article('id-me-change').answer));
    expect(reply).not.toContain(texts().thenAndNow.slice(0, 40));
  });
});

describe('did you mean', () => {
  // The tuned router shows a menu only for genuinely close readings, which content changes move
  // around; a bot that treats every reading within reach as close shows the menu's mechanics.
  let menus: LocalBot;
  beforeAll(async () => {
    menus = await startBot({
      routePolicy: { ...defaultRoutePolicy, margin: 1, certainAbove: 1, suggestAbove: 0, answerNearTies: false },
    });
  });
  afterAll(() => menus.stop());

  it('offers close candidates and "none of these"; clicking one answers it', async () => {
    const chat = new Conversation(menus);
    const reply = await chat.say('code');
    expect(reply).toContain(texts().didYouMean);
    const choices = chat.choices();
    expect(choices.length).toBeGreaterThanOrEqual(3);
    expect(choices[choices.length - 1].title).toBe(texts().noneOfThese);
    const picked = choices[0].value as { id: string };
    const answered = await chat.click(choices[0].title);
    expect(answered).toContain(firstLine(article(picked.id).answer));
  });

  it('"none of these" asks for another wording', async () => {
    const chat = new Conversation(menus);
    await chat.say('code');
    expect(await chat.click(texts().noneOfThese)).toContain(texts().noneOfTheseReply);
  });

  it('the tuned bot answers the best reading of a one-word question instead', async () => {
    const chat = new Conversation(bot);
    const reply = await chat.say('code');
    expect(reply).not.toContain(texts().didYouMean);
    expect(reply).not.toContain(texts().fallback);
  });
});

describe('out of scope', () => {
  it.each([
    'what is the child tax credit this year',
    'can you do my taxes for me',
    'tell me a joke',
    'qwpoeiruty zxmcnv',
  ])('declines "%s" plainly and offers topics and the help desk', async (question) => {
    const chat = new Conversation(bot);
    const reply = await chat.say(question);
    expect(reply).toContain(texts().fallback);
    expect(chat.choices().map((choice) => choice.title)).toContain(texts().helpdeskButton);
  });

  it('after two misses in a row offers the help desk first', async () => {
    const chat = new Conversation(bot);
    await chat.say('what is the mileage rate for 2025');
    const second = await chat.say('how do I amend a return');
    expect(second).toContain(texts().fallbackRepeated);
    expect(chat.choices()[0].title).toBe(texts().helpdeskButton);
    const card = await chat.click(texts().helpdeskButton);
    expect(card).toContain(bot.content.helpdesk.number);
  });

  it('a good question resets the ladder', async () => {
    const chat = new Conversation(bot);
    await chat.say('what is the mileage rate for 2025');
    await chat.say('what do I need to register');
    expect(await chat.say('tell me a joke')).toContain(texts().fallback);
  });
});

describe('odd messages', () => {
  it('an empty message or attachment-only message gets a polite reply', async () => {
    const chat = new Conversation(bot);
    expect(await chat.say('   ')).toContain(texts().nonText);
  });

  it('an over-long message is refused politely', async () => {
    const chat = new Conversation(bot);
    expect(await chat.say('why '.repeat(400))).toContain(texts().tooLong.slice(0, 30));
  });

  it('a garbage button value is read as text, not trusted', async () => {
    const chat = new Conversation(bot);
    const reply = await chat.say('what do I need to register', { value: { action: 'article', id: { $gt: '' } } });
    expect(reply).toContain(firstLine(article('what-you-need').answer));
  });

  it('commands: help, thanks and talk to a person', async () => {
    const chat = new Conversation(bot);
    expect(await chat.say('help')).toContain(texts().help);
    expect(await chat.say('thank you!')).toContain(intentText('thanks'));
    expect(await chat.say('talk to a person')).toContain(bot.content.helpdesk.number);
  });
});
