import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalyticsRecord } from './analytics-event';
import type { AnalyticsSink } from './analytics';

export interface FileStoreOptions {
  readonly dir: string;
  /** A file is closed and a new one started past this size (default 10 MiB). */
  readonly maxFileBytes?: number;
  /** Files kept; the oldest beyond this are deleted (default 30, about 300 MB, 1.5 million events). */
  readonly maxFiles?: number;
}

/** events-20261126T101500Z-000042.ndjson: the first event's time, then a sequence number. */
const FILE_NAME = /^events-(\d{8}T\d{6}Z)-(\d{6,})\.ndjson$/;

/** The store's files, oldest first (by sequence number, which is creation order). */
export async function storeFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => FILE_NAME.test(name));
  return names.sort((a, b) => sequenceOf(a) - sequenceOf(b));
}

function sequenceOf(name: string): number {
  return Number(FILE_NAME.exec(name)?.[2] ?? 0);
}

interface OpenFile {
  readonly handle: FileHandle;
  readonly sequence: number;
  bytes: number;
}

/**
 * The embedded analytics store: records appended as NDJSON to files in one folder, a new file
 * past a size, the oldest deleted past a count, so the store never holds more than about
 * maxFiles x maxFileBytes. Private to the process's user (0700 folder, 0600 files). Writes are
 * asynchronous and come one batch at a time from the queue. After a failure the file is
 * reopened on the next write, so a folder that comes back (remounted, permissions fixed) works
 * again.
 */
export class NdjsonFileStore implements AnalyticsSink {
  readonly kind = 'file';
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;
  private current: OpenFile | undefined;

  constructor(private readonly options: FileStoreOptions) {
    this.maxFileBytes = options.maxFileBytes ?? 10 * 1_048_576;
    this.maxFiles = options.maxFiles ?? 30;
  }

  async write(records: readonly AnalyticsRecord[]): Promise<void> {
    try {
      let chunk = '';
      let chunkBytes = 0;
      for (const record of records) {
        const line = `${JSON.stringify(record)}\n`;
        const bytes = Buffer.byteLength(line);
        const file = this.current ?? (await this.openFile(record.time));
        if (file.bytes + chunkBytes + bytes > this.maxFileBytes && file.bytes + chunkBytes > 0) {
          await this.append(file, chunk, chunkBytes);
          chunk = '';
          chunkBytes = 0;
          await this.rotate(record.time);
        }
        chunk += line;
        chunkBytes += bytes;
      }
      if (chunk !== '') await this.append(this.current ?? (await this.openFile(records[0].time)), chunk, chunkBytes);
    } catch (error) {
      await this.forgetFile();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.forgetFile();
  }

  private async append(file: OpenFile, text: string, bytes: number): Promise<void> {
    await file.handle.write(text);
    file.bytes += bytes;
  }

  /** The newest file if it has room (a restart carries on where it was), else a new one. */
  private async openFile(time: string): Promise<OpenFile> {
    await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
    const files = await storeFiles(this.options.dir);
    const newest = files[files.length - 1];
    if (newest !== undefined) {
      const path = join(this.options.dir, newest);
      const { size } = await stat(path);
      if (size < this.maxFileBytes) {
        this.current = { handle: await open(path, 'a', 0o600), sequence: sequenceOf(newest), bytes: size };
        return this.current;
      }
    }
    return this.startFile(time, newest === undefined ? 1 : sequenceOf(newest) + 1);
  }

  private async rotate(time: string): Promise<void> {
    const sequence = (this.current?.sequence ?? 0) + 1;
    await this.forgetFile();
    await this.startFile(time, sequence);
  }

  private async startFile(time: string, sequence: number): Promise<OpenFile> {
    const name = `events-${compactTime(time)}-${String(sequence).padStart(6, '0')}.ndjson`;
    // 'a' and not 'wx': two processes on one folder would share the file rather than fail.
    this.current = { handle: await open(join(this.options.dir, name), 'a', 0o600), sequence, bytes: 0 };
    await this.deleteOldest();
    return this.current;
  }

  private async deleteOldest(): Promise<void> {
    const files = await storeFiles(this.options.dir);
    for (const name of files.slice(0, Math.max(0, files.length - this.maxFiles))) {
      await unlink(join(this.options.dir, name)).catch(() => undefined);
    }
  }

  private async forgetFile(): Promise<void> {
    const file = this.current;
    this.current = undefined;
    await file?.handle.close().catch(() => undefined);
  }
}

/** 2026-11-26T10:15:00.000Z → 20261126T101500Z (records' times are already UTC ISO strings). */
function compactTime(time: string): string {
  return `${time.slice(0, 19).replace(/[-:]/g, '')}Z`;
}
