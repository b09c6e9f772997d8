import { escapeHtml, renderPage } from '../../../src/channels/webchat/render-page';
import { readableTextOn } from '../../../src/channels/webchat/readable-text-color';

const TEMPLATE =
  '<title>{{FIRM_NAME}}</title><style nonce="{{NONCE}}">:root{--a:{{ACCENT_COLOR}};--t:{{ACCENT_TEXT_COLOR}}}</style><script src="/w.js?v={{WEBCHAT_VERSION}}"></script>{{UNKNOWN}}';

describe('renderPage', () => {
  it('fills the placeholders', () => {
    expect(
      renderPage(TEMPLATE, {
        firmName: 'Smith CPAs',
        accentColor: '#1f5fa8',
        nonce: 'n0nce',
        webchatVersion: '4.18.1',
      }),
    ).toBe(
      '<title>Smith CPAs</title><style nonce="n0nce">:root{--a:#1f5fa8;--t:#ffffff}</style><script src="/w.js?v=4.18.1"></script>{{UNKNOWN}}',
    );
  });

  it('escapes a firm name so configuration cannot add markup', () => {
    const html = renderPage(TEMPLATE, {
      firmName: '</title><script>alert("x")</script> & \'Co\'',
      accentColor: '#000000',
      nonce: 'n',
      webchatVersion: '1',
    });
    expect(html).toContain(
      '<title>&#60;/title&#62;&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Co&#39;</title>',
    );
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('never puts anything but #RRGGBB into the stylesheet', () => {
    const html = renderPage(TEMPLATE, {
      firmName: 'x',
      accentColor: 'red;}body{display:none',
      nonce: 'n',
      webchatVersion: '1',
    });
    expect(html).toContain('--a:#1f5fa8;');
  });

  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });
});

describe('readableTextOn', () => {
  it.each([
    ['#1f5fa8', '#ffffff'],
    ['#000000', '#ffffff'],
    ['#ffffff', '#000000'],
    ['#ffcc00', '#000000'],
    ['#767676', '#000000'], // 4.63:1 beats white's 4.54:1
    ['#595959', '#ffffff'],
  ])('puts readable text on %s', (background, text) => {
    expect(readableTextOn(background)).toBe(text);
  });
});
