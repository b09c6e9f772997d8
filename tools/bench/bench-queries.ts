import { projectRoot as findProjectRoot } from '../../src/project-root';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { benchSettings } from './bench-settings';
import { evalSetSchema } from '../eval/eval-grade';

/** The project root, whether this runs compiled (dist-tools/tools/bench) or from source (tools/bench). */
export const projectRoot = findProjectRoot(__dirname);

/** The development question set the eval uses; BENCH_QUESTIONS may point elsewhere. */
export function devQuestions(
  file = benchSettings().BENCH_QUESTIONS ?? join(projectRoot, '..', 'shared', 'eval', 'dev-questions.yaml'),
): string[] {
  const set = evalSetSchema.parse(parse(readFileSync(file, 'utf8')));
  return set.cases.map((testCase) => testCase.say);
}

/**
 * Other ways people ask the same things, as typed: rewordings, typos (which take the fuse.js
 * spelling path), chat-style fragments. None of these are in the knowledge base verbatim.
 */
export const PARAPHRASES: readonly string[] = [
  'why must I sign up again for e services',
  'whats this secure access thing all about',
  'do I realy need to reregister',
  'how do i begin registering',
  'help desk phone number pls',
  'what time does the ehelp desk close',
  'is the helpdesk open on saturday',
  'what shoud I have handy when calling',
  'which menu option do I choose on the phone',
  'activation code in the mial how many days',
  'i allready have an account for get transcript',
  'how many pasword attempts do I get',
  'forgot my pasword what now',
  'my mobile number changed recently',
  'can I use a prepaid cell',
  'is google voice ok for the text code',
  'does a debit card work for verification',
  'can i use amercan express',
  'will this hurt my credit score',
  'i froze my credit bureaus',
  'do tin matching people need to do this',
  'is it only once or every year',
  'work phone instead of personal phone',
  'confirmaton email never showed up',
  'do I get a security code each login',
  'how long will the whole registraton take',
  'what happened with id.me',
  'registration keeps erroring out',
  'stuck on the identity step',
  'i moved, which adress do I use',
  'never recieved the activation code',
];

/** Lines the bot should decline: tax questions, small talk, noise. */
export const OUT_OF_SCOPE_LINES: readonly string[] = [
  'what is the mileage rate this year',
  'can you tell me a joke',
  'when will my refund arrive',
  'how do I amend a 1040 for a client',
  'whats the capital gains rate',
  'book me a flight to Denver',
  'is crypto taxable',
  'qwertyuiop zxcvbnm',
  'who won the game last night',
  'how do I reset my router',
];

/** Every query for the real knowledge base: the dev set, then paraphrases, then declines. */
export function realQueries(): string[] {
  return [...devQuestions(), ...PARAPHRASES, ...OUT_OF_SCOPE_LINES];
}
