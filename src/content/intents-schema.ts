import { z } from 'zod';
import { contentId } from './schemas';

/** Buttons an intent's reply offers. */
export const INTENT_OFFERS = ['topics', 'helpdesk', 'troubleshoot', 'related', 'none'] as const;

/**
 * knowledge/intents.yaml: what people say around their questions (greetings, thanks, "are you a
 * bot?", frustration, "that didn't help"), how to recognise it and what to say back.
 */
export const intentsSchema = z
  .object({
    version: z.number().int().positive(),
    intents: z
      .array(
        z
          .object({
            id: contentId,
            /** Whole messages that are this intent. */
            phrases: z.array(z.string().min(1)).default([]),
            /** Word sequences that mark it anywhere ("*" is one word, whichever it is). */
            cues: z.array(z.string().min(1)).default([]),
            /**
             * Single words that mark it in a short message the knowledge base has no clear answer
             * for ("much obliged", "arigato, goodbye"): people's own words for it are many.
             */
            words: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
            /** Its words mark it only among a message's first words: "morning, quick one", not "ate my morning". */
            wordsLead: z.boolean().default(false),
            reply: z.string().min(3),
            offer: z.enum(INTENT_OFFERS).default('none'),
            /** Says that something helped: "that didn't help" counts start again. */
            helped: z.boolean().default(false),
            /** Said beside thanks, the thanks is what is said ("legend, that sorts my whole morning out thx"). */
            givesWayToThanks: z.boolean().default(false),
            /** Ends a troubleshooting flow under way ("bye", "that's all"). */
            endsFlow: z.boolean().default(false),
            /** Asks whether a person is answering: person words in it ("a real person?") don't ask for one. */
            aboutPerson: z.boolean().default(false),
            /** Is itself the question ("who runs this chat?"): it wins over every answer short of a certain one. */
            asks: z.boolean().default(false),
            /** A message of filler words alone ("ok", "cool, noted") is this intent. */
            fillersOnly: z.boolean().default(false),
            /** Said before the answer to a question in the same message; without it the question is answered alone. */
            aside: z.string().min(3).optional(),
          })
          .strict()
          .refine((intent) => intent.phrases.length + intent.cues.length > 0, { message: 'needs phrases or cues' }),
      )
      .min(1)
      .refine((intents) => intents.filter((intent) => intent.fillersOnly).length <= 1, {
        message: 'at most one intent may be fillersOnly',
      }),
  })
  .strict();

export type Intents = z.infer<typeof intentsSchema>;
export type Intent = Intents['intents'][number];
