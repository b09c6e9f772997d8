import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './bench-queries';

/** The floor page's server: the fixture page and its script, on a loopback port. */
export interface FloorServer {
  readonly url: string;
  close(): Promise<void>;
}

const FIXTURES = join(projectRoot, 'tools', 'bench');

/**
 * Serves tools/bench/bench-welcome-floor.html with the bot's welcome activities filled in, and
 * its script. The page loads Web Chat's bundle from `bundleUrl`, our bot's own route, so the
 * floor gets the bundle exactly as the chat page does (same bytes, encoding and headers).
 */
export async function startFloorServer(welcome: readonly unknown[], bundleUrl: string): Promise<FloorServer> {
  // Inside <script type="application/json">: no "<" may close the element early.
  const json = JSON.stringify(welcome).replace(/</g, '\\u003c');
  const html = readFileSync(join(FIXTURES, 'bench-welcome-floor.html'), 'utf8')
    .replace('{{WELCOME_JSON}}', json)
    .replace('{{BUNDLE_URL}}', bundleUrl);
  const script = readFileSync(join(FIXTURES, 'bench-welcome-floor.js'));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    } else if (req.method === 'GET' && path === '/floor.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(script);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
