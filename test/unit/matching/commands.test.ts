import { createCommandDetector } from '../../../src/matching/commands';
import { realContent } from '../../support/content';

const routing = realContent().routing;
const detect = createCommandDetector(routing.commands, routing.politeWords);

describe('commands said whole, or one command said several ways in a row', () => {
  it.each([
    ['help', 'help'],
    ['please start over', 'restart'],
    ['never mind, forget about it', 'cancel'],
    ["nvm I'll deal w it later", 'cancel'],
    ['ok cancel', 'cancel'],
    ['talk to a person please', 'helpdesk'],
  ])('"%s" is %s', (text, command) => {
    expect(detect(text)).toBe(command);
  });

  it.each([
    'how do I get help with my password',
    'start over with the phone step later',
    'never mind the code, talk to a person',
    'I will deal with the phone later, what is the address rule',
  ])('"%s" is not a command', (text) => {
    expect(detect(text)).toBeUndefined();
  });
});
