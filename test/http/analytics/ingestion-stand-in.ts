import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

/** One telemetry item as Application Insights' ingestion endpoint receives it. */
export interface Envelope {
  readonly name: string;
  readonly time: string;
  readonly iKey: string;
  readonly tags: Record<string, string>;
  readonly data: {
    readonly baseType: string;
    readonly baseData: {
      readonly name?: string;
      readonly properties?: Record<string, string>;
      readonly measurements?: Record<string, number>;
    };
  };
}

export interface ReceivedBatch {
  readonly method: string;
  readonly path: string;
  readonly contentEncoding: string | undefined;
  readonly contentType: string | undefined;
  readonly envelopes: readonly Envelope[];
}

export const STAND_IN_IKEY = '00000000-0000-0000-0000-000000000000';

/**
 * A loopback stand-in for the Application Insights ingestion endpoint ("Breeze"): accepts
 * POST /v2.1/track with a gzip NDJSON body (what SDK 2.x sends), keeps what it received and
 * answers like the real service ({itemsReceived, itemsAccepted, errors}). It can be told to
 * reject (an HTTP status) and can be stopped and started again on the same port.
 */
export class IngestionStandIn {
  readonly batches: ReceivedBatch[] = [];
  private status = 200;
  private server: http.Server | undefined;
  private port = 0;

  get connectionString(): string {
    return `InstrumentationKey=${STAND_IN_IKEY};IngestionEndpoint=http://127.0.0.1:${this.port}/`;
  }

  get envelopes(): Envelope[] {
    return this.batches.flatMap((batch) => [...batch.envelopes]);
  }

  /** Answer every POST with this status (200: accept all). */
  respondWith(status: number): void {
    this.status = status;
  }

  async start(): Promise<void> {
    const server = http.createServer((request, response) => this.receive(request, response));
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: connections are then refused, as with an endpoint that is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private receive(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let envelopes: Envelope[];
      try {
        envelopes = parseBody(Buffer.concat(chunks), request.headers['content-encoding']);
      } catch {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ itemsReceived: 0, itemsAccepted: 0, errors: [] }));
        return;
      }
      this.batches.push({
        method: request.method ?? '',
        path: request.url ?? '',
        contentEncoding: request.headers['content-encoding'],
        contentType: request.headers['content-type'],
        envelopes,
      });
      const count = envelopes.length;
      const accepted = this.status === 200 ? count : 0;
      const errors =
        accepted === count
          ? []
          : envelopes.map((_, index) => ({ index, statusCode: this.status, message: 'stand-in' }));
      response.writeHead(this.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ itemsReceived: count, itemsAccepted: accepted, errors }));
    });
  }
}

/** The body: gzip or not, one JSON envelope a line. */
function parseBody(body: Buffer, encoding: string | undefined): Envelope[] {
  const text = (encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8').trim();
  if (text === '') return [];
  return text.split('\n').map((line) => JSON.parse(line) as Envelope);
}

/** Waits (polling) until the condition holds; fails the test after ten seconds. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}
