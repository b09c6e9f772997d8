import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, gzip } from 'node:zlib';
import { chooseEncoding, type Encoding } from './accept-encoding';

const gzipAsync = promisify(gzip);
const decompress = { br: promisify(brotliDecompress), gzip: promisify(gunzip) };

/** A file's bytes in each coding it is served in. */
export interface LoadedFile {
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br?: Buffer;
  /** Of the file's own bytes; each coding's ETag adds the coding. */
  readonly hash: string;
}

/** A file served as is, read (and compressed, unless stored compressed) once, on first use. */
export interface StaticFile {
  readonly contentType: string;
  readonly cacheControl: string;
  load(): Promise<LoadedFile>;
}

/** Where the build stored compressed copies of a file (tools/vendor-webchat.js does for Web Chat). */
export interface Precompressed {
  readonly br?: string;
  readonly gzip?: string;
}

/**
 * A static file from disk; the paths are fixed by the caller, never taken from a request. Copies
 * compressed at build time are used when given; gzip is otherwise made here, brotli never (its
 * best takes seconds for the bundle).
 */
export function staticFile(
  path: string,
  contentType: string,
  cacheControl: string,
  precompressed: Precompressed = {},
): StaticFile {
  let loaded: Promise<LoadedFile> | undefined;
  return {
    contentType,
    cacheControl,
    load() {
      if (!loaded) {
        loaded = loadFile(path, precompressed);
        // A failed read is not kept, so a file that appears later is served.
        loaded.catch(() => {
          loaded = undefined;
        });
      }
      return loaded;
    },
  };
}

async function loadFile(path: string, precompressed: Precompressed): Promise<LoadedFile> {
  const identity = await readFile(path);
  const [storedGzip, br] = await Promise.all([
    storedCopy(precompressed.gzip, 'gzip', identity),
    storedCopy(precompressed.br, 'br', identity),
  ]);
  return {
    identity,
    gzip: storedGzip ?? (await gzipAsync(identity)),
    ...(br ? { br } : {}),
    hash: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
  };
}

/**
 * A compressed copy from disk, if there is one and it unpacks to the file as it is now: a copy
 * left from an older bundle (an interrupted build) is never served. Checked once, off the event loop.
 */
async function storedCopy(
  path: string | undefined,
  coding: 'br' | 'gzip',
  identity: Buffer,
): Promise<Buffer | undefined> {
  if (!path) return undefined;
  try {
    const copy = await readFile(path);
    return (await decompress[coding](copy)).equals(identity) ? copy : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends a static file (GET or HEAD) in the coding the client accepts best: brotli, gzip or as is
 * (the Web Chat bundle is 3.9 MB as is, 0.95 MB gzipped, 0.64 MB in brotli). Caches may keep
 * each coding apart (Vary) and revalidate with its ETag (304). Range requests are not served:
 * the whole file is sent, as HTTP allows.
 */
export async function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): Promise<void> {
  const loaded = await file.load();
  const available: Encoding[] = loaded.br ? ['br', 'gzip'] : ['gzip'];
  const encoding = chooseEncoding(header(req, 'accept-encoding'), available);
  const body = encoding === 'br' && loaded.br ? loaded.br : encoding === 'gzip' ? loaded.gzip : loaded.identity;
  const etag = `"${loaded.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  const caching = { 'Cache-Control': file.cacheControl, Vary: 'Accept-Encoding', ETag: etag };
  if (matches(header(req, 'if-none-match'), etag)) {
    res.writeHead(304, caching);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...caching,
    'Content-Type': file.contentType,
    'Content-Length': String(body.length),
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** If-None-Match against our ETag (weak comparison, as RFC 9110 13.1.2 asks). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch || ifNoneMatch.length > 1000) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}
