import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import type { ContainerClient } from '@azure/storage-blob';
import { CREATE_ONLY_ETAG } from './optimistic-storage';
import { eTagConflictError } from './etag-conflict';

/**
 * BlobsStorage that honours the create-only eTag OptimisticStorage puts on items that did not
 * exist when read: such an item is uploaded with If-None-Match: *, so when two instances start
 * the same new conversation at once, the second write is refused as an eTag conflict instead of
 * silently replacing the first. Every other item goes through BlobsStorage unchanged.
 */
export class CreateOnlyBlobsStorage extends BlobsStorage {
  /**
   * A store can come back without its container (a fresh account, a restored emulator).
   * BlobsStorage creates the container once and caches that for good, so every write would
   * fail until a restart; the container is created again and the write tried once more.
   */
  override async write(changes: StoreItems): Promise<void> {
    try {
      await this.writeOnce(changes);
    } catch (error) {
      if (!isContainerNotFound(error)) throw error;
      await this.container().createIfNotExists();
      await this.writeOnce(changes);
    }
  }

  private container(): ContainerClient {
    return (this as unknown as { _containerClient: ContainerClient })._containerClient;
  }

  private async writeOnce(changes: StoreItems): Promise<void> {
    const created = Object.entries(changes).filter(([, item]) => item?.eTag === CREATE_ONLY_ETAG);
    const others = Object.fromEntries(Object.entries(changes).filter(([, item]) => item?.eTag !== CREATE_ONLY_ETAG));
    if (Object.keys(others).length > 0) await super.write(others);
    if (created.length === 0) return;
    await this.read([]); // BlobsStorage's own create-container-if-missing step
    const container = this.container();
    await Promise.all(
      created.map(async ([key, item]) => {
        const { eTag: _sentinel, ...value } = item as Record<string, unknown>;
        const serialized = JSON.stringify(value);
        try {
          await container.getBlockBlobClient(sanitizeBlobKey(key)).upload(serialized, serialized.length, {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 409 || status === 412) throw eTagConflictError(key);
          throw error;
        }
      }),
    );
  }
}

function isContainerNotFound(error: unknown): boolean {
  const { statusCode, code } = error as { statusCode?: number; code?: string };
  return statusCode === 404 && code === 'ContainerNotFound';
}
