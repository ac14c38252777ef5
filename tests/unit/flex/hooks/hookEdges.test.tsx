/** Flex hooks' edges found by mutation testing: strings when the language changes, auto-select against Flex's tab resets. */
import React from 'react';
import { render, screen } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';
import { DarkTheme, DefaultTheme, useTheme } from '@twilio-paste/core/theme';

import { registerAutoSelectTab, TASK_CANVAS_TABS } from '../../../../src/flex/hooks/autoSelectTab';
import { CONTEXT_TAB_NAME } from '../../../../src/flex/hooks/contextTab';
import { pasteThemeOf, withPasteTheme } from '../../../../src/flex/hooks/pasteProvider';
import { registerStrings } from '../../../../src/flex/hooks/strings';
import { resetFlex } from '../../../__mocks__/@twilio/flex-ui';

beforeEach(() => resetFlex());

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

/**
 * Flex's side of auto-select: the `before…` listeners receive the action's payload and Flex then applies
 * whatever the payload says. `flexResetsTab` is Flex's own canvas reset (an empty tab name) and returns the
 * tab Flex will show after it; the manager's store is Flex's Redux state (selected task, reservation status).
 */
describe('auto-select when Flex resets the canvas tab', () => {
  type Listener = (payload: unknown) => void;
  const polyaiTask = (sid: string) => ({ sid, attributes: { polyai: { data: { summary: 'Disputed charge' } } } });
  const otherTask = (sid: string) => ({ sid, attributes: { type: 'inbound' } });

  function setUp() {
    const flexState = { view: { selectedTaskSid: 'WR1' as string | undefined }, worker: { tasks: new Map<string, { status: string }>() } };
    const manager = { store: { getState: () => ({ flex: flexState }) } };
    registerAutoSelectTab(Flex, manager as unknown as Flex.Manager);
    const listener = (name: string) => (Flex.Actions.addListener as jest.Mock).mock.calls.find(([event]) => event === name)![1] as Listener;
    const setTab = (component: string, selectedTabName: unknown) => {
      const payload = { name: component, state: { selectedTabName, scroll: 7 } };
      listener('beforeSetComponentState')(payload);
      return payload.state;
    };
    return {
      flexState,
      accept: (task: unknown) => listener('beforeAcceptTask')({ task }),
      accepted: (sid: string) => flexState.worker.tasks.set(sid, { status: 'accepted' }),
      flexResetsTab: () => setTab(TASK_CANVAS_TABS, '').selectedTabName,
      agentChooses: (tab: string) => setTab(TASK_CANVAS_TABS, tab).selectedTabName,
      setTab,
    };
  }

  it('turns Flex\'s reset of the accepted PolyAI task into the PolyAI tab, once, keeping the rest of the state', () => {
    const flex = setUp();
    flex.accept(polyaiTask('WR1'));
    flex.accepted('WR1');
    const payloadState = flex.setTab(TASK_CANVAS_TABS, '');
    expect(payloadState).toEqual({ selectedTabName: CONTEXT_TAB_NAME, scroll: 7 });
    // Once: Flex's next reset (the agent's wrap-up, a status change) is left alone.
    expect(flex.flexResetsTab()).toBe('');
  });

  it('waits for the reservation to be accepted before using the reset', () => {
    const flex = setUp();
    flex.accept(polyaiTask('WR1'));
    flex.flexState.worker.tasks.set('WR1', { status: 'pending' });
    expect(flex.flexResetsTab()).toBe('');
    flex.accepted('WR1');
    expect(flex.flexResetsTab()).toBe(CONTEXT_TAB_NAME);
  });

  it('leaves the reset alone when another task is selected, or for tasks without PolyAI data', () => {
    const flex = setUp();
    flex.accept(polyaiTask('WR1'));
    flex.accepted('WR1');
    flex.flexState.view.selectedTaskSid = 'WR2';
    flex.accepted('WR2');
    expect(flex.flexResetsTab()).toBe('');
    flex.flexState.view.selectedTaskSid = 'WR1';
    expect(flex.flexResetsTab()).toBe(CONTEXT_TAB_NAME);

    const plain = setUp();
    plain.accept(otherTask('WR1'));
    plain.accepted('WR1');
    expect(plain.flexResetsTab()).toBe('');
  });

  it('lets the agent\'s own tab choice win over the pending auto-select', () => {
    const flex = setUp();
    flex.accept(polyaiTask('WR1'));
    expect(flex.agentChooses('info')).toBe('info');
    flex.accepted('WR1');
    expect(flex.flexResetsTab()).toBe('');
  });

  it('keeps waiting when the PolyAI tab itself is chosen or another component changes', () => {
    const flex = setUp();
    flex.accept(polyaiTask('WR1'));
    expect(flex.agentChooses(CONTEXT_TAB_NAME)).toBe(CONTEXT_TAB_NAME);
    flex.accepted('WR1');
    // Another component's reset, or an action without a payload, is not the canvas's: left alone.
    expect(flex.setTab('WorkerCanvasTabs', '').selectedTabName).toBe('');
    expect(() => (Flex.Actions.addListener as jest.Mock).mock.calls.find(([event]) => event === 'beforeSetComponentState')![1](undefined)).not.toThrow();
    expect(flex.flexResetsTab()).toBe(CONTEXT_TAB_NAME);
  });

  it('selects the tab after the accept action only for the task that was accepted', async () => {
    const flex = setUp();
    const listener = (name: string) => (Flex.Actions.addListener as jest.Mock).mock.calls.find(([event]) => event === name)![1] as Listener;
    flex.accept(polyaiTask('WR1'));
    expect(() => listener('afterAcceptTask')(undefined)).not.toThrow();
    listener('afterAcceptTask')({ task: polyaiTask('WR2') });
    await Promise.resolve();
    expect(Flex.Actions.invokeAction).not.toHaveBeenCalled();
    listener('afterAcceptTask')({ task: polyaiTask('WR1') });
    expect(Flex.Actions.invokeAction).toHaveBeenCalledWith('SetComponentState', { name: TASK_CANVAS_TABS, state: { selectedTabName: CONTEXT_TAB_NAME } });
  });
});

