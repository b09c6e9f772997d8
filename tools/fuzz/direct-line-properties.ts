import fc from 'fast-check';
import { NORMAL_QUESTION, normalAnswerSentence } from './bot-turns';
import { getDirectLine, grantsAccess, postDirectLine, type DirectLineFixture } from './direct-line-fixture';
import { directLineRequestArb, type DirectLineRequest } from './direct-line-requests';
import { afterRequestProblems, FuzzFailure, isSuccess, type HttpEnv } from './oracles';

/** Property: whatever is sent to the Direct Line routes, no 5xx, no leaks, and conversations keep working. */
export function directLineProperty(
  env: HttpEnv,
  fixture: DirectLineFixture,
): fc.IAsyncPropertyWithHooks<[DirectLineRequest]> {
  const sentence = normalAnswerSentence(env.app.content);
  return fc.asyncProperty(directLineRequestArb(env.app, fixture, env.options), async (generated) => {
    const answer = await env.app.request(generated.request);
    const problems: string[] = [];
    const { token, target, route: routeName } = generated;
    const label = generated.label;
    if (answer.status === -1) problems.push(`${label}: no answer (${answer.error ?? ''})`);
    else if (answer.status >= 500)
      problems.push(`${label}: answered ${answer.status} (5xx): ${answer.body.slice(0, 200)}`);

    // Never anything of the victim's conversation.
    if (answer.body.includes(fixture.victimMarker)) problems.push(`${label}: the answer shows the victim's message`);
    if (answer.body.includes(fixture.victim.conversationId) && target !== 'victim')
      problems.push(`${label}: the answer names the victim's conversation`);

    const tokenRoute =
      routeName === 'refresh' || routeName === 'reconnect' || routeName === 'get' || routeName === 'post';
    const parsing = (status: number) => status === 400 || status === 413 || status === 415;
    if (answer.status > 0 && answer.status < 500) {
      if (tokenRoute || (routeName === 'start' && token !== 'none')) {
        const valid = grantsAccess(token) && (target === 'none' || target === 'own');
        if (!valid && isSuccess(answer.status))
          problems.push(`${label}: answered ${answer.status} without a valid token for the conversation`);
        if (token === 'none' && !(answer.status === 401 || parsing(answer.status)))
          problems.push(`${label}: no token answered ${answer.status}, expected 401`);
        if (grantsAccess(token) && target === 'victim' && !(answer.status === 403 || parsing(answer.status)))
          problems.push(`${label}: another conversation's id answered ${answer.status}, expected 403`);
        if (grantsAccess(token) && target === 'unknown' && !(answer.status === 403 || parsing(answer.status)))
          problems.push(`${label}: an unknown conversation answered ${answer.status}, expected 403`);
        if (
          ['garbage', 'wrong-secret', 'expired', 'bad-claims', 'alg-none', 'swapped-payload', 'long'].includes(token) &&
          !(answer.status === 403 || parsing(answer.status))
        ) {
          problems.push(`${label}: a ${token} token answered ${answer.status}, expected 403`);
        }
        if (
          token === 'unknown-conversation' &&
          !(answer.status === 404 || answer.status === 403 || parsing(answer.status))
        )
          problems.push(`${label}: a token for a dropped conversation answered ${answer.status}, expected 404`);
        if (valid && routeName === 'post' && generated.validBody && answer.status !== 200)
          problems.push(`${label}: a valid activity answered ${answer.status} ${answer.body.slice(0, 300)}`);
        if (valid && routeName === 'get' && answer.status !== 200)
          problems.push(`${label}: reading its own conversation answered ${answer.status}`);
      }
      if (routeName === 'connector' && isSuccess(answer.status))
        problems.push(`${label}: the connector took an activity without its key`);
      if (routeName === 'get' && answer.status === 200) {
        try {
          const set = JSON.parse(answer.body) as { activities: Array<{ conversation?: { id?: string } }> };
          if (set.activities.some((activity) => activity.conversation?.id !== fixture.own.conversationId))
            problems.push(`${label}: activities of another conversation`);
        } catch {
          problems.push(`${label}: GET activities answered 200 with a body that is not JSON`);
        }
      }
    }

    // The conversation the garbage went to still answers, and shows only its own activities.
    const asked = await postDirectLine(env.app, fixture.own, {
      type: 'message',
      text: NORMAL_QUESTION,
      locale: 'en-US',
    });
    if (asked.status !== 200)
      problems.push(
        `a normal message in the fuzzer's own conversation answered ${asked.status}: ${asked.body.slice(0, 200)}`,
      );
    const own = await getDirectLine(env.app, fixture.own, fixture.ownWatermark);
    if (own.status !== 200)
      problems.push(`the fuzzer's own conversation answered ${own.status} afterwards: ${own.body.slice(0, 200)}`);
    else {
      const set = JSON.parse(own.body) as {
        activities: Array<{ conversation?: { id?: string }; text?: string; from?: { role?: string } }>;
        watermark: string;
      };
      if (set.activities.some((activity) => activity.conversation?.id !== fixture.own.conversationId))
        problems.push('own conversation shows activities of another one');
      if (!set.activities.some((activity) => activity.from?.role === 'bot' && activity.text?.includes(sentence)))
        problems.push("the fuzzer's own conversation no longer answers a normal question");
      fixture.ownWatermark = set.watermark;
    }
    // The victim's conversation is intact (and kept from being dropped as least recently used).
    const victim = await getDirectLine(env.app, fixture.victim, '');
    if (victim.status !== 200 || !victim.body.includes(fixture.victimMarker))
      problems.push(`the victim's conversation answered ${victim.status} and lost its message`);
    // A normal conversation keeps working.
    const posted = await postDirectLine(env.app, fixture.normal, {
      type: 'message',
      text: NORMAL_QUESTION,
      locale: 'en-US',
    });
    if (posted.status !== 200)
      problems.push(`a normal Direct Line message answered ${posted.status}: ${posted.body.slice(0, 200)}`);
    const read = await getDirectLine(env.app, fixture.normal, fixture.normalWatermark);
    if (read.status !== 200) problems.push(`reading the normal conversation answered ${read.status}`);
    else {
      const set = JSON.parse(read.body) as {
        activities: Array<{ text?: string; from?: { role?: string } }>;
        watermark: string;
      };
      fixture.normalWatermark = set.watermark;
      if (!set.activities.some((activity) => activity.from?.role === 'bot' && activity.text?.includes(sentence)))
        problems.push('the normal Direct Line conversation did not get its answer');
    }
    problems.push(...(await afterRequestProblems(env)));
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}
