import { writeFileSync } from 'node:fs';
import { loadConfig } from '../../src/config';
import { loadBotContent } from '../../src/service';
import { flowsPage } from './flow-diagram';

/** `npm run flows:diagram`: writes docs/flows.md with a Mermaid diagram of every flow. */
function main(): void {
  const config = loadConfig();
  const content = loadBotContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
  writeFileSync('docs/flows.md', flowsPage(content.flows.values()));
  console.log(`docs/flows.md: ${content.flows.size} flows`);
}

main();
