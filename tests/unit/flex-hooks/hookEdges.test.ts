/** Flex hooks' edges found by mutation testing: strings when the language changes, an odd accept payload. */
import * as Flex from '@twilio/flex-ui';

import { registerAutoSelectTab } from '../../../src/flex/hooks/autoSelectTab';
import { registerStrings } from '../../../src/flex/hooks/strings';

describe('strings when the language changes', () => {
  it('replaces its own strings with the new language, keeping what an admin changed', () => {
    const manager = { strings: { TaskHeaderLine: 'Flex own string' } as Record<string, string> };
    registerStrings(manager as unknown as Flex.Manager, 'en-US');
    manager.strings.PolyaiContextSummaryHeading = 'Call summary'; // an admin's override
    registerStrings(manager as unknown as Flex.Manager, 'fr-FR');
    expect(manager.strings).toMatchObject({
      TaskHeaderLine: 'Flex own string',
      PolyaiContextTabLabel: 'Contexte PolyAI',
      PolyaiContextSummaryHeading: 'Call summary',
    });
  });
});

describe('auto-select on accept', () => {
  it('ignores events without a payload instead of throwing inside Flex', async () => {
    const listen = Flex.Actions.addListener as jest.Mock;
    registerAutoSelectTab(Flex, Flex.Manager.getInstance() as unknown as Flex.Manager);
    expect(listen.mock.calls.map(([event]) => event)).toEqual(expect.arrayContaining(['beforeAcceptTask', 'afterAcceptTask', 'beforeSetComponentState']));
    for (const [, listener] of listen.mock.calls) expect(() => listener(undefined)).not.toThrow();
    await Promise.resolve();
    expect(Flex.Actions.invokeAction).not.toHaveBeenCalled();
  });
});
