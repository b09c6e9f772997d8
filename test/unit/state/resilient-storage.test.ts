import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { ResilientStorage } from '../../../src/state/resilient-storage';
import { StorageUnavailableError } from '../../../src/state/storage-unavailable-error';
import { RecordingLogger } from '../../support/recording-logger';

/** A MemoryStorage that can be switched off, or made to hang. */
class FlakyStorage implements Storage {
  readonly memory = new MemoryStorage();
  mode: 'up' | 'down' | 'hang' = 'up';
  failure: unknown = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10000'), { code: 'ECONNREFUSED' });

  read(keys: string[]): Promise<StoreItems> {
    return this.call(() => this.memory.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.call(() => this.memory.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.call(() => this.memory.delete(keys));
  }

  private call<T>(operation: () => Promise<T>): Promise<T> {
    if (this.mode === 'down') {
      return Promise.reject(this.failure);
    }
    if (this.mode === 'hang') {
      return new Promise<T>(() => undefined);
    }
    return operation();
  }
}

function setup(timeoutMs?: number) {
  let now = 1_000;
  const inner = new FlakyStorage();
  const logger = new RecordingLogger();
  const storage = new ResilientStorage(inner, { logger, clock: () => now, timeoutMs });
  return {
    inner,
    logger,
    storage,
    setNow(ms: number) {
      now = ms;
    },
  };
}

describe('ResilientStorage', () => {
  it('passes calls through while the store is up', async () => {
    const { storage, logger } = setup();
    await storage.write({ k: { n: 1 } });
    expect((await storage.read(['k'])).k.n).toBe(1);
    await storage.delete(['k']);
    expect(await storage.read(['k'])).toEqual({});
    expect(storage.health()).toEqual({ degraded: false });
    expect(logger.lines).toEqual([]);
  });

  it('turns failures into StorageUnavailableError and logs once per outage', async () => {
    const { storage, inner, logger, setNow } = setup();
    inner.mode = 'down';
    setNow(5_000);
    const failure = await storage.read(['k']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageUnavailableError);
    expect((failure as StorageUnavailableError).operation).toBe('read');
    expect((failure as StorageUnavailableError).cause).toBe(inner.failure);

    setNow(6_000);
    await expect(storage.write({ k: { n: 1 } })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.delete(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    for (let i = 0; i < 20; i += 1) {
      await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    }

    expect(logger.at('error')).toHaveLength(1);
    expect(logger.at('error')[0]).toMatchObject({
      msg: 'storage unavailable',
      obj: { err: inner.failure, operation: 'read' },
    });
    expect(storage.health()).toEqual({ degraded: true, since: 5_000 });
  });

  it('recovers on the next successful call, logging that once', async () => {
    const { storage, inner, logger, setNow } = setup();
    inner.mode = 'down';
    setNow(5_000);
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);

    inner.mode = 'up';
    setNow(9_000);
    await storage.write({ k: { n: 1 } });
    await storage.read(['k']);
    expect(storage.health()).toEqual({ degraded: false });
    expect(logger.at('info')).toEqual([
      { level: 'info', msg: 'storage recovered', obj: { since: 5_000, downForMs: 4_000, failedCalls: 2 } },
    ]);

    // A second outage is a new outage, logged again.
    inner.mode = 'down';
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(logger.at('error')).toHaveLength(2);
  });

  it('passes eTag conflicts through untouched, and counts them as the store answering', async () => {
    const { storage, inner, logger } = setup();
    await storage.write({ k: { n: 1 } });
    const { k } = await storage.read(['k']);
    await storage.write({ k: { ...k, n: 2 } });

    inner.mode = 'down';
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    inner.mode = 'up';
    const conflict = await storage.write({ k: { ...k, n: 3 } }).catch((error: unknown) => error);
    expect(conflict).not.toBeInstanceOf(StorageUnavailableError);
    expect((conflict as Error).message).toBe('Storage: error writing "k" due to eTag conflict.');
    expect(storage.health()).toEqual({ degraded: false });
    expect(logger.at('error')).toHaveLength(1);
  });

  it('ignores late results of calls that started before the last change of state', async () => {
    const { storage, inner, logger } = setup();
    let release: () => void = () => undefined;
    inner.mode = 'up';
    const original = inner.memory.read.bind(inner.memory);
    const slowRead = new Promise<void>((resolve) => {
      release = resolve;
    }).then(() => original(['k']));
    jest.spyOn(inner.memory, 'read').mockReturnValueOnce(slowRead);
    const inFlight = storage.read(['k']);

    inner.mode = 'down';
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    release();
    await inFlight; // succeeded, but started before the outage was noticed
    expect(storage.health().degraded).toBe(true);

    inner.mode = 'up';
    await storage.read(['k']);
    expect(storage.health().degraded).toBe(false);
    expect(logger.at('error')).toHaveLength(1);
    expect(logger.at('info')).toHaveLength(1);
  });

  it('counts a call that does not settle in time as a failure', async () => {
    const { storage, inner, logger } = setup(50);
    inner.mode = 'hang';
    const failure = await storage.read(['k']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageUnavailableError);
    expect((failure as Error).message).toMatch(/timed out after 50 ms/);
    expect(storage.health().degraded).toBe(true);
    expect(logger.at('error')).toHaveLength(1);
  });
});
