import { ContentError } from '../src/content/content-error';
import { loadBotContent } from '../src/service';
import { loadConfig } from '../src/config';

/**
 * `npm run kb:check`: loads and cross-checks all content exactly as start-up does, and exits
 * non-zero with every problem named by file and field.
 */
function main(): void {
  const config = loadConfig();
  try {
    const content = loadBotContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
    console.log(`content ok: ${content.articles.size} articles, version ${content.version}`);
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

main();
