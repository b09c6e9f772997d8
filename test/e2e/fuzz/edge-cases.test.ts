import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nestedArrays, toJsonText } from '../../../tools/fuzz/arbitraries';
import { normalAnswerSentence, NORMAL_QUESTION, postActivity, userActivity } from '../../../tools/fuzz/bot-turns';
import { setUpDirectLine } from '../../../tools/fuzz/direct-line-fixture';
import { rawRequest } from '../../../tools/fuzz/fuzz-app';
import { avoidAllKnownBugs, avoidKnownBugs, type HttpEnv } from '../../../tools/fuzz/oracles';
import { replyText } from '../../../tools/bot-client';
import { DIALOGS_DIR, KNOWLEDGE_DIR } from '../../support/content';
import { PUBLIC_DIR, startFuzzEnv } from '../../support/fuzz';
import { transpiledProject } from '../../support/transpiled-project';

// Minimal cases of the bugs the fuzzers found, kept as regression tests now that they are fixed
// (the fuzz properties generate these inputs again). The one entry left in KNOWN_BUGS, invoke501,
// is the Bot Framework protocol's own answer and kept on purpose.

const JSON_HEADERS = { 'content-type': 'application/json' };

let env: HttpEnv & { stop(): Promise<void> };
beforeAll(async () => {
  env = await startFuzzEnv();
});
afterAll(() => env.stop());

/** The server's error-level log lines and process failures from the request just made. */
async function fallout(): Promise<string[]> {
  await new Promise((resolve) => setImmediate(resolve));
  return [...env.failures.take(), ...env.app.takeErrorLogs()];
}

/** Asserts a turn was either refused as a client error or answered without failing. */
async function expectRefusedOrAnswered(activity: Record<string, unknown>, bug: string): Promise<void> {
  const { answer, replies } = await postActivity(env.app, activity);
  const problems = await fallout();
  if (answer.status >= 400 && answer.status < 500) return;
  expect({ bug, status: answer.status, problems }).toEqual({ bug, status: 200, problems: [] });
  expect(replyText(replies)).toContain(normalAnswerSentence(env.app.content));
}

