import type { Storage } from 'botbuilder';
import type { BlobsStorageOptions } from 'botbuilder-azure-blobs';
import type { Config } from '../config';
import { BoundedMemoryStorage } from './bounded-memory-storage';
import type { Logger } from '../logger';

/** A store for conversation state, as the bot's state machinery reads and writes it. */
export type { Storage as StateStorage } from 'botbuilder';

/** Where conversation state lives. */
export type StorageKind = 'memory' | 'blob';

/** The configuration {@link createStorage} reads. */
export type StorageConfig = Pick<
  Config,
  'STORAGE' | 'BLOB_CONNECTION_STRING' | 'BLOB_CONTAINER' | 'STATE_IDLE_MINUTES' | 'STATE_MAX_CONVERSATIONS'
>;

/** Collaborators for {@link createStorage}. */
export interface StorageDeps {
  /** Current time, epoch milliseconds (memory storage expires idle conversations by it). */
  clock: () => number;
  logger: Logger;
}

/** The storage chosen by configuration. */
export interface CreatedStorage {
  storage: Storage;
  kind: StorageKind;
}

type BlobRetryOptions = NonNullable<NonNullable<BlobsStorageOptions['storagePipelineOptions']>['retryOptions']>;

/**
 * The Azure SDK's default is 4 tries with exponential back-off from 4 s, so each call to a store
 * that refuses connections takes about 16 s, longer than a channel waits for a reply. Three quick
 * tries (delays 0 and 250 ms) still ride out a blip or a 500/503 and report an outage well inside a
 * second. (tryTimeoutInMs is only a server-side timeout in this SDK; ResilientStorage bounds the
 * client side.)
 */
const blobRetryOptions: BlobRetryOptions = { maxTries: 3, retryDelayInMs: 250, maxRetryDelayInMs: 1_000 };

/**
 * Builds conversation-state storage from configuration: an in-process {@link BoundedMemoryStorage}
 * for STORAGE=memory, or an Azure Blob Storage container (shared by every bot instance, eTags
 * respected) for STORAGE=blob.
 *
 * For blob, the container is created if missing before this resolves, and the promise rejects if
 * the service cannot be reached: BlobsStorage caches its container-creation promise for good, so
 * if its first use happened during an outage it would never work again.
 */
export async function createStorage(config: StorageConfig, deps: StorageDeps): Promise<CreatedStorage> {
  if (config.STORAGE === 'memory') {
    const storage = new BoundedMemoryStorage({
      idleMs: config.STATE_IDLE_MINUTES * 60_000,
      maxEntries: config.STATE_MAX_CONVERSATIONS,
      clock: deps.clock,
    });
    deps.logger.info(
      { idleMinutes: config.STATE_IDLE_MINUTES, maxConversations: config.STATE_MAX_CONVERSATIONS },
      'conversation state in memory',
    );
    return { storage, kind: 'memory' };
  }

  if (!config.BLOB_CONNECTION_STRING) {
    throw new Error('BLOB_CONNECTION_STRING is required when STORAGE is blob');
  }
  // Loaded only for blob storage: the Azure SDK costs tens of megabytes a memory-state bot never uses.
  const { CreateOnlyBlobsStorage } = await import('./create-only-blobs-storage');
  const storage = new CreateOnlyBlobsStorage(config.BLOB_CONNECTION_STRING, config.BLOB_CONTAINER, {
    storagePipelineOptions: { retryOptions: blobRetryOptions },
  });
  try {
    // Reading no keys runs only BlobsStorage's own create-container-if-missing step.
    await storage.read([]);
  } catch (error) {
    throw new Error(`Blob container "${config.BLOB_CONTAINER}" could not be opened or created: ${message(error)}`, {
      cause: error,
    });
  }
  deps.logger.info({ container: config.BLOB_CONTAINER }, 'conversation state in Azure Blob Storage');
  return { storage, kind: 'blob' };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
