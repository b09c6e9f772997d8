import { createReadStream } from 'node:fs';

/** Longer lines are not events (a corrupt or foreign file): skipped without being held whole. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface LineCounts {
  /** Lines over MAX_LINE_BYTES, skipped. */
  overlong: number;
}

/**
 * The lines of a file, streamed: memory stays at one read buffer plus one line of at most
 * MAX_LINE_BYTES, whatever the file holds (readline would hold an endless line whole).
 */
export async function* ndjsonLines(path: string, counts: LineCounts): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      if (!skipping && pendingBytes + end - start <= MAX_LINE_BYTES) {
        const line =
          pendingBytes === 0 ? chunk.toString('utf8', start, end) : joined(pending, chunk.subarray(start, end));
        if (line.trim() !== '') yield line;
      } else {
        counts.overlong += 1;
      }
      pending = [];
      pendingBytes = 0;
      skipping = false;
      start = end + 1;
    }
    if (start < chunk.length && !skipping) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        skipping = true;
        pending = [];
      } else {
        pending.push(chunk.subarray(start));
      }
    }
  }
  if (skipping) counts.overlong += 1;
  else if (pendingBytes > 0) {
    const line = Buffer.concat(pending).toString('utf8');
    if (line.trim() !== '') yield line;
  }
}

function joined(pending: readonly Buffer[], last: Buffer): string {
  return Buffer.concat([...pending, last]).toString('utf8');
}
