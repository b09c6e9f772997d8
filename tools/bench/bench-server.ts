import type { AddressInfo } from 'node:net';
import { isMemoryRequest, type MemoryReply, type ServerKind } from './bench-ipc';
import type { BenchServerApp } from './bench-ours-server';

/**
 * `node dist-tools/tools/bench/bench-server.js ours|echo`: one bot on 127.0.0.1 and a free port, in a
 * process of its own so the load generator never shares its event loop. Under the benchmark it
 * reports its port and memory over IPC; run by hand, it prints its URL on stderr.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'ours' && kind !== 'echo') {
    console.error('usage: node dist-tools/tools/bench/bench-server.js ours|echo');
    process.exit(2);
  }
  const app = await create(kind);
  const { port } = app;

  if (process.send) {
    process.send({ type: 'ready', port });
    process.on('message', (message: unknown) => {
      if (!isMemoryRequest(message) || !process.send) return;
      const collect = message.collect === true ? globalThis.gc : undefined;
      collect?.();
      const collected = collect !== undefined;
      const usage = process.memoryUsage();
      const reply: MemoryReply = {
        type: 'memory',
        id: message.id,
        rss: usage.rss,
        heapUsed: usage.heapUsed,
        heapTotal: usage.heapTotal,
        external: usage.external,
        collected,
        ...app.counts(),
      };
      process.send(reply);
    });
    // The benchmark going away, however it ends, ends this server too.
    process.on('disconnect', () => process.exit(0));
  } else {
    console.error(`bench-server ${kind} listening on http://127.0.0.1:${port}`);
  }
  // process.exit (not a signal's default action) lets --cpu-prof write its profile.
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}

/** Loads only the chosen bot's modules, so the echo process carries none of ours. */
async function create(kind: ServerKind): Promise<BenchServerApp> {
  if (kind === 'echo') {
    const { createEchoServer } = await import('./bench-echo-bot');
    const server = createEchoServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return { port: (server.address() as AddressInfo).port, counts: () => ({}) };
  }
  const { createOursServer } = await import('./bench-ours-server');
  return createOursServer();
}

void main().catch((error: unknown) => {
  console.error(`bench-server failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
