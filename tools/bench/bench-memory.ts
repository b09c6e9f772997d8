import { performance } from 'node:perf_hooks';
import type { BenchServer } from './bench-child';
import { messageBody, type FlowClick, type TurnMix } from './bench-turn-mix';

export interface MemoryOptions {
  readonly turns: number;
  readonly conversations: number;
  /** Every n-th conversation goes through the local Direct Line; the rest post to /api/messages. */
  readonly directLineEvery: number;
  readonly concurrency: number;
  readonly sampleEvery: number;
  /** Stop sending after this long, whatever is left. */
  readonly maxSeconds: number;
}

export interface MemorySample {
  readonly turns: number;
  /** As the process is, mid-load. */
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Right after a full garbage collection: what is really held. */
  readonly rssAfterGc: number;
  readonly heapAfterGc: number;
  readonly stateKeys?: number;
  readonly directLineConversations?: number;
}

export interface MemoryFigures {
  readonly samples: readonly MemorySample[];
  readonly turns: number;
  readonly conversations: number;
  readonly directLineConversations: number;
  readonly seconds: number;
  readonly errors: number;
  readonly non2xx: number;
  /** New Direct Line chats the server refused at its cap (503), every one in use: counted apart. */
  readonly refused: number;
  /** The non-2xx answers by status and route ("429 /api/messages"), to say what they were. */
  readonly non2xxBy: Readonly<Record<string, number>>;
  /** Direct Line conversations the server had dropped (cap or idle time) and the client restarted. */
  readonly restarted: number;
}

/** The five turns every conversation gets, one per round. */
type Step = { readonly text: string; readonly value?: FlowClick['value'] };

interface DirectLineSession {
  readonly id: string;
  readonly token: string;
  watermark: string;
}

/**
 * Sends `turns` turns over `conversations` conversations, round-robin: round 1 opens every
 * conversation, later rounds come back to them, so the state the bot keeps reaches its full size
 * early and the later samples show whether memory then holds steady. A conversation's turns are
 * a round apart, so the flow click always follows its flow start. A share of the conversations
 * is created and spoken through the local Direct Line (start, post, poll the replies), as the
 * website would.
 */
export async function runMemoryLoad(server: BenchServer, mix: TurnMix, options: MemoryOptions): Promise<MemoryFigures> {
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const sessions = new Map<number, DirectLineSession>();
  let next = 0;
  let done = 0;
  let errors = 0;
  let non2xx = 0;
  const non2xxBy: Record<string, number> = {};
  let restarted = 0;
  let refused = 0;
  const samples: Array<Promise<MemorySample>> = [sample(server, 0)];

  const stepFor = (turn: number): Step => {
    const round = Math.floor(turn / options.conversations) % 5;
    const pick = (list: readonly string[]) => list[turn % list.length];
    if (round === 1) return { text: mix.flowTrigger };
    if (round === 2) return { text: mix.click.text, value: mix.click.value };
    if (round === 4) return { text: pick(mix.outOfScope) };
    return { text: pick(mix.questions) };
  };

  const check = async (response: Response): Promise<string> => {
    const body = await response.text();
    if (!response.ok) {
      non2xx += 1;
      const route = new URL(response.url).pathname.replace(/conversations\/[^/]+/, 'conversations/:id');
      const key = `${response.status} ${route}`;
      non2xxBy[key] = (non2xxBy[key] ?? 0) + 1;
    }
    return body;
  };

  const viaDirectLine = async (conversation: number, step: Step) => {
    let session = sessions.get(conversation);
    const post = (current: DirectLineSession) =>
      fetch(`${server.url}/v3/directline/conversations/${encodeURIComponent(current.id)}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${current.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: step.text,
          locale: 'en-US',
          ...(step.value ? { value: step.value } : {}),
        }),
      });
    if (session) {
      const answer = await post(session);
      // The Direct Line dropped this conversation (its cap or idle time): the page starts a fresh
      // one, and so does the bench. Counted apart from failures.
      if (answer.status === 404) {
        await answer.text();
        restarted += 1;
        sessions.delete(conversation);
        session = undefined;
      } else {
        await check(answer);
        const page = JSON.parse(
          await check(
            await fetch(
              `${server.url}/v3/directline/conversations/${encodeURIComponent(session.id)}/activities` +
                `?watermark=${session.watermark}`,
              { headers: { authorization: `Bearer ${session.token}` } },
            ),
          ),
        ) as { watermark?: string };
        session.watermark = page.watermark ?? session.watermark;
        return;
      }
    }
    if (!session) {
      const opened = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST' });
      // At its cap, with every chat used in the last minutes, the server refuses a new one (503)
      // rather than drop one in use: the protection working. The page says it could not connect;
      // the bench counts it apart and goes on.
      if (opened.status === 503) {
        await opened.text();
        refused += 1;
        return;
      }
      const grant = JSON.parse(await check(opened)) as {
        conversationId: string;
        token: string;
      };
      session = { id: grant.conversationId, token: grant.token, watermark: '' };
      sessions.set(conversation, session);
    }
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const base = `${server.url}/v3/directline/conversations/${encodeURIComponent(session.id)}/activities`;
    const activity = {
      type: 'message',
      text: step.text,
      locale: 'en-US',
      ...(step.value ? { value: step.value } : {}),
    };
    await check(await fetch(base, { method: 'POST', headers, body: JSON.stringify(activity) }));
    // Web Chat polls for the replies; the bot has already posted them by the time the POST returns.
    const page = JSON.parse(await check(await fetch(`${base}?watermark=${session.watermark}`, { headers }))) as {
      watermark?: string;
    };
    session.watermark = page.watermark ?? session.watermark;
  };

  const viaApiMessages = async (conversation: number, step: Step) => {
    const body = messageBody(`memory-${conversation}`, step.text, step.value);
    await check(
      await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );
  };

  const worker = async () => {
    while (next < options.turns && performance.now() < deadline && errors < 1_000) {
      const turn = next++;
      const conversation = turn % options.conversations;
      try {
        if (conversation % options.directLineEvery === 0) await viaDirectLine(conversation, stepFor(turn));
        else await viaApiMessages(conversation, stepFor(turn));
      } catch {
        errors += 1;
      }
      done += 1;
      if (done % options.sampleEvery === 0) samples.push(sample(server, done));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));

  return {
    samples: (await Promise.all(samples)).sort((a, b) => a.turns - b.turns),
    turns: done,
    conversations: Math.min(done, options.conversations),
    directLineConversations: sessions.size,
    seconds: (performance.now() - started) / 1000,
    errors,
    non2xx,
    non2xxBy,
    restarted,
    refused,
  };
}

async function sample(server: BenchServer, turns: number): Promise<MemorySample> {
  const live = await server.memory(false);
  const collected = await server.memory(true);
  return {
    turns,
    rss: live.rss,
    heapUsed: live.heapUsed,
    heapTotal: live.heapTotal,
    rssAfterGc: collected.rss,
    heapAfterGc: collected.heapUsed,
    stateKeys: collected.stateKeys,
    directLineConversations: collected.directLineConversations,
  };
}
