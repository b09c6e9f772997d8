import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { isMemoryReply, isReady, type MemoryReply, type ServerKind } from './bench-ipc';

/** A bench server running in a child process. */
export interface BenchServer {
  readonly kind: ServerKind;
  readonly url: string;
  readonly pid: number;
  /** The child's memory, asked over IPC; `collect` runs a full GC first (needs --expose-gc). */
  memory(collect?: boolean): Promise<MemoryReply>;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Extra node flags for the child, e.g. --cpu-prof. */
  readonly execArgv?: readonly string[];
  readonly startTimeoutMs?: number;
}

/** Forks bench-server.js (compiled beside this file) and waits until it listens. */
export async function startBenchServer(kind: ServerKind, options: BenchServerOptions = {}): Promise<BenchServer> {
  // stdout is ignored: "ours" logs every turn there at info, as in production, at the cost of a
  // write to /dev/null. stderr is kept so a crash is seen.
  const child = fork(join(__dirname, 'bench-server.js'), [kind], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // restify's spdy dependency touches a deprecated Node API at load; the warning is not ours.
    // The same heap cap `npm start` uses (package.json), for both bots.
    execArgv: ['--disable-warning=DEP0111', '--max-old-space-size=384', ...(options.execArgv ?? [])],
  });
  const port = await waitForReady(child, options.startTimeoutMs ?? 30_000);
  const pid = child.pid ?? -1;

  let nextId = 1;
  const pending = new Map<number, (reply: MemoryReply) => void>();
  child.on('message', (message: unknown) => {
    if (!isMemoryReply(message)) return;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });

  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    pid,
    memory: (collect = false) =>
      new Promise<MemoryReply>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`bench server ${kind} did not report its memory within 10 s`));
        }, 10_000);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        child.send({ type: 'memory', id, collect });
      }),
    stop: () => stopChild(child),
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench server did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with code ${code} before it was ready`));
    });
  });
}

/** SIGTERM, then SIGKILL if it has not exited after 5 s (a --cpu-prof child needs a moment to write). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
