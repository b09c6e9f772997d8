import { EventEmitter } from 'node:events';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** One thing that crossed the wire between the Playground and the bot. */
export type TrafficEntry =
  /** An activity the Playground sent the bot (POST /api/messages). */
  | { readonly kind: 'to-bot'; readonly at: number; readonly activity: Partial<Activity> }
  /** The bot's answer to that POST: its turn is over. */
  | {
      readonly kind: 'turn-done';
      readonly at: number;
      readonly activityId: string | undefined;
      readonly status: number;
    }
  /** An activity the bot posted to the Playground's connector (its serviceUrl). */
  | { readonly kind: 'from-bot'; readonly at: number; readonly path: string; readonly activity: Partial<Activity> };

/** A turn as the traffic shows it: what came in, and what the bot posted before answering. */
export interface RecordedTurn {
  readonly activity: Partial<Activity>;
  readonly status: number;
  readonly sent: ReadonlyArray<Extract<TrafficEntry, { kind: 'from-bot' }>>;
}

/**
 * A recording reverse proxy on loopback between the Playground and the bot: POST /api/messages
 * goes to the bot, everything else (the bot's posts to `<proxy>/_connector/...`, its serviceUrl)
 * to the Playground. The bot answers /api/messages only once its turn is over and its replies
 * are posted, so a test knows exactly when a turn ended and what it sent, without sleeping.
 */
export class TrafficRecorder {
  readonly entries: TrafficEntry[] = [];
  private readonly events = new EventEmitter();
  private playgroundUrl: string | undefined;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly url: string,
  ) {}

  static async start(botUrl: string): Promise<TrafficRecorder> {
    const holder: { recorder?: TrafficRecorder } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const self = holder.recorder!;
        const forBot = (req.url ?? '').startsWith('/api/messages');
        // The Playground also probes the endpoint with HEAD until the bot is up: not a turn.
        const toBot = forBot && req.method === 'POST';
        const target = forBot ? botUrl : self.playgroundUrl;
        if (!target) {
          res.writeHead(503);
          res.end('no Playground yet');
          return;
        }
        const activity = parseActivity(body);
        if (toBot) self.record({ kind: 'to-bot', at: Date.now(), activity });
        else if (req.method === 'POST' && activity.type)
          self.record({ kind: 'from-bot', at: Date.now(), path: decodeURIComponent(req.url ?? ''), activity });
        forward(target, req.method ?? 'GET', req.url ?? '/', req.headers, body, (status, headers, answer) => {
          if (toBot) self.record({ kind: 'turn-done', at: Date.now(), activityId: activity.id, status });
          res.writeHead(status, headers);
          res.end(answer);
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.recorder = new TrafficRecorder(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.recorder;
  }

  /** Where the bot's replies go (the Playground's own URL), once it is listening. */
  setPlayground(url: string): void {
    this.playgroundUrl = url;
  }

  /**
   * The next turn for an activity matching `matches` that arrives from now on; starts listening at
   * once, so call it before the action that causes the turn.
   */
  nextTurn(matches: (activity: Partial<Activity>) => boolean, timeoutMs = 20_000): Promise<RecordedTurn> {
    const promise = new Promise<RecordedTurn>((resolve, reject) => {
      let incoming: Extract<TrafficEntry, { kind: 'to-bot' }> | undefined;
      const timer = setTimeout(() => {
        this.events.off('entry', listen);
        reject(new Error(`no bot turn within ${timeoutMs} ms${incoming ? ' (one came in but never finished)' : ''}`));
      }, timeoutMs);
      // A turn nobody waits for any more must not keep the test process alive.
      timer.unref();
      const listen = (entry: TrafficEntry) => {
        if (!incoming && entry.kind === 'to-bot' && matches(entry.activity)) incoming = entry;
        else if (incoming && entry.kind === 'turn-done' && entry.activityId === incoming.activity.id) {
          clearTimeout(timer);
          this.events.off('entry', listen);
          const start = incoming;
          const sent = this.entries.filter(
            (e): e is Extract<TrafficEntry, { kind: 'from-bot' }> =>
              e.kind === 'from-bot' && e.at >= start.at && e.activity.type === 'message',
          );
          resolve({ activity: start.activity, status: entry.status, sent });
        }
      };
      this.events.on('entry', listen);
    });
    // Awaited by the caller; a UI step failing first must not leave an unhandled rejection behind.
    promise.catch(() => undefined);
    return promise;
  }

  /** Activities of this type the Playground has sent to the bot so far. */
  received(type: string): Array<Partial<Activity>> {
    return this.entries.flatMap((entry) =>
      entry.kind === 'to-bot' && entry.activity.type === type ? [entry.activity] : [],
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private record(entry: TrafficEntry): void {
    this.entries.push(entry);
    this.events.emit('entry', entry);
  }
}

function parseActivity(body: Buffer): Partial<Activity> {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Activity>) : {};
  } catch {
    return {};
  }
}

function forward(
  base: string,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  done: (status: number, headers: IncomingHttpHeaders, body: Buffer) => void,
): void {
  const target = new URL(base);
  const outgoing = request(
    {
      hostname: target.hostname,
      port: target.port,
      path,
      method,
      headers: { ...headers, host: target.host },
      // A connection per request: none is left idle to keep the test process alive at the end.
      agent: false,
    },
    (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(response.statusCode ?? 502, response.headers, Buffer.concat(chunks)));
    },
  );
  outgoing.on('error', (error) => done(502, {}, Buffer.from(error.message)));
  outgoing.end(body);
}
