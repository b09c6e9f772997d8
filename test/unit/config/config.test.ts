import { ConfigError, parseConfig } from '../../../src/config';

describe('configuration', () => {
  it('has working defaults with nothing set', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.STORAGE).toBe('memory');
    expect(config.LOCAL_DIRECT_LINE).toBe(true);
    expect(config.MicrosoftAppId).toBeUndefined();
    expect(config.MicrosoftAppType).toBe('SingleTenant');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ STORAGE: 'floppy' }, 'STORAGE'],
    [{ MicrosoftAppType: 'Whatever' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    // Single tenant is the default: a registration without its tenant is incomplete.
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x' }, 'MicrosoftAppTenantId'],
    [{ STORAGE: 'blob' }, 'BLOB_CONNECTION_STRING'],
    [{ ACCENT_COLOR: 'red' }, 'ACCENT_COLOR'],
    [{ LOCAL_DIRECT_LINE: 'maybe' }, 'LOCAL_DIRECT_LINE'],
    // Settings that only mean something when requests are authenticated.
    [{ DIRECT_LINE_SECRET: 's' }, 'DIRECT_LINE_SECRET'],
    [{ ALLOWED_TENANTS: 'a' }, 'ALLOWED_TENANTS'],
    // The Direct Line secret never travels in clear text.
    [
      {
        MicrosoftAppId: 'a',
        MicrosoftAppPassword: 'p',
        MicrosoftAppTenantId: 't',
        DIRECT_LINE_SECRET: 's',
        DIRECT_LINE_ENDPOINT: 'http://directline.example.com',
      },
      'DIRECT_LINE_ENDPOINT',
    ],
  ])('rejects %j naming %s', (variables, name) => {
    expect(() => parseConfig(variables)).toThrow(ConfigError);
    expect(() => parseConfig(variables)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('allows replies only to the Bot Framework hosts by default, with local tools off', () => {
    const config = parseConfig({});
    expect(config.DEV_LOCAL_TOOLS).toBe(false);
    expect(config.SERVICE_URL_HOSTS).toEqual(expect.arrayContaining(['smba.trafficmanager.net', '*.botframework.com']));
  });

  it('reads lists and switches', () => {
    const app = { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' };
    const config = parseConfig({
      ...app,
      ALLOWED_TENANTS: ' a , b ,',
      LOCAL_DIRECT_LINE: 'false',
      HANDOFF_EVENTS: '1',
    });
    expect(config.ALLOWED_TENANTS).toEqual(['a', 'b']);
    expect(config.LOCAL_DIRECT_LINE).toBe(false);
    expect(config.HANDOFF_EVENTS).toBe(true);
  });
});
