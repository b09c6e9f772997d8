import { runAutocannon, type LoadContext, type LoadRequest } from './bench-autocannon';
import { messageBody, offersClick, type TurnMix } from './bench-turn-mix';

/** What one load run measured. */
export interface LoadFigures {
  readonly seconds: number;
  /** Responses of any status. */
  readonly responses: number;
  readonly connections: number;
  /** Turns per second. */
  readonly throughput: number;
  /** Milliseconds: connections / throughput, exact for a closed loop, and not rounded. */
  readonly mean: number;
  /** Milliseconds, 2xx responses, from autocannon's histogram: whole milliseconds, rounded down. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** 2xx answers carrying no message activity. */
  readonly emptyReplies: number;
  /** Flow starts whose reply did not offer the button the mix clicks next. */
  readonly clicksNotOffered: number;
}

export interface LoadOptions {
  readonly seconds: number;
  readonly connections?: number;
  /** Prefix of conversation ids, so runs never share conversations. */
  readonly tag: string;
}

/**
 * Drives POST /api/messages (expectReplies, anonymous) with the turn mix for a fixed time. Each
 * connection repeats a six-turn script, three real questions, a flow start and the click
 * answering it (same conversation), and an out-of-scope line; every other turn opens a new
 * conversation, so state keeps growing as it would with many users.
 */
export async function runLoad(url: string, mix: TurnMix, options: LoadOptions): Promise<LoadFigures> {
  let conversations = 0;
  let questionIndex = 0;
  let outOfScopeIndex = 0;
  let emptyReplies = 0;
  let clicksNotOffered = 0;
  const newConversation = () => `${options.tag}-${(conversations += 1)}`;
  const nextQuestion = () => mix.questions[questionIndex++ % mix.questions.length];

  const post = (
    setup: (context: LoadContext) => string,
    onBody?: (body: string, context: LoadContext) => void,
  ): LoadRequest => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request, context) => ({ ...request, body: setup(context) }),
    onResponse: (status, body, context) => {
      if (status >= 200 && status < 300 && !body.includes('"type":"message"')) emptyReplies += 1;
      onBody?.(body, context);
    },
  });

  const requests: LoadRequest[] = [
    post(() => messageBody(newConversation(), nextQuestion())),
    post(
      (context) => {
        context.flowConversation = newConversation();
        return messageBody(String(context.flowConversation), mix.flowTrigger);
      },
      (body) => {
        if (!offersClick(body, mix.click)) clicksNotOffered += 1;
      },
    ),
    post((context) => messageBody(String(context.flowConversation), mix.click.text, mix.click.value)),
    post(() => messageBody(newConversation(), mix.outOfScope[outOfScopeIndex++ % mix.outOfScope.length])),
    post(() => messageBody(newConversation(), nextQuestion())),
    post(() => messageBody(newConversation(), nextQuestion())),
  ];

  const connections = options.connections ?? 20;
  const result = await runAutocannon({
    url,
    connections,
    duration: options.seconds,
    timeout: 10,
    requests,
  });
  const responses = result['2xx'] + result.non2xx;
  return {
    seconds: result.duration,
    responses,
    connections,
    throughput: responses / result.duration,
    mean: (connections * 1000 * result.duration) / responses,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    emptyReplies,
    clicksNotOffered,
  };
}
