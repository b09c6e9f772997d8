import { z } from 'zod';
import type { Texts } from '../../src/content/texts-schema';

export const evalSetSchema = z.object({
  version: z.number().optional(),
  cases: z
    .array(
      z.object({
        say: z.string(),
        kind: z.enum(['answer', 'flow', 'handoff', 'decline']),
        facts: z.array(z.string()).optional(),
        open_now: z.literal('check').optional(),
      }),
    )
    .min(1),
});

export type EvalSet = z.infer<typeof evalSetSchema>;
export type EvalCase = EvalSet['cases'][number];

/** What the bot sent back for one case, reduced to what grading needs. */
export interface CaseReply {
  readonly text: string;
  readonly choiceCount: number;
}

export interface GradeContext {
  readonly texts: Texts;
  readonly helpdeskNumber: string;
  /** Whether the help desk is open at the moment the case was asked. */
  readonly deskOpen: boolean;
}

/** Grades one case. Returns the reasons it failed; an empty list is a pass. */
export function gradeCase(testCase: EvalCase, reply: CaseReply, context: GradeContext): string[] {
  const problems: string[] = [];
  const text = reply.text;
  const declined =
    text.includes(firstSentence(context.texts.fallback)) ||
    text.includes(firstSentence(context.texts.fallbackRepeated));
  for (const fact of testCase.facts ?? []) {
    if (!new RegExp(fact, 'i').test(text)) problems.push(`missing fact /${fact}/`);
  }
  switch (testCase.kind) {
    case 'answer':
      if (declined) problems.push('declined instead of answering');
      break;
    case 'flow':
      if (!/\?/.test(text)) problems.push('asks no question');
      if (reply.choiceCount < 2) problems.push(`offers ${reply.choiceCount} choices, not 2 or more`);
      break;
    case 'handoff': {
      const digits = context.helpdeskNumber.replace(/\D/g, '').replace(/^1/, '');
      if (!text.replace(/\D/g, '').includes(digits)) problems.push('no help-desk number');
      if (!/7:30/.test(text) || !/7(:00)?\s*p\.?m\.?/i.test(text) || !/(eastern|\bET\b)/i.test(text)) {
        problems.push('no hours in Eastern time');
      }
      if (testCase.open_now === 'check') {
        const saysOpen = /(open now|currently open)/i.test(text);
        const saysClosed = /closed/i.test(text) && /opens/i.test(text);
        if (context.deskOpen && !saysOpen) problems.push('desk is open but the reply does not say so');
        if (!context.deskOpen && !saysClosed)
          problems.push('desk is closed but the reply does not say so and when it opens');
      }
      break;
    }
    case 'decline':
      if (!declined) problems.push('did not say plainly that it has no answer');
      break;
  }
  return problems;
}

function firstSentence(text: string): string {
  return text.split(/(?<=\.)\s/)[0].trim();
}
