import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith } from '../../support/talking';

/**
 * The same answer reached by questions asked either way round ("can I register without a cell
 * phone?" and "is a mobile phone required?"): it must not open with a bare "No" or "Yes", which
 * would contradict one of them. Over the real content.
 */
const content = realContent();
const say = sayerWith(realPolicyDeps({ keepTranscript: false }));
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];

describe('an answer asked either way round', () => {
  it.each([
    ['no-mobile-phone', 'can I register without a cell phone?', 'is a mobile phone required'],
    ['personal-not-firm-credentials', 'can our firm share one login', 'does it have to be my personal card'],
    [
      'stop-after-mail-request',
      'should i keep trying while i wait for the letter',
      'so do I just wait for the letter now?',
    ],
    ['new-mobile-number', 'will my new cell number work for the text?', "my new mobile number won't validate"],
    [
      'financial-data-not-kept',
      'does the irs keep my card number',
      'why does the irs need my credit card number anyway',
    ],
  ])('%s opens in words true for both', (articleId, oneWay, otherWay) => {
    expect(answered(say(oneWay))).toEqual([articleId]);
    expect(answered(say(otherWay))).toEqual([articleId]);
    expect(content.articles.get(articleId)?.answer).not.toMatch(/^(no|yes|possibly not)\b/i);
  });

  it('a Nelnet loan hears the exception at once', () => {
    const answer = content.articles.get('student-loan-nelnet')?.answer ?? '';
    expect(answer.slice(0, answer.indexOf('.'))).toMatch(/Nelnet/);
  });

  it.each([
    ['will they check my credit', 'soft-inquiry-credit-report'],
    ['what info do they verify', 'what-you-need'],
    ['sweet. full mortgage number or last 8', 'financial-accounts-accepted'],
  ])('%p is not answered with whether the IRS keeps the number (%s)', (question, articleId) => {
    expect(answered(say(question))).toEqual([articleId]);
  });
});
