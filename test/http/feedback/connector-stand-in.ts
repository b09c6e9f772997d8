import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** An activity the bot posted, and the id the stand-in gave it. */
export interface PostedActivity {
  readonly id: string;
  readonly conversationId: string;
  readonly activity: Partial<Activity>;
}

/**
 * A loopback stand-in for the Teams connector (the activity's serviceUrl): it takes the bot's
 * replies as Bot Framework connector calls, POST /v3/conversations/{id}/activities[/{replyToId}],
 * and answers each with a ResourceResponse holding a new message id, as Teams does. A test reads
 * the ids there and names a message by one, as Teams' feedback invoke does.
 */
export class ConnectorStandIn {
  readonly posted: PostedActivity[] = [];
  private server: Server | undefined;
  private nextId = 1_764_000_000_000;
  private port = 0;

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(request.url ?? '');
        if (request.method !== 'POST' || !match) {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end('{}');
          return;
        }
        // Teams' message ids are the time it took the message, in milliseconds.
        this.nextId += 1;
        const id = String(this.nextId);
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
        this.posted.push({ id, conversationId: decodeURIComponent(match[1]), activity });
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** The messages (not typing) posted to a conversation, oldest first. */
  messagesTo(conversationId: string): PostedActivity[] {
    return this.posted.filter((post) => post.conversationId === conversationId && post.activity.type === 'message');
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
