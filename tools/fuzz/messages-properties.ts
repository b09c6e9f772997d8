import fc from 'fast-check';
import { replyText } from '../bot-client';
import { envelopeIsCarriable } from './activity-validity';
import { isPlainObject, type MutableActivity } from './arbitraries';
import { NORMAL_QUESTION, normalAnswerSentence, postActivity, userActivity } from './bot-turns';
import { afterRequestProblems, FuzzFailure, isClientError, isSuccess, statusProblem, type HttpEnv } from './oracles';

import { messagesRequestArb, type MessagesRequest } from './messages-requests';

/** Property: whatever is POSTed to /api/messages, the server answers it sensibly and stays well. */
export function messagesProperty(env: HttpEnv): fc.IAsyncPropertyWithHooks<[MessagesRequest]> {
  return fc.asyncProperty(messagesRequestArb(env.app, env.options), async (generated) => {
    const answer = await env.app.request(generated.request);
    const problems: string[] = [];
    const accept = {
      ok: isSuccess,
      'client-error': isClientError,
      'too-large': (status: number) => status === 413,
      any: (status: number) => status < 500,
    }[generated.expect];
    problems.push(...statusProblem(generated.label, answer, accept, generated.expect));
    problems.push(...(await sameConversationProblems(env, generated.activity)));
    problems.push(...(await afterRequestProblems(env)));
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}

/**
 * The conversation the activity named (when it named one the server could take) still answers
 * a normal question from the same user: whatever the activity did, it did not break the next turn.
 */
async function sameConversationProblems(env: HttpEnv, activity: MutableActivity | undefined): Promise<string[]> {
  if (!activity) return [];
  const { conversation, channelId, from } = activity;
  if (
    !isPlainObject(conversation) ||
    typeof conversation.id !== 'string' ||
    conversation.id.length === 0 ||
    conversation.id.length > 1000
  )
    return [];
  if (typeof channelId !== 'string' || channelId.length === 0 || channelId.length > 100) return [];
  const user =
    isPlainObject(from) && typeof from.id === 'string' && from.id.length > 0 && from.id.length <= 1000
      ? { id: from.id }
      : { id: 'fuzz-user' };
  const followUp = userActivity(conversation.id, NORMAL_QUESTION, { channelId, from: user });
  // A conversation the envelope rules refuse (control characters in its ids) has no next turn.
  if (!envelopeIsCarriable(followUp)) return [];
  const { answer, replies } = await postActivity(env.app, followUp);
  const sentence = normalAnswerSentence(env.app.content);
  if (answer.status !== 200)
    return [
      `the next turn in the same conversation answered ${answer.status} ${answer.error ?? answer.body.slice(0, 200)}`,
    ];
  if (!replyText(replies).includes(sentence))
    return [
      'the next turn in the same conversation did not get its answer: ' +
        JSON.stringify(replyText(replies).slice(0, 300)),
    ];
  return [];
}
