import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from '../../src/content/load-content';
import { computations } from '../../src/flows/computations';
import { createLanguage } from '../../src/matching/create-language';
import type { Language } from '../../src/matching/language';
import { loadBotContent } from '../../src/service';
import { PROJECT_ROOT } from './paths';

export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
export const DIALOGS_DIR = join(PROJECT_ROOT, 'dialogs');

/** The computations flows may name, as the service gives them to the content loader. */
export const COMPUTATIONS: ReadonlySet<string> = new Set(Object.keys(computations));

let cached: Content | undefined;

/** The project's real content, loaded once per test file. */
export function realContent(): Content {
  cached ??= loadBotContent({ knowledgeDir: KNOWLEDGE_DIR, dialogsDir: DIALOGS_DIR });
  return cached;
}

/** How the bot reads people's words, over the real content, as the service builds it. */
export function realLanguage(): Language {
  const content = realContent();
  return createLanguage(content.routing, content.intents, content.synonyms);
}

/** A writable copy of the real content folders, for tests that break a file on purpose. */
export function copyOfContent(): { knowledgeDir: string; dialogsDir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(KNOWLEDGE_DIR, join(root, 'knowledge'), { recursive: true });
  cpSync(DIALOGS_DIR, join(root, 'dialogs'), { recursive: true });
  return { knowledgeDir: join(root, 'knowledge'), dialogsDir: join(root, 'dialogs'), root };
}

/** What the bot says to one of the small-talk intents of knowledge/intents.yaml. */
export function intentText(id: string): string {
  const intent = realContent().intents.find((candidate) => candidate.id === id);
  if (!intent) throw new Error(`no intent "${id}" in knowledge/intents.yaml`);
  return intent.reply;
}
