import { parseConfig } from '../../../src/config';
import { createStorage } from '../../../src/state/create-storage';
import { ResilientStorage } from '../../../src/state/resilient-storage';
import { StorageUnavailableError } from '../../../src/state/storage-unavailable-error';
import { type Azurite, startAzurite } from '../../support/azurite';
import { RecordingLogger } from '../../support/recording-logger';

// A real outage: Azurite stopped under a running bot's storage, then started again on the same port.

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; result: T | unknown }> {
  const started = Date.now();
  const result = await call().catch((error: unknown) => error);
  return { ms: Date.now() - started, result };
}

describe('ResilientStorage over Azure Blob Storage', () => {
  it('reports an outage once, fails fast during it, and recovers on the same storage object', async () => {
    let now = 1_000;
    const clock = () => now;
    const logger = new RecordingLogger();
    const config = parseConfig({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'outage',
    });
    const storage = new ResilientStorage((await createStorage(config, { clock, logger })).storage, { logger, clock });

    await storage.write({ conversation: { turns: 1 } });
    expect(storage.health()).toEqual({ degraded: false });

    await azurite.stop();
    now = 2_000;
    const calls: Array<() => Promise<unknown>> = [
      () => storage.read(['conversation']),
      () => storage.write({ conversation: { turns: 2 } }),
      () => storage.delete(['conversation']),
      () => storage.read(['conversation']),
      () => storage.read(['conversation']),
    ];
    for (const call of calls) {
      const { ms, result } = await timed(call);
      expect(result).toBeInstanceOf(StorageUnavailableError);
      expect(ms).toBeLessThan(2_000);
    }
    expect(logger.at('error')).toHaveLength(1);
    expect(storage.health()).toEqual({ degraded: true, since: 2_000 });

    await azurite.restart();
    now = 3_000;
    const items = await storage.read(['conversation']);
    expect(items.conversation.turns).toBe(1); // the outage lost nothing, and no write slipped through
    expect(storage.health()).toEqual({ degraded: false });
    await storage.write({ conversation: { ...items.conversation, turns: 2 } });
    expect((await storage.read(['conversation'])).conversation.turns).toBe(2);

    expect(logger.at('error')).toHaveLength(1);
    expect(logger.at('info').filter((line) => line.msg === 'storage recovered')).toEqual([
      { level: 'info', msg: 'storage recovered', obj: { since: 2_000, downForMs: 1_000, failedCalls: 5 } },
    ]);
  });

  it('refuses to start when the blob service is unreachable', async () => {
    await azurite.stop();
    const config = parseConfig({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'never',
    });
    const { ms, result } = await timed(() => createStorage(config, { clock: () => 0, logger: new RecordingLogger() }));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/Blob container "never" could not be opened or created: .*ECONNREFUSED/);
    expect(ms).toBeLessThan(2_000);
  });
});
