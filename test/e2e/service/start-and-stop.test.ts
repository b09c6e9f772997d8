import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/paths';
import { childEnvironment, transpiledProject } from '../../support/transpiled-project';

const ROOT = PROJECT_ROOT;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the service did not become healthy');
}

const message = (id: string) => ({
  type: 'message',
  channelId: 'emulator',
  deliveryMode: 'expectReplies',
  conversation: { id },
  from: { id: `u-${id}` },
  recipient: { id: 'bot' },
  text: 'what do I need to register?',
});

describe('the service as `npm start` runs it', () => {
  let built: string;
  beforeAll(() => {
    built = transpiledProject('service-build-');
  });

  it('serves the chat page and turns, then on SIGTERM finishes turns in flight and exits 0', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn('node', [join(built, 'dist/src/main.js')], {
      cwd: ROOT,
      env: childEnvironment({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitForHealth(url, child);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

      const inFlight = Array.from({ length: 20 }, (_, i) =>
        fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message(`stop-${i}`)),
        }).then(
          (response) => response.status,
          () => 'refused' as const,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      child.kill('SIGTERM');
      const statuses = await Promise.all(inFlight);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
      expect(statuses.filter((status) => typeof status === 'number' && status >= 500)).toEqual([]);
      expect(await exited).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
