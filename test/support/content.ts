import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, type Content } from '../../src/content/load-content';

export const KNOWLEDGE_DIR = join(__dirname, '..', '..', 'knowledge');
export const DIALOGS_DIR = join(__dirname, '..', '..', 'dialogs');

let cached: Content | undefined;

/** The project's real content, loaded once per test file. */
export function realContent(): Content {
  cached ??= loadContent({ knowledgeDir: KNOWLEDGE_DIR, dialogsDir: DIALOGS_DIR });
  return cached;
}

/** A writable copy of the real content folders, for tests that break a file on purpose. */
export function copyOfContent(): { knowledgeDir: string; dialogsDir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(KNOWLEDGE_DIR, join(root, 'knowledge'), { recursive: true });
  cpSync(DIALOGS_DIR, join(root, 'dialogs'), { recursive: true });
  return { knowledgeDir: join(root, 'knowledge'), dialogsDir: join(root, 'dialogs'), root };
}
