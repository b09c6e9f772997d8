import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

const gzipAsync = promisify(gzip);

/** A file served as is, read and compressed once on first use. */
export interface StaticFile {
  readonly contentType: string;
  readonly cacheControl: string;
  load(): Promise<{ readonly plain: Buffer; readonly gzipped: Buffer }>;
}

/** A static file from disk; the path is fixed by the caller, never taken from a request. */
export function staticFile(path: string, contentType: string, cacheControl: string): StaticFile {
  let loaded: Promise<{ plain: Buffer; gzipped: Buffer }> | undefined;
  return {
    contentType,
    cacheControl,
    load() {
      if (!loaded) {
        loaded = readFile(path).then(async (plain) => ({ plain, gzipped: await gzipAsync(plain) }));
        // A failed read is not kept, so a file that appears later is served.
        loaded.catch(() => {
          loaded = undefined;
        });
      }
      return loaded;
    },
  };
}

/** Sends a static file, gzipped when the client accepts it (the Web Chat bundle shrinks 4x). */
export async function sendStaticFile(req: Request, res: Response, file: StaticFile): Promise<void> {
  const { plain, gzipped } = await file.load();
  const useGzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
  const body = useGzip ? gzipped : plain;
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Length': String(body.length),
    'Cache-Control': file.cacheControl,
    Vary: 'Accept-Encoding',
  };
  if (useGzip) headers['Content-Encoding'] = 'gzip';
  res.writeHead(200, headers);
  res.end(body);
}
