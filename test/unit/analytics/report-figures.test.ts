import { parseAllDocuments } from 'yaml';
import type { AnalyticsEvent, EventBody } from '../../../src/analytics/analytics-event';
import { toRecord } from '../../../src/analytics/to-record';
import { createMatcher } from '../../../src/matching/create-matcher';
import { createNormalizer } from '../../../src/matching/normalizer';
import { ReportAggregator } from '../../../tools/report/aggregate';
import { reportHtml } from '../../../tools/report/report-html';
import { reportModel, type ReportModel } from '../../../tools/report/report-model';
import { contentLookup } from '../../../tools/report/report';
import { yamlSnippets } from '../../../tools/report/yaml-snippets';
import { realContent } from '../../support/content';

const content = realContent();
const normalizer = createNormalizer(content.synonyms);
const lookup = contentLookup(content, createMatcher(content));
const XSS = '<img src=x onerror="alert(1)"> how do I renew my EFIN';

/** Four conversations over two days, each event through the real record policy. */
const EVENTS: Array<[string, string, EventBody]> = [
  ['2026-11-24T10:00:00Z', 'A', { type: 'answered', articleId: 'cards-not-accepted', score: 0.8 }],
  ['2026-11-24T10:01:00Z', 'A', { type: 'feedback', articleId: 'cards-not-accepted', helpful: true }],
  ['2026-11-24T11:00:00Z', 'B', { type: 'declined', topic: 'tax-law', text: XSS }],
  ['2026-11-24T11:01:00Z', 'B', { type: 'handoff', reason: 'asked' }],
  ['2026-11-24T11:02:00Z', 'B', { type: 'rating', rating: 5, after: 'handoff' }],
  ['2026-11-25T09:00:00Z', 'C', { type: 'menu', options: ['locked-out', 'codes-overview'] }],
  ['2026-11-25T09:01:00Z', 'C', { type: 'declined', text: 'EFIN renewal, my SSN is 123-45-6789' }],
  ['2026-11-25T09:02:00Z', 'C', { type: 'flow-started', flowId: 'locked-out' }],
  [
    '2026-11-25T09:03:00Z',
    'C',
    { type: 'flow-abandoned', flowId: 'locked-out', nodeId: 'careful-attempt', outcome: 'cancelled' },
  ],
  ['2026-11-25T12:00:00Z', 'D', { type: 'flow-started', flowId: 'cant-complete-registration' }],
  ['2026-11-25T12:05:00Z', 'D', { type: 'flow-finished', flowId: 'cant-complete-registration', outcome: 'resolved' }],
  ['2026-11-25T12:06:00Z', 'D', { type: 'rating', rating: 2, after: 'flow' }],
  [
    '2026-11-25T12:07:00Z',
    'D',
    { type: 'feedback', articleId: 'codes-overview', helpful: false, text: 'no code came' },
  ],
];

function model(events = EVENTS): ReportModel {
  const aggregator = new ReportAggregator(normalizer);
  for (const [time, conversationId, body] of events) {
    const event = {
      time,
      channel: 'webchat',
      conversationId,
      userId: `user-${conversationId}`,
      ...body,
    } as AnalyticsEvent;
    aggregator.add(toRecord(event, { salt: 'a-salt-of-at-least-thirty-two-characters', keepText: true })!);
  }
  return reportModel(aggregator, lookup, { title: 'Report', source: 'test', skipped: 0 });
}