describe('edge cases the fuzzers found (fixed)', () => {
  it('entitiesNotArray: a message whose `entities` is not an array is answered, not a turn error', async () => {
    await expectRefusedOrAnswered(userActivity('bug-entities', NORMAL_QUESTION, { entities: 'x' }), 'entitiesNotArray');
  });

  it('entitiesNotArray: a message whose `entities` holds null is answered, not a turn error', async () => {
    await expectRefusedOrAnswered(
      userActivity('bug-entities-null', NORMAL_QUESTION, { entities: [null] }),
      'entitiesNotArray',
    );
  });

  it('missingFrom: a message without `from` is refused (400) or answered, not a turn error', async () => {
    const activity = userActivity('bug-from', NORMAL_QUESTION);
    delete activity.from;
    await expectRefusedOrAnswered(activity, 'missingFrom');
  });

  it('teamsEntities: a Teams message with an entity that has no `type` is answered, not a turn error', async () => {
    await expectRefusedOrAnswered(
      userActivity('bug-teams', `<at>Bot</at> ${NORMAL_QUESTION}`, { channelId: 'msteams', entities: [{}] }),
      'teamsEntities',
    );
  });

  it('membersAddedNotArray: a conversationUpdate whose `membersAdded` is not an array does not fail the turn', async () => {
    const activity = { ...userActivity('bug-members', undefined), type: 'conversationUpdate', membersAdded: 'x' };
    const { answer } = await postActivity(env.app, activity);
    expect({ status: answer.status < 500, problems: await fallout() }).toEqual({ status: true, problems: [] });
  });

  it.each([
    ['from.aadObjectId is a number', { from: { id: 'u1', aadObjectId: 0 } }],
    ['the activity id is a number', { id: 5 }],
    ['the conversation id has a control character', { conversation: { id: 'bug-envelope-\u0001' } }],
    ['the activity id has a lone surrogate', { id: 'a\ud800' }],
  ])('replyEnvelope: without expectReplies, %s: refused (400) or answered, not a turn error', async (_name, extra) => {
    const activity = userActivity('bug-envelope', NORMAL_QUESTION, {
      deliveryMode: 'normal',
      serviceUrl: env.app.sinkUrl,
      ...extra,
    });
    const { answer } = await postActivity(env.app, activity);
    expect({ status: answer.status < 500, problems: await fallout() }).toEqual({ status: true, problems: [] });
  });

  it('invoke501 (kept on purpose): an invoke the bot does not handle gets 501 Not Implemented, the protocol answer', async () => {
    const activity = {
      ...userActivity('bug-invoke', undefined, { deliveryMode: 'normal', serviceUrl: env.app.sinkUrl }),
      type: 'invoke',
      name: 'x',
    };
    expect(avoidKnownBugs(activity, avoidAllKnownBugs)).not.toEqual(activity);
    const { answer } = await postActivity(env.app, activity);
    expect(answer.status).toBe(501);
    expect(await fallout()).toEqual([]);
  });

  it('a turn that throws still tells the user something (the error handler’s apology is not swallowed)', async () => {
    // Any failure inside the bot's turn will do; here the matcher throws, however it is asked.
    const { rank, exact } = env.app.matcher;
    const fail = () => {
      throw new Error('injected failure');
    };
    env.app.matcher.rank = fail;
    env.app.matcher.exact = fail;
    try {
      const { answer, replies } = await postActivity(env.app, userActivity('bug-apology', NORMAL_QUESTION));
      expect(answer.status).toBe(200);
      expect(replyText(replies)).toContain(env.app.content.texts.error.slice(0, 40));
    } finally {
      env.app.matcher.rank = rank;
      env.app.matcher.exact = exact;
      await fallout();
    }
  });

  it('gzipCapBypass: a gzip body that inflates past MAX_BODY_BYTES is refused (compressed bodies are not accepted)', async () => {
    const body = gzipSync(toJsonText(userActivity('bug-bomb', 'x'.repeat(env.app.config.MAX_BODY_BYTES * 4))));
    expect(body.length).toBeLessThan(env.app.config.MAX_BODY_BYTES);
    const answer = await env.app.request({
      method: 'POST',
      path: '/api/messages',
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
      body,
    });
    expect(await fallout()).toEqual([]);
    expect([413, 415]).toContain(answer.status);
  });

  it('directLineDeepValue: a Direct Line activity nested 10,000 deep does not make reading the conversation a 500', async () => {
    const { own } = await setUpDirectLine(env.app);
    const headers = { ...JSON_HEADERS, authorization: `Bearer ${own.token}` };
    const path = `/v3/directline/conversations/${encodeURIComponent(own.conversationId)}/activities`;
    const posted = await env.app.request({
      method: 'POST',
      path,
      headers,
      body: `{"type":"message","text":"hi","value":${nestedArrays(10_000)}}`,
    });
    const read = await env.app.request({ method: 'GET', path: `${path}?watermark=`, headers });
    await fallout();
    // Refusing the activity is as good as keeping it readable.
    if (posted.status >= 400 && posted.status < 500) return;
    expect(read.status).toBe(200);
  });
});

describe('gzipCrash (fixed): a corrupt compressed body', () => {
  // The production build in a child process, so a crash is a real exit.
  let child: ChildProcess | undefined;
  let root: string | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('Content-Encoding: gzip with a body that is not gzip gets a 4xx and the process stays up', async () => {
    root = transpiledProject('fuzz-build-');
    const fuzzApp = join(root, 'dist-tools', 'tools', 'fuzz', 'fuzz-app.js');
    const dirs = { knowledgeDir: KNOWLEDGE_DIR, dialogsDir: DIALOGS_DIR, publicDir: PUBLIC_DIR };
    const script = [
      `const { startFuzzApp } = require(${JSON.stringify(fuzzApp)});`,
      `startFuzzApp(${JSON.stringify(dirs)})`,
      `  .then((app) => process.stdout.write(app.url + '\\n'));`,
    ].join('\n');
    const started = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        const line = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString('utf8'));
        if (line) resolve(line[0]);
      });
      void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
    });

    const answer = await rawRequest(
      url,
      { method: 'POST', path: '/api/messages', headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' }, body: '{}' },
      undefined,
      3_000,
    );
    const exitCode = await Promise.race([
      exited,
      new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 500)),
    ]);
    const health =
      exitCode === 'running'
        ? await rawRequest(url, { method: 'GET', path: '/healthz', headers: {} }, undefined, 3_000)
        : undefined;
    expect({
      status: answer.status,
      process: exitCode,
      health: health?.status,
      stderr: stderr
        .split('\n')
        .filter((line) => /Error/.test(line))
        .slice(0, 2),
    }).toEqual({
      status: 415,
      process: 'running',
      health: 200,
      stderr: [],
    });
  }, 60_000);
});