/** The Paste theme each piece brings along: Flex's light or dark mode, as Flex's `withTheme` hands it over. */
describe('Paste theme of the plugin\'s pieces', () => {
  function ShowsBackground(): JSX.Element {
    return <output>{useTheme().backgroundColors.colorBackgroundBody}</output>;
  }
  /** A Flex whose `withTheme` passes this theme, as Flex does from its configuration. */
  const flexWithTheme = (theme: unknown) =>
    ({
      withTheme: (Component: React.ComponentType<{ theme?: unknown }>) =>
        function WithTheme(props: object) {
          return <Component {...props} theme={theme} />;
        },
    }) as unknown as typeof Flex;

  it.each([
    ['dark', { isLight: false }, DarkTheme.backgroundColors.colorBackgroundBody],
    ['light', { isLight: true }, DefaultTheme.backgroundColors.colorBackgroundBody],
    ['no theme', undefined, DefaultTheme.backgroundColors.colorBackgroundBody],
  ])('follows Flex in %s mode', (_, theme, background) => {
    expect(DarkTheme.backgroundColors.colorBackgroundBody).not.toBe(DefaultTheme.backgroundColors.colorBackgroundBody);
    const Themed = withPasteTheme(flexWithTheme(theme), ShowsBackground);
    render(<Themed />);
    expect(screen.getByRole('status')).toHaveTextContent(background);
  });
});

describe('one Paste theme per Flex theme', () => {
  function ShowsTheme({ seen }: { seen: unknown[] }): JSX.Element {
    const theme = useTheme();
    seen.push(theme);
    return <output>{theme.textColors.colorText}</output>;
  }
  const flexWithTheme = (theme: unknown) =>
    ({
      withTheme: (Component: React.ComponentType<{ theme?: unknown }>) =>
        function WithTheme(props: object) {
          return <Component {...props} theme={theme} />;
        },
    }) as unknown as typeof Flex;

  it('is made once and shared by every piece and every mount', () => {
    const seen: unknown[] = [];
    const flexTheme = { isLight: true, tokens: { textColors: { colorText: 'rgb(1, 2, 3)' } } };
    const Themed = withPasteTheme(flexWithTheme(flexTheme), ShowsTheme);
    const Other = withPasteTheme(flexWithTheme(flexTheme), ShowsTheme);
    const { unmount } = render(
      <>
        <Themed seen={seen} />
        <Other seen={seen} />
      </>,
    );
    unmount();
    render(<Themed seen={seen} />);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1);
    expect(screen.getByRole('status')).toHaveTextContent('rgb(1, 2, 3)');
  });

  it("lays Flex's tokens over Paste's theme, keeping the tokens Flex leaves out and Paste's own theme unchanged", () => {
    const theme = pasteThemeOf(true, { textColors: { colorText: 'rgb(1, 2, 3)' }, custom: [1] });
    expect(theme.textColors.colorText).toBe('rgb(1, 2, 3)');
    expect(theme.textColors.colorTextWeak).toBe(DarkTheme.textColors.colorTextWeak);
    expect(theme.backgroundColors).toEqual(DarkTheme.backgroundColors);
    expect((theme as unknown as { custom: unknown }).custom).toEqual([1]);
    expect(theme.breakpoints).toBe(DarkTheme.breakpoints);
    expect(DarkTheme.textColors.colorText).not.toBe('rgb(1, 2, 3)');
    // Another Flex theme (other tokens, or light against dark) is another Paste theme.
    expect(pasteThemeOf(true, { textColors: { colorText: 'rgb(1, 2, 3)' } })).not.toBe(theme);
    expect(pasteThemeOf(false, undefined)).not.toBe(pasteThemeOf(true, undefined));
    expect(pasteThemeOf(false, undefined)).toBe(pasteThemeOf(false, undefined));
  });
});
