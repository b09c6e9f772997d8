import { turnTextSteps } from './src/cli/fuzz-long-inputs';
import { loadContent } from './src/content/load-content';
import { createMatcher } from './src/app';
const content = loadContent({ knowledgeDir: 'knowledge', dialogsDir: 'dialogs' });
const steps = turnTextSteps(content, createMatcher(content));
const units = [' ', '\t', '  a', '<at>', '<at>Bot</at>', '<at>Bot</at> ,', '</at>', '<a', '&', '&#', '&amp;', '&#1', '1', '1 ', '12-', 'P1', '-', '.', 'a', 'é', '\u00a0', '\u0663', 'can not ', "n't ", '?', '\u0000', 'registration ', 'zzqx '];
const worst: Record<string, [number, string]> = {};
for (const u of units) { const t = u.repeat(Math.floor(250000 / u.length)); for (const s of steps) { const t0 = performance.now(); s.run(t); const ms = performance.now() - t0; if (!worst[s.name] || worst[s.name][0] < ms) worst[s.name] = [ms, JSON.stringify(u)]; } }
for (const [k, [ms, u]] of Object.entries(worst)) console.log(k.padEnd(22), ms.toFixed(1).padStart(8), u);
