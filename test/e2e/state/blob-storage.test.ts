import { ContainerClient } from '@azure/storage-blob';
import { parseConfig } from '../../../src/config';
import { createStorage } from '../../../src/state/create-storage';
import { isETagConflict } from '../../../src/state/etag-conflict';
import { type Azurite, startAzurite } from '../../support/azurite';
import { RecordingLogger } from '../../support/recording-logger';

// Against a real Azurite blob service: BlobsStorage as createStorage configures it.

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

function blobStorage(container: string) {
  const config = parseConfig({
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
  });
  return createStorage(config, { clock: () => 0, logger: new RecordingLogger() });
}

describe('createStorage with STORAGE=blob', () => {
  it('creates the container at start-up', async () => {
    const container = new ContainerClient(azurite.connectionString, 'created-at-start');
    expect(await container.exists()).toBe(false);
    const { kind } = await blobStorage('created-at-start');
    expect(kind).toBe('blob');
    expect(await container.exists()).toBe(true);
    // Starting again (another bot instance) finds it already there.
    await expect(blobStorage('created-at-start')).resolves.toMatchObject({ kind: 'blob' });
  });

  it('writes, reads and deletes items', async () => {
    const { storage } = await blobStorage('round-trip');
    await storage.write({ 'webchat/conversations/abc': { turns: 1, topic: 'id-me' } });
    const { 'webchat/conversations/abc': item } = await storage.read(['webchat/conversations/abc', 'missing']);
    expect(item).toMatchObject({ turns: 1, topic: 'id-me', eTag: expect.any(String) });
    await storage.delete(['webchat/conversations/abc', 'missing']);
    expect(await storage.read(['webchat/conversations/abc'])).toEqual({});
  });

  it('rejects a write carrying a stale eTag, and lets "*" overwrite', async () => {
    const { storage } = await blobStorage('etags');
    await storage.write({ k: { n: 1 } });
    const { k } = await storage.read(['k']);
    await storage.write({ k: { ...k, n: 2 } });

    const conflict = await storage.write({ k: { ...k, n: 3 } }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(Error);
    expect((conflict as Error).message).toBe('Storage: error writing "k" due to eTag conflict.');
    expect(isETagConflict(conflict)).toBe(true);
    expect((await storage.read(['k'])).k.n).toBe(2);

    await storage.write({ k: { ...k, n: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k.n).toBe(4);
  });

  it('lets two bot instances see each other’s writes, and guards them with eTags', async () => {
    const first = (await blobStorage('shared')).storage;
    const second = (await blobStorage('shared')).storage;

    await first.write({ conversation: { step: 'greeted' } });
    const seen = (await second.read(['conversation'])).conversation;
    expect(seen.step).toBe('greeted');

    await second.write({ conversation: { ...seen, step: 'asked' } });
    const stale = (await first.read(['conversation'])).conversation;
    expect(stale.step).toBe('asked');

    await second.write({ conversation: { ...stale, step: 'answered' } });
    await expect(first.write({ conversation: { ...stale, step: 'lost update' } })).rejects.toThrow('eTag conflict');
    expect((await first.read(['conversation'])).conversation.step).toBe('answered');
  });
});
