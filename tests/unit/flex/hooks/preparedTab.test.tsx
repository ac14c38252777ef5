/**
 * One "prepared before it is opened" mechanism for both canvases: the PolyAI tab's content is built right after
 * the canvas first shows (as Flex keeps its own tabs mounted), but counts as opened only once that canvas's
 * Flex component state selects it (the agent's `AgentTaskCanvasTabs`, the Teams view's `SupervisorCanvasTabs`);
 * opened stays when the user switches tabs, and another task starts unopened.
 */
import React, { useLayoutEffect } from 'react';
import { render, screen } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { CONTEXT_TAB_NAME } from '../../../../src/flex/hooks/contextTab';
import { preparedIn } from '../../../../src/flex/hooks/preparedTab';
import { SUPERVISOR_CANVAS_TABS, TASK_CANVAS_TABS } from '../../../../src/flex/hooks/taskCanvasTabs';
import { useTabOpened } from '../../../../src/views/common/tabOpened';
import { mockFlexState, resetFlex, TaskContextProvider } from '../../../__mocks__/@twilio/flex-ui';

const views = mockFlexState.flex.view.componentViewStates;

beforeEach(() => resetFlex());

function Content({ sid }: { sid: string }): JSX.Element {
  return <p data-testid="content">{`${sid} ${useTabOpened() ? 'opened' : 'not opened'}`}</p>;
}

describe.each([
  ['agent', TASK_CANVAS_TABS, SUPERVISOR_CANVAS_TABS],
  ['supervisor', SUPERVISOR_CANVAS_TABS, TASK_CANVAS_TABS],
])("the %s canvas's PolyAI tab", (_, canvas, otherCanvas) => {
  const Prepared = preparedIn(Flex, canvas, CONTEXT_TAB_NAME);
  /** What a sibling rendered in the same commit as the canvas saw of the content. */
  let seenInCommit: Array<string | null> = [];
  function CommitProbe(): null {
    useLayoutEffect(() => {
      seenInCommit.push(document.querySelector('[data-testid="content"]')?.textContent ?? null);
    });
    return null;
  }
  const view = (sid: string) => (
    <TaskContextProvider value={{ task: { sid, taskSid: `T${sid}`, attributes: {} } }}>
      <Prepared>
        <Content sid={sid} />
      </Prepared>
      <CommitProbe />
    </TaskContextProvider>
  );
  const select = (name: string, tab: string | undefined) => {
    views[name] = { selectedTabName: tab };
  };
  beforeEach(() => {
    seenInCommit = [];
  });

  it('builds the content after the canvas first shows, unopened until this canvas selects the tab, opened after a switch away', () => {
    select(canvas, 'info');
    select(otherCanvas, CONTEXT_TAB_NAME); // the other canvas's choice does not open this one
    const { rerender } = render(view('WR1'));
    // Not in the canvas's own first commit (the canvas is not delayed), there right after it.
    expect(seenInCommit[0]).toBeNull();
    expect(screen.getByTestId('content')).toHaveTextContent('WR1 not opened');

    select(canvas, CONTEXT_TAB_NAME);
    rerender(view('WR1'));
    expect(screen.getByTestId('content')).toHaveTextContent('WR1 opened');

    select(canvas, 'info');
    rerender(view('WR1'));
    expect(screen.getByTestId('content')).toHaveTextContent('WR1 opened');
  });

  it('renders at once, opened, when the tab is already selected as the canvas shows', () => {
    select(canvas, CONTEXT_TAB_NAME);
    render(view('WR1'));
    expect(seenInCommit[0]).toBe('WR1 opened');
  });

  it('starts another task unopened, its content built at once', () => {
    select(canvas, CONTEXT_TAB_NAME);
    const { rerender } = render(view('WR1'));
    select(canvas, 'info');
    seenInCommit = [];
    rerender(view('WR2'));
    expect(seenInCommit[0]).toBe('WR2 not opened');
    select(canvas, CONTEXT_TAB_NAME);
    rerender(view('WR2'));
    expect(screen.getByTestId('content')).toHaveTextContent('WR2 opened');
  });
});
