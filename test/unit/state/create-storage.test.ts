import { parseConfig } from '../../../src/config';
import { BoundedMemoryStorage } from '../../../src/state/bounded-memory-storage';
import { createStorage } from '../../../src/state/create-storage';
import { RecordingLogger } from '../../support/recording-logger';

// STORAGE=blob is covered against a real Azurite in blob-storage.test.ts.

describe('createStorage with STORAGE=memory', () => {
  it('builds a bounded memory storage with the configured limits', async () => {
    let now = 0;
    const config = parseConfig({ STORAGE: 'memory', STATE_IDLE_MINUTES: '5', STATE_MAX_CONVERSATIONS: '2' });
    const { storage, kind } = await createStorage(config, { clock: () => now, logger: new RecordingLogger() });
    expect(kind).toBe('memory');
    expect(storage).toBeInstanceOf(BoundedMemoryStorage);

    await storage.write({ a: {}, b: {}, c: {} });
    expect((storage as BoundedMemoryStorage).size).toBe(2);
    now = 5 * 60_000;
    expect((storage as BoundedMemoryStorage).size).toBe(0);
  });

  it('is the default', async () => {
    const { kind } = await createStorage(parseConfig({}), { clock: () => 0, logger: new RecordingLogger() });
    expect(kind).toBe('memory');
  });
});
