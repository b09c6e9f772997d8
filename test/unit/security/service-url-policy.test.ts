import { serviceUrlProblem, type ServiceUrlPolicy } from '../../../src/http/service-url-policy';
import { parseConfig } from '../../../src/config';

const hosts = parseConfig({}).SERVICE_URL_HOSTS;
const anonymous: ServiceUrlPolicy = { authenticated: false, allowedHosts: hosts, allowLoopback: false };
const localTools: ServiceUrlPolicy = { ...anonymous, allowLoopback: true };
const authenticated: ServiceUrlPolicy = { authenticated: true, allowedHosts: hosts, allowLoopback: false };

describe('where the bot may post replies', () => {
  it.each([
    // [policy name, policy, serviceUrl, deliveryMode, allowed]
    ['anonymous', anonymous, 'http://127.0.0.1:4999/admin', undefined, false],
    ['anonymous', anonymous, 'https://smba.trafficmanager.net/amer/', undefined, false],
    ['anonymous', anonymous, 'http://127.0.0.1:4999/admin', 'expectReplies', true],
    ['anonymous', anonymous, undefined, 'expectReplies', true],
    ['local tools', localTools, 'http://127.0.0.1:56188/', undefined, true],
    ['local tools', localTools, 'http://localhost:3979/', undefined, true],
    ['local tools', localTools, 'http://2130706433:4999/', undefined, true],
    ['local tools', localTools, 'http://[::1]:4999/', undefined, true],
    ['local tools', localTools, 'http://192.0.2.1:4999/', undefined, false],
    ['local tools', localTools, 'http://localhost.example.com/', undefined, false],
    ['local tools', localTools, 'file:///etc/passwd', undefined, false],
    ['authenticated', authenticated, 'https://smba.trafficmanager.net/amer/', undefined, true],
    ['authenticated', authenticated, 'https://webchat.botframework.com/', undefined, true],
    ['authenticated', authenticated, 'https://directline.botframework.com/', 'expectReplies', true],
    ['authenticated', authenticated, 'http://smba.trafficmanager.net/amer/', undefined, false],
    ['authenticated', authenticated, 'https://evilbotframework.com/', undefined, false],
    ['authenticated', authenticated, 'https://botframework.com.evil.example/', undefined, false],
    ['authenticated', authenticated, 'https://user:pass@smba.trafficmanager.net/', undefined, false],
    ['authenticated', authenticated, 'https://127.0.0.1/', undefined, false],
    ['authenticated', authenticated, undefined, undefined, false],
  ])('%s: %s (%s) allowed=%s', (_name, policy, serviceUrl, deliveryMode, allowed) => {
    expect(serviceUrlProblem({ serviceUrl, deliveryMode }, policy) === undefined).toBe(allowed);
  });
});
