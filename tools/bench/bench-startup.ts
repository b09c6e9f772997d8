import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stopChild } from './bench-child';
import { projectRoot } from './bench-queries';

/**
 * Milliseconds from spawning `node dist/src/main.js` (the production entry, memory storage,
 * logging silenced) to its first 200 from /healthz, once per run. Polls every 5 ms, so a figure
 * is at most 5 ms late.
 */
export async function measureStartup(runs: number, timeoutMs = 30_000): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await startOnce(timeoutMs));
  return times;
}

async function startOnce(timeoutMs: number): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // Only what this measurement needs in the environment (the bot still reads .env under it).
  // Without restify's deprecation warning (from its spdy dependency), which would only clutter the report.
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', join(projectRoot, 'dist', 'src', 'main.js')], {
    cwd: projectRoot,
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', STORAGE: 'memory' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`main.js exited with code ${child.exitCode} during start-up`);
      if (await healthy(`http://127.0.0.1:${port}/healthz`)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`main.js was not ready within ${timeoutMs} ms`);
  } finally {
    await stopChild(child);
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
