import { ConfigError, parseConfig } from '../../src/config';

describe('configuration', () => {
  it('has working defaults with nothing set', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.STORAGE).toBe('memory');
    expect(config.LOCAL_DIRECT_LINE).toBe(true);
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ STORAGE: 'floppy' }, 'STORAGE'],
    [{ MicrosoftAppType: 'Whatever' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ STORAGE: 'blob' }, 'BLOB_CONNECTION_STRING'],
    [{ ACCENT_COLOR: 'red' }, 'ACCENT_COLOR'],
    [{ LOCAL_DIRECT_LINE: 'maybe' }, 'LOCAL_DIRECT_LINE'],
  ])('rejects %j naming %s', (variables, name) => {
    expect(() => parseConfig(variables)).toThrow(ConfigError);
    expect(() => parseConfig(variables)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('reads lists and switches', () => {
    const config = parseConfig({ ALLOWED_TENANTS: ' a , b ,', LOCAL_DIRECT_LINE: 'false', HANDOFF_EVENTS: '1' });
    expect(config.ALLOWED_TENANTS).toEqual(['a', 'b']);
    expect(config.LOCAL_DIRECT_LINE).toBe(false);
    expect(config.HANDOFF_EVENTS).toBe(true);
  });
});
