import { z } from 'zod';
import type { ChoiceValue } from './reply';

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
]);

/**
 * Reads a clicked button's value from an activity. Anything else (garbage from a hostile
 * client, an old card) gives undefined, and the message is read as text instead.
 */
export function parseChoiceValue(value: unknown): ChoiceValue | undefined {
  const result = choiceValueSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
