import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

/** A real Azurite blob service running as a child process, for tests. */
export interface Azurite {
  /** Connection string for the well-known devstoreaccount1 account on this service. */
  readonly connectionString: string;
  readonly port: number;
  /** Stops the service, like an outage. Its data is kept so {@link Azurite.restart} can bring it back. */
  stop(): Promise<void>;
  /** Starts the service again on the same port with the same data (stopping it first if running). */
  restart(): Promise<void>;
  /** Starts the service again on the same port with no data at all: a fresh store, no containers. */
  restartEmpty(): Promise<void>;
}

const AZURITE_BLOB = join(PROJECT_ROOT, 'node_modules', '.bin', 'azurite-blob');
const HOST = '127.0.0.1';
// Azurite's fixed development account; not a secret.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

const running = new Set<ChildProcess>();
const locations = new Set<string>();

// Jest's sandboxed `process` never sees the worker's 'exit' event, so clean up per test file.
if (typeof afterAll === 'function') {
  afterAll(async () => {
    await Promise.all([...running].map(terminate));
    for (const location of locations) {
      rmSync(location, { recursive: true, force: true });
    }
    locations.clear();
  });
}

/**
 * Starts Azurite's blob service on a free port of 127.0.0.1 and resolves once it accepts
 * connections. Call `stop()` when done (e.g. in afterAll).
 *
 * Data lives in a temporary directory rather than in memory (--inMemoryPersistence) so that
 * `stop()` then `restart()` models an outage of a store that keeps its containers and blobs, not
 * one that comes back empty. Because `stop()` must keep that directory, this module registers a
 * jest afterAll that deletes it after the test file, and stops any Azurite a test left running.
 */
export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  locations.add(location);
  let child: ChildProcess | undefined = await launch(port, location);

  const stop = async (): Promise<void> => {
    if (child) {
      await terminate(child);
      child = undefined;
    }
  };

  return {
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=http://${HOST}:${port}/${ACCOUNT};`,
    stop,
    async restart() {
      await stop();
      child = await launch(port, location);
    },
    async restartEmpty() {
      await stop();
      rmSync(location, { recursive: true, force: true });
      mkdirSync(location, { recursive: true });
      child = await launch(port, location);
    },
  };
}

async function launch(port: number, location: string): Promise<ChildProcess> {
  const args = [
    AZURITE_BLOB,
    ...['--blobHost', HOST, '--blobPort', String(port), '--location', location],
    ...['--skipApiVersionCheck', '--silent', '--loose', '--disableTelemetry'],
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keepTail = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-2_000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  child.once('exit', () => running.delete(child));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Azurite exited before listening on port ${port}:\n${output}`);
    }
    if (Date.now() > deadline) {
      await terminate(child);
      throw new Error(`Azurite did not listen on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 25));
  }
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // SIGTERM lets Azurite close its server and save its metadata; SIGKILL only if it hangs.
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** A port that was free a moment ago: ask the OS for one by listening on port 0. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          done(address.port);
        } else {
          fail(new Error('could not find a free port'));
        }
      });
    });
  });
}
