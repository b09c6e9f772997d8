import { realContent, realLanguage } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * A problem told in general words ("goes blank", "sends me around in circles"), or as something
 * that goes on happening in any verb ("keeps asking me to start over", "kept saying…"), is a
 * problem report: the troubleshooting flow asks where it stops. Going on asked about ("should
 * they keep hammering at it?") is a question. Words from knowledge/routing.yaml.
 */
const content = realContent();
const language = realLanguage();
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));

describe('a problem told in words no screen names', () => {
  it.each([
    'secure access keeps asking me to start over from step one',
    'the registration loops me back to the beginning every time',
    'page just goes blank after I hit submit',
    'nothing happens when I click continue',
    'e-services sends me around in circles',
    'the form keeps reloading with no message',
    'it kept saying information mismatch on my address',
    'the identity check came back negative',
  ])('"%s" reports a problem', (text) => {
    expect(language.describesProblem(text)).toBe(true);
  });

  it.each([
    'should they keep hammering on the online registration meanwhile',
    'partner keeps grumbling about it, what is the actual reason for all this',
    'I will keep trying tonight',
    'our office keeps using one shared computer for the whole staff',
    "I'm still registering my staff, thanks for the help",
    'should I try again later or call the help desk',
    'do I have to start over if I get a new phone number',
  ])('"%s" reports none', (text) => {
    expect(language.describesProblem(text)).toBe(false);
  });

  it('a general failure told in such words starts the troubleshooting flow', () => {
    for (const text of [
      'the registration loops me back to the beginning every time',
      'e-services sends me around in circles',
    ]) {
      const plan = conversation(text);
      expect(plan.conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
    }
  });
});
