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
  override async write(changes: StoreItems): Promise<void> {
    const created = Object.entries(changes).filter(([, item]) => item?.eTag === CREATE_ONLY_ETAG);
    const others = Object.fromEntries(Object.entries(changes).filter(([, item]) => item?.eTag !== CREATE_ONLY_ETAG));
    if (Object.keys(others).length > 0) await super.write(others);
    if (created.length === 0) return;
    await this.read([]); // BlobsStorage's own create-container-if-missing step
    const container = (this as unknown as { _containerClient: ContainerClient })._containerClient;
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
