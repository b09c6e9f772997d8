import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Azurite, startAzurite } from '../../support/azurite';
import { DIALOGS_DIR, KNOWLEDGE_DIR, realContent } from '../../support/content';
import {
  blobStorageFor,
  choiceLabel,
  nodeText,
  readFlowFile,
  RoamingConversation,
  savedConversation,
} from '../../support/state';
import { transpiledProject } from '../../support/transpiled-project';

// The production entry point (src/main.ts compiled to JavaScript, `node dist/src/main.js`) in
// real child processes with STORAGE=blob: one process is stopped with SIGTERM mid-flow, as a
// deploy or a scale-in does, and a new one carries the conversation on.

const FLOW = readFlowFile('cant-complete-registration');
const texts = realContent().texts;

let azurite: Azurite;
let root: string;

interface BotProcess {
  readonly url: string;
  readonly logs: Array<Record<string, unknown>>;
  /** SIGTERM, as App Service or Container Apps send; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const children = new Set<ChildProcess>();

async function startProcess(container: string): Promise<BotProcess> {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    cwd: root, // no .env there: the configuration is exactly this environment
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      HANDOFF_EVENTS: 'true',
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: container,
      LOCAL_DIRECT_LINE: 'false', // several instances: the in-process Direct Line can't be shared
      KNOWLEDGE_DIR,
      DIALOGS_DIR,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  void exited.then(() => children.delete(child));
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(entry.port as number);
      }
    });
    void exited.then((code) => reject(new Error(`bot exited with ${code} before listening:\n${stderr}`)));
    setTimeout(() => reject(new Error(`bot did not listen within 10 s:\n${stderr}`)), 10_000).unref();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

beforeAll(async () => {
  root = transpiledProject('bot-build-');
  azurite = await startAzurite();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await azurite?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

function replyTexts(conversation: RoamingConversation): Array<string | undefined> {
  return conversation.last.filter((activity) => activity.type === 'message').map((activity) => activity.text);
}

describe('node dist/src/main.js with STORAGE=blob', () => {
  it('carries a flow over to a new process after the first was stopped mid-flow', async () => {
    const first = await startProcess('processes');
    expect(first.logs.find((entry) => entry.msg === 'listening')).toMatchObject({ storage: 'blob' });
    const health = (await (await fetch(`${first.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', storage: { kind: 'blob', degraded: false } });

    const user = new RoamingConversation('process-1');
    await user.say(first, "I can't register online, it keeps failing");
    // The flow opens with the then-and-now note before its first question.
    expect(replyTexts(user)).toEqual([`${texts.thenAndNow}\n\n${nodeText(FLOW, 'previously-registered')}`]);
    await user.click(first, choiceLabel(FLOW, 'previously-registered', 'no'));
    await user.click(first, choiceLabel(FLOW, 'where-stuck', 'email-code'));
    // email-missing says an article and `done` ends (resolved, so it asks whether that solved it).
    expect(replyTexts(user).at(-1)?.endsWith(`\n\n${texts.flowSolvedQuestion}`)).toBe(true);

    expect(await first.stop()).toBe(0);
    expect(first.logs.map((entry) => entry.msg)).toEqual(
      expect.arrayContaining(['stopping: finishing turns in flight', 'stopped']),
    );

    const second = await startProcess('processes');
    await user.click(second, texts.flowSolvedNo);
    // Not solved: handed to the e-Help Desk, and the flow is over.
    const reply = user.last.map((activity) => JSON.stringify(activity)).join('\n');
    expect(reply).toContain(realContent().helpdesk.number);
    const saved = await savedConversation(await blobStorageFor(azurite, 'processes'), user.id);
    expect(saved?.conversationData).toBeDefined();
    expect(saved?.conversationData?.flow).toBeUndefined();
    expect(
      saved?.conversationData?.transcript.filter((entry) => entry.from === 'user').map((entry) => entry.text),
    ).toEqual([
      "I can't register online, it keeps failing",
      'No',
      choiceLabel(FLOW, 'where-stuck', 'email-code'),
      texts.flowSolvedNo,
    ]);
    expect(await second.stop()).toBe(0);
  });
});
