import { z } from 'zod';
import type { ChoiceValue } from './reply';

/** Content ids (articles), as the content schema writes them. */
const contentId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const choiceValueSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('article'), id: z.string().max(100) }),
  z.object({ action: z.literal('none-of-these') }),
  z.object({ action: z.literal('helpdesk') }),
  z.object({ action: z.literal('start-flow'), id: z.string().max(100) }),
  z.object({ action: z.literal('stop-flow') }),
  z.object({
    action: z.literal('flow-answer'),
    flowId: z.string().max(100),
    nodeId: z.string().max(100),
    choiceId: z.string().max(100),
  }),
  // Feedback and ratings are kept as analytics: only exactly the shape the bot sends gets in.
  z
    .object({
      action: z.literal('feedback'),
      articleId: contentId,
      answer: z
        .string()
        .max(12)
        .regex(/^[a-z0-9]+$/),
      helpful: z.boolean(),
    })
    .strict(),
  z.object({ action: z.literal('rating'), rating: z.number().int().min(1).max(5) }).strict(),
]);

/**
 * Reads a clicked button's value from an activity. Anything else (garbage from a hostile
 * client, an old card) gives undefined, and the message is read as text instead.
 */
export function parseChoiceValue(value: unknown): ChoiceValue | undefined {
  const result = choiceValueSchema.safeParse(withoutTeamsFields(value));
  return result.success ? result.data : undefined;
}

/**
 * Teams sends a card button's data back with the `msteams` part the bot put there (the Agents
 * Playground adds an `msTeams` copy): not part of the value.
 */
function withoutTeamsFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!Object.hasOwn(value, 'msteams') && !Object.hasOwn(value, 'msTeams')) return value;
  const { msteams: _teams, msTeams: _playground, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * A value that says it is feedback or a rating but is not one the bot sent (a rating of 7, an
 * answer token of another shape, extra fields): it is neither kept nor read as text, since the
 * label that came with it ("Not helpful", "4") is no question.
 */
export function claimsFeedback(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const action: unknown = (value as { action?: unknown }).action;
  return action === 'feedback' || action === 'rating';
}
