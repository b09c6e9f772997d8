import { fillTemplate } from '../../../src/content/fill-template';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith } from '../../support/talking';

/**
 * A short reply about the topic just answered that nothing answers is said about that topic, not
 * declined as if nothing had been said before; what is out of scope is still declined. Real
 * content; Tuesday 2026-11-24, 10:00 Eastern.
 */

const content = realContent();
const texts = content.texts;
const say = sayerWith(realPolicyDeps({ keepTranscript: false }));

describe('a reply about the topic that nothing answers', () => {
  it('"don\'t have it, shredded it" after the suspended-account answer names that topic and offers the desk', () => {
    const answer = say('tried logging into e-services after years away and it says my account is suspended');
    const topic = answer.conversation.session.topic;
    expect(topic?.kind).toBe('article');
    const title = content.articles.get(topic?.kind === 'article' ? topic.id : '')?.title ?? '';
    const plan = say("don't have it, shredded it during an office cleanout", next(answer));
    expect(plan.decision).toBe('decline');
    expect(plan.replies[0].text).toBe(fillTemplate(texts.unclearFollowUp, { title }));
    expect(plan.replies[0].choices?.some((choice) => choice.value.action === 'helpdesk')).toBe(true);
  });

  it('"then what" after an answer asks what comes next about that topic: not a decline as if nothing was said', () => {
    const answer = say('how many password attempts should I make');
    const topic = answer.conversation.session.topic;
    const title = content.articles.get(topic?.kind === 'article' ? topic.id : '')?.title ?? '';
    expect(say('then what', next(answer)).replies[0].text).toBe(fillTemplate(texts.unclearFollowUp, { title }));
    expect(say('then what').replies[0].text).toContain(texts.fallback);
  });

  it('with no topic, the same words get the usual decline', () => {
    const plan = say("don't have it, shredded it during an office cleanout");
    expect(plan.replies[0].text).toContain(texts.fallback);
  });

  it('a question out of scope after an answer is still declined', () => {
    const answer = say('how long does the mailed activation code take?');
    const plan = say('ok and what is the mileage rate for it this year', next(answer));
    expect(plan.replies[0].text).toContain(texts.fallback);
  });
});
