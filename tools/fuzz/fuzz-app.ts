import { randomBytes } from 'node:crypto';
import { Agent, createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import { parseConfig, type Config } from '../../src/config';
import type { Content } from '../../src/content/load-content';
import { createLogger } from '../../src/logger';
import type { Matcher } from '../../src/matching/matcher';
import { loadBotContent, startService } from '../../src/service';

/*
 * The app under test, on loopback: the real service as `npm start` composes it, a sink for the
 * replies it sends, a raw HTTP client, and a recorder of a process's unhandled rejections.
 */

/** A raw HTTP request: anything a client could send. */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** What came back, or why nothing did (status -1). */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
  readonly error?: string;
}

/** The real app (bot, /api/messages, local Direct Line) on 127.0.0.1, and a reply sink. */
export interface FuzzApp {
  readonly url: string;
  /** Where activities without expectReplies make the bot reply: a loopback server that says 200. */
  readonly sinkUrl: string;
  readonly content: Content;
  readonly config: Config;
  readonly matcher: Matcher;
  /** The Direct Line token secret, so tests can forge tokens signed by the server's own key. */
  readonly tokenSecret: string;
  /** The service's clock (milliseconds), for tokens the tests forge. */
  directLineNow(): number;
  /** Error-level log lines since the last call. */
  takeErrorLogs(): string[];
  request(request: RawRequest, timeoutMs?: number): Promise<RawAnswer>;
  stop(): Promise<void>;
}

export interface FuzzAppOptions {
  readonly knowledgeDir: string;
  readonly dialogsDir: string;
  readonly publicDir: string;
  /** Extra configuration variables. */
  readonly variables?: Record<string, string>;
}

const MAX_LOG_LINES = 200;
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** Starts the service as `npm start` composes it (memory state, local Direct Line), on a free loopback port. */
export async function startFuzzApp(options: FuzzAppOptions): Promise<FuzzApp> {
  const tokenSecret = randomBytes(24).toString('base64url');
  const config = parseConfig({
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DIRECT_LINE_TOKEN_SECRET: tokenSecret,
    // The fuzzer sends hundreds of requests a second from one address into a few conversations:
    // rate limits high enough not to answer its checks 429; tokens and idle conversations need
    // long lives to outlast a long run.
    RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
    RATE_LIMIT_POLLS_PER_MINUTE: '1000000',
    DIRECT_LINE_TOKEN_TTL_SECONDS: String(10 * 365 * 24 * 3600),
    DIRECT_LINE_IDLE_MINUTES: String(10 * 365 * 24 * 60),
    DIRECT_LINE_NEW_PER_MINUTE: '1000000',
    RATE_LIMIT_API_PER_MINUTE: '1000000',
    // Replies without expectReplies go to the fuzzer's loopback sink.
    DEV_LOCAL_TOOLS: 'true',
    ...options.variables,
  });
  const content = loadBotContent({ knowledgeDir: options.knowledgeDir, dialogsDir: options.dialogsDir });
  let errorLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const line = chunk.toString('utf8');
      const level = /"level":(\d+)/.exec(line);
      if (level && Number(level[1]) >= 50 && errorLines.length < MAX_LOG_LINES) errorLines.push(line.slice(0, 600));
      callback();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, destination);
  const clock = () => Date.now();
  const service = await startService({
    config,
    clock,
    logger,
    content,
    storage: new MemoryStorage(),
    storageKind: 'memory',
    port: 0,
    host: '127.0.0.1',
    version: 'fuzz',
    publicDir: options.publicDir,
  });
  const { url } = service;

  const sink = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sink-${randomBytes(4).toString('hex')}` }));
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });

  return {
    url,
    sinkUrl,
    content,
    config,
    matcher: service.matcher,
    tokenSecret,
    directLineNow: clock,
    takeErrorLogs() {
      const lines = errorLines;
      errorLines = [];
      return lines;
    },
    request: (request, timeoutMs) => rawRequest(url, request, agent, timeoutMs),
    stop: async () => {
      agent.destroy();
      await Promise.all([closeServer(sink), service.stop()]);
      service.http.server.server.closeAllConnections();
    },
  };
}

function closeServer(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Sends one request; a socket error or no answer within the timeout is status -1. */
export function rawRequest(baseUrl: string, request: RawRequest, agent?: Agent, timeoutMs = 5_000): Promise<RawAnswer> {
  const base = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () => finish({ status: res.statusCode ?? -1, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => finish({ status: -1, body: '', error: error.message }));
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (error) => finish({ status: -1, body: '', error: error.message }));
    req.end(request.body);
  });
}

/** Records unhandled rejections and uncaught exceptions of a process (in Jest: the real one). */
export interface ProcessFailures {
  /** What happened since the last call, as short descriptions. */
  take(): string[];
  stop(): void;
}

export function watchProcess(target: NodeJS.Process): ProcessFailures {
  let seen: string[] = [];
  const describe = (kind: string) => (reason: unknown) => {
    seen.push(
      `${kind}: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`.slice(0, 500),
    );
  };
  const onRejection = describe('unhandled rejection');
  const onException = describe('uncaught exception');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    take() {
      const failures = seen;
      seen = [];
      return failures;
    },
    stop() {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}
