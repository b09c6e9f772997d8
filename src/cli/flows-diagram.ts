import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { loadContent } from '../content/load-content';
import { flowsPage } from '../flows/flow-diagram';

/** `npm run flows:diagram`: writes docs/flows.md with a Mermaid diagram of every flow. */
function main(): void {
  const config = loadConfig();
  const content = loadContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
  writeFileSync('docs/flows.md', flowsPage(content.flows.values()));
  console.log(`docs/flows.md: ${content.flows.size} flows`);
}

main();