describe("the report's figures", () => {
  const figures = model();

  it('rates: answered, menu and declined of questions; handoffs of conversations; flows; CSAT; helpful', () => {
    const shares = Object.fromEntries(
      Object.entries(figures.rates).map(([name, rate]) => [name, [rate.numerator, rate.denominator]]),
    );
    expect(shares).toEqual({
      answer: [1, 4],
      menu: [1, 4],
      decline: [2, 4],
      handoff: [1, 4],
      flowCompletion: [1, 2],
      csat: [1, 2],
      helpful: [1, 2],
    });
    expect(figures.averageRating).toBe(3.5);
    expect(figures.conversations).toBe(4);
  });

  it('by day, each day with its own rates', () => {
    expect(figures.unit).toBe('day');
    expect(figures.periods.map((period) => [period.start, period.questions, period.rates.answer.value])).toEqual([
      ['2026-11-24', 2, 0.5],
      ['2026-11-25', 2, 0],
    ]);
  });

  it('groups unanswered questions that mean the same, with how they were asked (redacted)', () => {
    expect(figures.unanswered.map((group) => [group.count, group.examples])).toEqual([
      [2, [XSS, 'EFIN renewal, my SSN is [redacted ssn]']],
    ]);
    expect(figures.topics.map((topic) => [topic.key, topic.count])).toEqual([['tax-law', 1]]);
  });

  it('lists the articles marked not helpful, and where flows were left', () => {
    expect(figures.articles.map((row) => [row.articleId, row.notHelpful, row.helpful, row.examples])).toEqual([
      ['codes-overview', 1, 0, ['no code came']],
    ]);
    expect(figures.articles[0].title).toBe(content.articles.get('codes-overview')!.title);
    expect(figures.giveUps).toEqual([
      {
        flowId: 'locked-out',
        nodeId: 'careful-attempt',
        count: 1,
        share: 1,
        flowTitle: content.flows.get('locked-out')!.title,
      },
    ]);
  });

  it('ranks "not helpful" by how sure it is: 40 of 50 above 1 of 1', () => {
    const votes = (articleId: string, no: number, yes: number): Array<[string, string, EventBody]> =>
      Array.from({ length: no + yes }, (_, index) => [
        '2026-11-25T12:00:00Z',
        `${articleId}-${index}`,
        { type: 'feedback', articleId, helpful: index >= no },
      ]);
    const ranked = model([...votes('codes-overview', 1, 0), ...votes('cards-not-accepted', 40, 10)]).articles;
    expect(ranked.map((row) => row.articleId)).toEqual(['cards-not-accepted', 'codes-overview']);
  });

  it('goes by week past 120 days', () => {
    const long = model([
      ['2026-01-05T10:00:00Z', 'A', { type: 'handoff', reason: 'asked' }],
      ['2026-06-01T10:00:00Z', 'B', { type: 'handoff', reason: 'asked' }],
    ]);
    expect(long.unit).toBe('week');
    expect(long.periods.map((period) => period.start)).toEqual(['2026-01-05', '2026-06-01']);
  });
});

describe('the page', () => {
  const html = reportHtml(model());

  it('shows what people typed as text, never as markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; how do I renew my EFIN');
  });

  it('is self-contained: no script, no external resource, a policy that forbids both', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('has a chart of questions and one of each rate', () => {
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(8);
  });

  it('says when the questions themselves are not kept', () => {
    const withoutText = reportHtml(
      model(
        EVENTS.map(([time, id, body]) => [time, id, body.type === 'declined' ? { ...body, text: undefined } : body]),
      ),
    );
    expect(withoutText).toContain('ANALYTICS_KEEP_TEXT=true');
  });
});

describe('the YAML for content authors', () => {
  const figures = model();
  const yaml = yamlSnippets(figures.unanswered, lookup, normalizer);

  it('parses, one document per suggestion', () => {
    const documents = parseAllDocuments(yaml);
    expect(Array.isArray(documents)).toBe(true);
    for (const document of documents as ReturnType<typeof parseAllDocuments> & unknown[]) {
      expect(document.errors).toEqual([]);
    }
  });

  it("has a new article's skeleton in the articles' shape, with sources to fill", () => {
    const article = (parseAllDocuments(yaml) as unknown as Array<{ toJS(): Record<string, unknown> }>)
      .map((document) => document.toJS())
      .find((document) => 'id' in document)!;
    expect(Object.keys(article)).toEqual([
      'id',
      'title',
      'label',
      'questions',
      'answer',
      'followUps',
      'sources',
      'reviewed',
      'historical',
    ]);
    expect(article.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(content.articles.has(article.id as string)).toBe(false);
    expect(article.sources).toEqual([]);
    // The question with a redacted number is for reading, not for matching.
    expect(article.questions).toEqual([XSS]);
  });
});
