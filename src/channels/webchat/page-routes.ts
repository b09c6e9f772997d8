import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { errorSummary } from '../../logger';
import { contentSecurityPolicy } from './content-security-policy';
import type { PageConfig } from './page-config';
import type { PageGreeting } from './page-greeting';
import { renderPage } from './render-page';
import { sendStaticFile, staticFile, type StaticFile } from './static-file';
import type { WebchatBundle } from './webchat-bundle';

/** What the page routes serve. */
export interface PageRoutesOptions {
  /** The project's public/ folder: index.html (a template), chat.js, chat.css. */
  readonly publicDir: string;
  readonly bundle: WebchatBundle;
  readonly config: PageConfig;
  /** What the page's own HTML says: the greeting, the e-Help Desk, the status lines. */
  readonly greeting: PageGreeting;
  /** Origins beyond our own the page connects to (Azure's Direct Line). */
  readonly connectTo: readonly string[];
  readonly logger: Logger;
}

const SCRIPT = 'text/javascript; charset=utf-8';

/**
 * The chat page: GET / (the HTML, with its CSP, greeting and e-Help Desk), the page's own scripts
 * and stylesheet, Web Chat's bundle as vendored at build (no CDN, works offline; brotli or gzip
 * as compressed at build) and /webchat/config.json. The files answer HEAD too.
 */
export function pageRoutes(options: PageRoutesOptions): (server: Server) => void {
  const template = staticFile(join(options.publicDir, 'index.html'), 'text/html; charset=utf-8', 'no-store');
  const files: Record<string, StaticFile> = {
    '/webchat/chat-start.js': staticFile(join(options.publicDir, 'chat-start.js'), SCRIPT, 'no-cache'),
    '/webchat/chat.js': staticFile(join(options.publicDir, 'chat.js'), SCRIPT, 'no-cache'),
    '/webchat/chat.css': staticFile(join(options.publicDir, 'chat.css'), 'text/css; charset=utf-8', 'no-cache'),
    // The page asks for ?v=<version>, so a day's caching never outlives an upgrade.
    '/webchat/webchat.js': staticFile(
      options.bundle.scriptPath,
      SCRIPT,
      'public, max-age=86400',
      options.bundle.precompressed,
    ),
    '/webchat/webchat.js.LICENSE.txt': staticFile(
      options.bundle.licensePath,
      'text/plain; charset=utf-8',
      'public, max-age=86400',
    ),
  };

  return (server) => {
    server.get('/', async (req: Request, res: Response) => {
      const nonce = randomBytes(16).toString('base64');
      try {
        const { identity } = await template.load();
        const html = renderPage(identity.toString('utf8'), {
          firmName: options.config.firmName,
          accentColor: options.config.accentColor,
          nonce,
          webchatVersion: options.bundle.version,
          greeting: options.greeting,
        });
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': contentSecurityPolicy({ nonce, connectTo: options.connectTo }),
        });
        res.end(html);
      } catch (error) {
        options.logger.error({ err: errorSummary(error) }, 'chat page could not be served');
        res.send(500, { error: 'InternalError' });
      }
    });

    server.get('/webchat/config.json', async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-store');
      res.send(200, options.config);
    });

    for (const [path, file] of Object.entries(files)) {
      const serve = async (req: Request, res: Response) => {
        try {
          await sendStaticFile(req, res, file);
        } catch (error) {
          options.logger.error({ err: errorSummary(error), path }, 'chat page file could not be served');
          res.send(500, { error: 'InternalError' });
        }
      };
      server.get(path, serve);
      server.head(path, serve);
    }
  };
}
