import { choiceLeadingTo } from '../../../src/flows/choice-by-answer';
import { realContent } from '../../support/content';

/**
 * Which of a question's answers leads to an article, over the real flows: the answer a typed
 * reply means when the knowledge base reads it as that article.
 */

const content = realContent();
const main = content.flows.get(content.texts.troubleshootFlow)!;

describe('the answer that leads to an article', () => {
  it('where the registration stops: the card answer lies past "the financial account check"', () => {
    expect(choiceLeadingTo(main, 'where-stuck', 'cards-not-accepted')).toBe('financial');
    expect(choiceLeadingTo(main, 'where-stuck', 'confirmation-email-missing')).toBe('email-code');
  });

  it('an article several answers lead to says nothing about which ("No" and "Not sure" go the same way)', () => {
    expect(choiceLeadingTo(main, 'previously-registered', 'cards-not-accepted')).toBeUndefined();
  });

  it('an article no step shows, or a node that asks nothing, leads nowhere', () => {
    expect(choiceLeadingTo(main, 'where-stuck', 'financial-data-not-kept')).toBeUndefined();
    expect(choiceLeadingTo(main, 'existing-login', 'cards-not-accepted')).toBeUndefined();
  });
});
