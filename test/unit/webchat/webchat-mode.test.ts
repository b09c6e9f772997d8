import { parseConfig } from '../../../src/config';
import { pageConfig } from '../../../src/channels/webchat/page-config';
import { webchatMode } from '../../../src/channels/webchat/webchat-mode';

const APP = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'x',
  MicrosoftAppTenantId: 't',
};

describe('webchatMode', () => {
  it.each([
    ['nothing set', {}, { localDirectLine: true, azureTokenRoute: false, page: 'local' }],
    [
      'LOCAL_DIRECT_LINE=false',
      { LOCAL_DIRECT_LINE: 'false' },
      { localDirectLine: false, azureTokenRoute: false, page: 'none' },
    ],
    ['app credentials', APP, { localDirectLine: false, azureTokenRoute: false, page: 'none' }],
    [
      'a secret and app credentials',
      { ...APP, DIRECT_LINE_SECRET: 's' },
      { localDirectLine: false, azureTokenRoute: true, page: 'azure' },
    ],
    [
      'a secret with the local one off',
      { ...APP, DIRECT_LINE_SECRET: 's', LOCAL_DIRECT_LINE: 'false' },
      { localDirectLine: false, azureTokenRoute: true, page: 'azure' },
    ],
  ])('with %s', (_name, variables, expected) => {
    const mode = webchatMode(parseConfig(variables));
    expect(mode).toMatchObject(expected);
    expect(mode.reason.length).toBeGreaterThan(10);
  });
});

describe('pageConfig', () => {
  const base = {
    firmName: 'Smith & Co',
    accentColor: '#ffcc00',
    azureEndpoint: 'https://europe.directline.botframework.com/',
  };

  it('sends the page to the local Direct Line, polling', () => {
    expect(pageConfig({ ...base, page: 'local' })).toEqual({
      firmName: 'Smith & Co',
      accentColor: '#ffcc00',
      accentTextColor: '#000000',
      directLine: {
        kind: 'local',
        domain: '/v3/directline',
        tokenUrl: '/v3/directline/tokens/generate',
        webSocket: false,
        pollingIntervalMs: 500,
      },
    });
  });

  it("sends the page to Azure's regional endpoint, with tokens from our route", () => {
    expect(pageConfig({ ...base, page: 'azure' }).directLine).toEqual({
      kind: 'azure',
      domain: 'https://europe.directline.botframework.com/v3/directline',
      tokenUrl: '/api/directline/token',
      webSocket: true,
    });
  });

  it('tells the page when there is no Direct Line', () => {
    expect(pageConfig({ ...base, page: 'none' }).directLine).toEqual({ kind: 'none' });
  });
});
