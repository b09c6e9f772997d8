import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith } from '../../support/talking';

/**
 * An answer with a verdict (article `verdict`) opens with the yes or the no that fits the question
 * as it was asked: "No." to "is Secure Access still used?", "Yes." to "is ID.me mandatory now?";
 * a question asking what or how, or offering two ways, gets the answer without one.
 */
const content = realContent();
const say = sayerWith(realPolicyDeps({ keepTranscript: false }));

function opening(plan: TurnPlan, articleId: string): string {
  const answer = content.articles.get(articleId)!.answer.trim();
  const part = plan.replies.find((reply) => reply.text?.includes(answer.slice(0, 40)));
  if (!part?.text) throw new Error(`no answer from ${articleId}`);
  // What stands right before the answer, on its line (a then-and-now note may come first).
  return (
    part.text
      .slice(0, part.text.indexOf(answer.slice(0, 40)))
      .split('\n')
      .pop() ?? ''
  ).trim();
}

const verdict = (articleId: string) => content.articles.get(articleId)!.verdict!;

describe('the yes or the no that fits the question', () => {
  it.each([
    ['is secure access still a thing?', 'id-me-change', 'asked'],
    ['is ID.me mandatory for e-services now?', 'id-me-change', 'turned'],
    ['has the process changed since 2017?', 'id-me-change', 'turned'],
    ['is it optional to re-register?', 'who-must-register', 'turned'],
    ['do TIN matching users have to register?', 'tin-matching-users', 'asked'],
    ['landline ok?', 'virtual-phone-or-landline', 'asked'],
  ] as const)("%p gets %s's %s verdict first", (text, articleId, way) => {
    expect(opening(say(text), articleId)).toBe(verdict(articleId)[way]);
  });

  it('a question read to an answer by a detail word gets no verdict: "should I include dashes?"', () => {
    const article = content.articles.get('student-loan-nelnet')!;
    const opened = `${article.verdict!.asked} ${article.answer.trim().slice(0, 30)}`;
    expect(say('should I include dashes?').replies.some((part) => part.text?.includes(opened))).toBe(false);
  });

  it.each([
    ["I'm confused, is it Secure Access or ID.me?", 'id-me-change'],
    ['is ID.me still required?', 'id-me-change'],
    ["what's TIN matching?", 'tin-matching-users'],
  ])('%p gets the answer without one', (text, articleId) => {
    expect(opening(say(text), articleId)).toBe('');
  });
});
