import { createHash } from 'node:crypto';
import { contentSecurityPolicy, directLineOrigins } from '../../../src/channels/webchat/content-security-policy';

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((part) => {
      const [name, ...sources] = part.split(' ');
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts and nonce-marked styles, nothing inline or evaluated', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', connectTo: [] }));
    const emptyHash = `'sha256-${createHash('sha256').update('').digest('base64')}'`;
    expect(policy).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'nonce-abc123'", emptyHash],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ['*'],
    });
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("adds Azure's Direct Line for REST and WebSocket when the page uses it", () => {
    const connect = directives(
      contentSecurityPolicy({ nonce: 'n', connectTo: directLineOrigins('https://directline.botframework.com/') }),
    )['connect-src'];
    expect(connect).toEqual(["'self'", 'https://directline.botframework.com', 'wss://directline.botframework.com']);
  });
});
