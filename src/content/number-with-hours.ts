import type { ContentProblem } from './content-error';
import type { Helpdesk } from './helpdesk-schema';
import type { Article } from './schemas';

/**
 * The desk's number is never given without its hours: someone handed a number wants to know when
 * to ring it. An article whose answer gives the number also gives the hours in Eastern time
 * ("7:30 a.m. to 7 p.m. Eastern"), unless it shows the help-desk card, which gives them live.
 */
export function checkNumberWithHours(
  articles: ReadonlyMap<string, Article>,
  helpdesk: Helpdesk,
  files: ReadonlyMap<string, string>,
): ContentProblem[] {
  const opens = clockWords(helpdesk.hours.opens);
  const closes = clockWords(helpdesk.hours.closes);
  // By its digits, without the leading 1: "888-841-4648" or "(888) 841-4648" is the number too.
  const number = digitsOf(helpdesk.number).slice(1);
  const problems: ContentProblem[] = [];
  for (const article of articles.values()) {
    if (article.showsHelpdesk || !digitsOf(article.answer).includes(number)) continue;
    if (opens.test(article.answer) && closes.test(article.answer) && /\bEastern\b/.test(article.answer)) continue;
    problems.push({
      file: files.get(article.id) ?? article.id,
      path: 'answer',
      message: `gives the number ${helpdesk.number} without the desk's hours in Eastern time (or showsHelpdesk)`,
    });
  }
  return problems;
}

function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}

/** "07:30" as people write it: "7:30 a.m."; "19:00": "7 p.m." or "7:00 p.m.". */
function clockWords(time: string): RegExp {
  const [hours, minutes] = time.split(':').map(Number);
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  const half = hours < 12 ? 'a\\.m\\.' : 'p\\.m\\.';
  const clock = minutes === 0 ? `${hour}(?::00)?` : `${hour}:${String(minutes).padStart(2, '0')}`;
  return new RegExp(`\\b${clock} ${half}`);
}
