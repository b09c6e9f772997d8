import { checkNumberWithHours } from '../../../src/content/number-with-hours';
import { realContent } from '../../support/content';
import { edit } from './edit-content';

/**
 * The desk's number never comes without its hours: every article that gives the number gives
 * the hours in Eastern time too, or shows the card; start-up stops on one that doesn't, naming
 * its file and field.
 */
const content = realContent();
const files = new Map([...content.articles.keys()].map((id) => [id, `knowledge/articles/${id}.yaml`]));
const { number } = content.helpdesk;

describe('the desk number with its hours', () => {
  it('holds for every article of the real content, and some give the number in their own text', () => {
    expect(checkNumberWithHours(content.articles, content.helpdesk, files)).toEqual([]);
    const giving = [...content.articles.values()].filter((a) => !a.showsHelpdesk && a.answer.includes(number));
    expect(giving.length).toBeGreaterThanOrEqual(5);
  });

  it('names the file and field of an answer that gives the number without the hours', () => {
    const broken = edit.article(content, 'call-what-to-have-ready', {
      answer: `Have your email and your return information ready. The number is ${number}.`,
    });
    const problems = checkNumberWithHours(broken.articles, broken.helpdesk, files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'knowledge/articles/call-what-to-have-ready.yaml', path: 'answer' });
    // Written another way, it is the number all the same.
    const digits = number.replace(/^1-(\d{3})-/, '($1) ');
    const other = edit.article(content, 'call-what-to-have-ready', { answer: `Call ${digits} for help.` });
    expect(checkNumberWithHours(other.articles, other.helpdesk, files)).toHaveLength(1);
  });

  it('takes the card instead of the hours in the text, and the hours only with their half of the day', () => {
    const withCard = edit.article(content, 'call-what-to-have-ready', {
      answer: `The number is ${number}.`,
      showsHelpdesk: true,
    });
    expect(checkNumberWithHours(withCard.articles, withCard.helpdesk, files)).toEqual([]);
    const wrongHalf = edit.article(content, 'call-what-to-have-ready', {
      answer: `The number is ${number}, 7:30 p.m. to 7 a.m. Eastern.`,
    });
    expect(checkNumberWithHours(wrongHalf.articles, wrongHalf.helpdesk, files)).toHaveLength(1);
  });
});
