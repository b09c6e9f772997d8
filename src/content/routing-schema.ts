import { z } from 'zod';

const phrases = z.array(z.string().min(1)).min(1);

/** Routing content: problem cues and the short commands that work at any point. */
export const routingSchema = z
  .object({
    version: z.number().int().positive(),
    /** Word sequences ("can not", "keeps failing", "locked out") that mark a problem report. */
    problemCues: z.array(z.string().min(2)).min(1),
    /** Whole messages that are commands rather than questions (compared without punctuation). */
    commands: z
      .object({
        help: phrases,
        greeting: phrases,
        thanks: phrases,
        helpdesk: phrases,
        restart: phrases,
        /** Forget the whole conversation (Teams one-to-one chats never get a new one). */
        reset: phrases,
        cancel: phrases,
      })
      .strict(),
    /** Words that may come before a command and leave it a command ("please start over"). */
    politeWords: z.array(z.string().min(1)).default([]),
    /** How people answer Yes/No questions, and "did that solve it?", in their own words. */
    answers: z.object({ yes: phrases, no: phrases, solved: phrases, stillStuck: phrases }).strict(),
    /** Words for picking a button by its place ("the second one", "option 3", "last"). */
    positions: z
      .object({
        words: z.record(z.string().min(1), z.number().int().positive()),
        last: phrases,
        before: z.array(z.string().min(1)),
        after: z.array(z.string().min(1)),
      })
      .strict(),
    /** First words that make a message a question of its own. */
    questionStarters: phrases,
    /** Phrases ("*" is any one word) that mark a message as the user saying where they are. */
    zoneCues: phrases,
  })
  .strict();

export type Routing = z.infer<typeof routingSchema>;
export type CommandName = keyof Routing['commands'];
