import { fillTemplate } from '../../../tools/teams-package/manifest-template';

describe('fillTemplate', () => {
  it('fills placeholders in nested strings and leaves keys and other values alone', () => {
    const template = { id: '{{appId}}', name: { full: 'Support for {{ firmName }}' }, count: 2, on: true, none: null };
    expect(fillTemplate(template, { appId: 'A', firmName: 'Smith "&" Co' })).toEqual({
      value: { id: 'A', name: { full: 'Support for Smith "&" Co' }, count: 2, on: true, none: null },
      missing: [],
    });
  });

  it('splices a list placeholder that is a whole array item', () => {
    const template = { validDomains: ['{{validDomains}}', 'fixed.example.com'] };
    expect(fillTemplate(template, { validDomains: ['a.example.com', 'b.example.com'] }).value).toEqual({
      validDomains: ['a.example.com', 'b.example.com', 'fixed.example.com'],
    });
    expect(fillTemplate(template, { validDomains: [] }).value).toEqual({ validDomains: ['fixed.example.com'] });
  });

  it('reports placeholders without a value, and lists used inside text', () => {
    const template = { a: '{{missing}}', b: ['{{alsoMissing}}'], c: 'x {{list}} y' };
    expect(fillTemplate(template, { list: ['1'] }).missing).toEqual(['alsoMissing', 'list', 'missing']);
  });
});
