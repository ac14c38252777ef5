/**
 * One "mount when opened" mechanism for both canvases: the PolyAI tab's content renders once that canvas's Flex
 * component state selects it (the agent's `AgentTaskCanvasTabs`, the Teams view's `SupervisorCanvasTabs`), stays
 * when the user switches tabs, and another task starts unopened.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { CONTEXT_TAB_NAME } from '../../../src/flex/hooks/contextTab';
import { openedOnlyIn } from '../../../src/flex/hooks/openedTab';
import { SUPERVISOR_CANVAS_TABS, TASK_CANVAS_TABS } from '../../../src/flex/hooks/taskCanvasTabs';
import { mockFlexState, resetFlex, TaskContextProvider } from '../../__mocks__/@twilio/flex-ui';

const views = mockFlexState.flex.view.componentViewStates;

beforeEach(() => resetFlex());

describe.each([
  ['agent', TASK_CANVAS_TABS, SUPERVISOR_CANVAS_TABS],
  ['supervisor', SUPERVISOR_CANVAS_TABS, TASK_CANVAS_TABS],
])("the %s canvas's PolyAI tab", (_, canvas, otherCanvas) => {
  const OpenedOnly = openedOnlyIn(Flex, canvas, CONTEXT_TAB_NAME);
  const view = (sid: string) => (
    <TaskContextProvider value={{ task: { sid, taskSid: `T${sid}`, attributes: {} } }}>
      <OpenedOnly>
        <p>content of {sid}</p>
      </OpenedOnly>
    </TaskContextProvider>
  );
  const select = (name: string, tab: string | undefined) => {
    views[name] = { selectedTabName: tab };
  };

  it('renders nothing until this canvas selects the tab, then keeps it after a switch away', () => {
    select(canvas, 'info');
    select(otherCanvas, CONTEXT_TAB_NAME); // the other canvas's choice does not open this one
    const { rerender } = render(view('WR1'));
    expect(screen.queryByText('content of WR1')).not.toBeInTheDocument();

    select(canvas, CONTEXT_TAB_NAME);
    rerender(view('WR1'));
    expect(screen.getByText('content of WR1')).toBeInTheDocument();

    select(canvas, 'info');
    rerender(view('WR1'));
    expect(screen.getByText('content of WR1')).toBeInTheDocument();
  });

  it('starts another task unopened', () => {
    select(canvas, CONTEXT_TAB_NAME);
    const { rerender } = render(view('WR1'));
    select(canvas, 'info');
    rerender(view('WR2'));
    expect(screen.queryByText('content of WR2')).not.toBeInTheDocument();
    select(canvas, CONTEXT_TAB_NAME);
    rerender(view('WR2'));
    expect(screen.getByText('content of WR2')).toBeInTheDocument();
  });
});
