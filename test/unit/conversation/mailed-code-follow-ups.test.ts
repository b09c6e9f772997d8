import { fillTemplate } from '../../../src/content/fill-template';
import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { mailedCodeDue } from '../../../src/flows/computations';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * Follow-ups after the answer about how long the mailed code takes, over the real content (the
 * clock is Tuesday 2026-11-24): a wait told by its length dates the request; asking for a text
 * instead asks what phone the texted code needs.
 */
const texts = realContent().texts;
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const mailed = 'how long does the mailed activation code take';
const TODAY = '2026-11-24';
const values = (due: { requestedOnText: string; dueDateText: string }) => ({
  requestedOnText: due.requestedOnText,
  dueDateText: due.dueDateText,
});
const said = (plan: TurnPlan) => plan.replies.map((part) => part.text ?? '').join('\n');

describe('a wait told by its length', () => {
  it('"it\'s been 3 weeks": late, counted from three weeks ago', () => {
    const plan = conversation(mailed, "it's been 3 weeks");
    const due = mailedCodeDue('2026-11-03', TODAY);
    expect(plan.decision).toBe('mailed-code');
    expect(said(plan)).toContain(fillTemplate(texts.mailedCodeLate, values(due)));
    expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(true);
  });

  it('"been waiting 12 days": not late yet, its due date', () => {
    const plan = conversation(mailed, 'been waiting 12 days');
    const due = mailedCodeDue('2026-11-12', TODAY);
    expect(due.overdue).toBe(false);
    expect(said(plan)).toContain(fillTemplate(texts.mailedCodeOnTheWay, values(due)));
  });

  it('"over a month" counts months', () => {
    const due = mailedCodeDue('2026-10-24', TODAY);
    expect(said(conversation(mailed, "it's been over a month"))).toContain(
      fillTemplate(texts.mailedCodeLate, values(due)),
    );
  });

  it.each(['its been 3 wks', 'so its been 3 weeks, is that normal?', 'its been about 2 weeks, should i call?'])(
    '%p is a wait told by its length too',
    (text) => {
      expect(conversation(mailed, text).decision).toBe('mailed-code');
    },
  );

  it.each([
    "it's been 2 weeks since i changed my phone number, does that matter",
    "got the letter today, it's been 2 weeks. what now?",
    "it's been 3 weeks for the text code",
    'its been 3 weeks since I moved, which address will they mail it to',
    "it's been 6 months since I last logged in, will my password still work",
  ])('%p says something else: no due date worked out from it', (text) => {
    expect(conversation(mailed, text).decision).not.toBe('mailed-code');
  });

  it('asked in the flow when it was requested, "its been 3 weeks" is that date', () => {
    const plan = conversation(
      'my secure access registration keeps failing',
      'no',
      'waiting on a mailed code',
      'its been 3 weeks',
    );
    expect(said(plan)).toContain(mailedCodeDue('2026-11-03', TODAY).dueDateText);
  });

  it('a length of something else, or away from the code, dates nothing', () => {
    expect(conversation(mailed, "it's been a pain honestly").decision).not.toBe('mailed-code');
    expect(conversation('what do i need to register', "it's been 3 weeks since i started this").decision).not.toBe(
      'mailed-code',
    );
  });
});

describe('asking for a text instead of the letter', () => {
  it.each(['what about by text instead?', 'can they just text it to me', 'any faster option?'])(
    '%p gets what phone the texted code needs',
    (text) => {
      expect(answered(conversation(mailed, text))).toEqual(['mobile-phone-requirements']);
    },
  );
});

describe('a date or "what now" said alone after the answer', () => {
  it('"nov 20th i think" is when it was asked for too', () => {
    expect(said(conversation(mailed, 'nov 20th i think'))).toContain(mailedCodeDue('2026-11-20', TODAY).dueDateText);
  });

  it('"nov 20" is when it was asked for: its due date', () => {
    const plan = conversation(mailed, 'nov 20');
    expect(said(plan)).toContain(mailedCodeDue('2026-11-20', TODAY).dueDateText);
  });

  it('"its been like 3 weeks now" is a wait told by its length too: late', () => {
    const plan = conversation(mailed, 'i never got one', 'its been like 3 weeks now');
    expect(said(plan)).toContain(fillTemplate(texts.mailedCodeLate, values(mailedCodeDue('2026-11-03', TODAY))));
  });

  it.each(['so what now', 'ok what do i do now?', 'now what'])(
    '%p from someone still without the code: what to do while it is late, and the card',
    (text) => {
      const plan = conversation(mailed, text);
      expect(said(plan)).toContain(texts.mailedCodeIfLateUndated);
      expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(true);
    },
  );

  it('"got it today, what now" tells news first: no due date, no late code', () => {
    const plan = conversation(mailed, 'got it today, what now');
    expect(said(plan)).not.toContain(texts.mailedCodeIfLateUndated);
    expect(said(plan)).not.toContain(mailedCodeDue(TODAY, TODAY).dueDateText);
  });

  it.each(['came yesterday', 'arrived friday', 'here today', 'came nov 19!', 'due dec 4'])(
    '%p is news of the code or its due day, no request date: no due date worked out',
    (text) => {
      expect(conversation(mailed, text).decision).not.toBe('mailed-code');
    },
  );

  it.each(['then what?', 'what happens next?', 'ok what comes next'])(
    "%p asks what comes once it arrives: the letter's answer, not a late code",
    (text) => {
      const plan = conversation(mailed, text);
      expect(answered(plan)).toEqual(['activation-letter-arrived']);
      expect(said(plan)).not.toContain(texts.mailedCodeIfLateUndated);
    },
  );
});

describe('whether the code is late, asked after its dates', () => {
  const told = 'I asked for my mailed code on Nov 11';
  const due = mailedCodeDue('2026-11-11', TODAY);

  it.each(['so is it late?', 'does that count Thanksgiving?', 'is it overdue yet'])(
    '%p before it is due: its dates, on its way (not what to do if late)',
    (text) => {
      expect(due.overdue).toBe(false);
      const plan = conversation(told, text);
      expect(said(plan)).toContain(fillTemplate(texts.mailedCodeOnTheWay, values(due)));
      expect(said(plan)).not.toContain(fillTemplate(texts.mailedCodeIfLate, values(due)));
    },
  );

  it('"is it late?" after it was due: late, with the card', () => {
    const late = mailedCodeDue('2026-11-02', TODAY);
    const plan = conversation('I asked for my mailed code on Nov 2', 'is it late?');
    expect(said(plan)).toContain(fillTemplate(texts.mailedCodeLate, values(late)));
    expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(true);
  });
});

describe('the request date told as "I asked on…" after the answer', () => {
  it('"I asked on Friday Nov 20" dates the request', () => {
    const plan = conversation(mailed, 'I asked on Friday Nov 20');
    const due = mailedCodeDue('2026-11-20', TODAY);
    expect(said(plan)).toContain(due.dueDateText);
  });
});
