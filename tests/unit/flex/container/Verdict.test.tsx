/** The agent's verdict: one click to save, optional reason, stored verdict shown again, failures kept for retry. */
import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { VerdictPanel, type VerdictTask } from '../../../../src/flex/container/VerdictPanel';
import { STRING_TABLES, StringsContext, type SupportedLanguage } from '../../../../src/strings';
import { installFetch, jsonResponse, mockFetch } from '../../../support/fetch';
import { CustomizationProvider } from '@twilio-paste/core/customization';

const TASK_SID = `WT${'a'.repeat(32)}`;
const BASE_URL = 'https://polyai-1234.twil.io';
const POLYAI = { polyai: { data: { intent: 'dispute_charge' } } };

function task(overrides: Partial<VerdictTask> = {}, attributes: Record<string, unknown> = {}): VerdictTask {
  return { taskSid: TASK_SID, status: 'accepted', attributes: { ...POLYAI, ...attributes }, ...overrides };
}

const stored = (verdict: string, reason: string | null = null, by = 'agent') => ({ polyai_verdict: { verdict, reason, by, at: '2026-11-30T05:00:00.000Z' } });

const saved = (verdict: string, reason: string | null = null) =>
  jsonResponse(200, { verdict: { verdict, reason, by: 'agent', at: '2026-11-30T06:00:00.000Z' }, insights: true });

let fetchSpy: jest.Mock;

function show(props: { task?: VerdictTask; audience?: 'agent' | 'supervisor'; functionsBaseUrl?: string | null; language?: SupportedLanguage }, ...responses: Response[]) {
  fetchSpy = installFetch(mockFetch(...(responses.length > 0 ? responses : [saved('right')])));
  // Paste's provider inside the element, so a rerender updates the tree instead of replacing it.
  const element = (current: VerdictTask) => (
    <CustomizationProvider baseTheme="default">
    <StringsContext.Provider value={STRING_TABLES[props.language ?? 'en-US']}>
      <VerdictPanel
        task={current}
        functionsBaseUrl={props.functionsBaseUrl === undefined ? BASE_URL : props.functionsBaseUrl}
        token={() => 'flex-token'}
        audience={props.audience ?? 'agent'}
      />
    </StringsContext.Provider>
    </CustomizationProvider>
  );
  const view = render(element(props.task ?? task()));
  return { ...view, update: (next: VerdictTask) => view.rerender(element(next)) };
}

const button = (name: string) => screen.getByRole('button', { name });
const sentBodies = () => fetchSpy.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string));

describe('the agent\'s verdict', () => {
  it('offers three choices, none pressed, and makes no request before the agent clicks', () => {
    show({});
    expect(screen.getByRole('group', { name: 'Your verdict on this handoff' })).toBeInTheDocument();
    for (const name of ['Context right', 'Incomplete', 'Wrong']) expect(button(name)).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByLabelText('What was wrong? (optional)')).not.toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('saves with one click through the Function, with the Flex token', async () => {
    show({}, saved('wrong'));
    fireEvent.click(button('Wrong'));
    expect(button('Wrong')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('polyai-verdict-status')).toHaveTextContent('Saving your verdict…');
    await waitFor(() => expect(screen.getByTestId('polyai-verdict-status')).toHaveTextContent('Verdict saved'));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0][0]).toBe(`${BASE_URL}/polyai-verdict`);
    expect(sentBodies()).toEqual([{ Token: 'flex-token', taskSid: TASK_SID, verdict: 'wrong', reason: null }]);
  });

  it('adds an optional reason for incomplete or wrong, saved when chosen', async () => {
    show({}, saved('wrong'), saved('wrong', 'not_verified'));
    fireEvent.click(button('Wrong'));
    await waitFor(() => expect(screen.getByTestId('polyai-verdict-status')).toHaveTextContent('Verdict saved'));
    fireEvent.change(screen.getByLabelText('What was wrong? (optional)'), { target: { value: 'not_verified' } });
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(2));
    expect(sentBodies()[1]).toEqual({ Token: 'flex-token', taskSid: TASK_SID, verdict: 'wrong', reason: 'not_verified' });
    expect(screen.getByLabelText('What was wrong? (optional)')).toHaveValue('not_verified');
    await waitFor(() => expect(screen.getByText('Verdict saved')).toBeInTheDocument());
  });

  it('drops the reason when the agent changes to "Context right"', async () => {
    show({ task: task({}, stored('incomplete', 'missing_data')) }, saved('right'));
    fireEvent.click(button('Context right'));
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(1));
    expect(sentBodies()[0]).toMatchObject({ verdict: 'right', reason: null });
    expect(screen.queryByLabelText('What was wrong? (optional)')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Verdict saved')).toBeInTheDocument());
  });

  it('shows the stored verdict again on return, from the task attributes alone', () => {
    show({ task: task({}, stored('incomplete', 'missing_data')) });
    expect(button('Incomplete')).toHaveAttribute('aria-pressed', 'true');
    expect(button('Wrong')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByLabelText('What was wrong? (optional)')).toHaveValue('missing_data');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('says when a save failed, keeps the choice, and saves it again on request', async () => {
    show({}, jsonResponse(409, { error: { status: 409, message: 'The task kept changing while the verdict was saved: try again.' } }), saved('incomplete'));
    fireEvent.click(button('Incomplete'));
    await waitFor(() =>
      expect(screen.getByTestId('polyai-verdict-status')).toHaveTextContent('Your verdict was not saved: The task kept changing while the verdict was saved: try again.'),
    );
    expect(button('Incomplete')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(button('Save again'));
    await waitFor(() => expect(screen.getByTestId('polyai-verdict-status')).toHaveTextContent('Verdict saved'));
    expect(sentBodies()).toEqual([
      { Token: 'flex-token', taskSid: TASK_SID, verdict: 'incomplete', reason: null },
      { Token: 'flex-token', taskSid: TASK_SID, verdict: 'incomplete', reason: null },
    ]);
  });

  it('keeps the agent\'s failed choice even when the task attributes refresh meanwhile', async () => {
    const { update } = show({ task: task({}, stored('right')) }, jsonResponse(502, { error: { status: 502, message: 'TaskRouter refused the update (500).' } }));
    fireEvent.click(button('Wrong'));
    await waitFor(() => expect(screen.getByText(/Your verdict was not saved/)).toBeInTheDocument());
    expect(button('Wrong')).toHaveAttribute('aria-pressed', 'true');
    update(task({}, { ...stored('right'), wrapup: 'x' }));
    expect(button('Wrong')).toHaveAttribute('aria-pressed', 'true');
    expect(button('Save again')).toBeInTheDocument();
  });

  it('follows a verdict stored elsewhere (a supervisor) once its own save is done', async () => {
    const { update } = show({}, saved('right'));
    fireEvent.click(button('Context right'));
    await waitFor(() => expect(screen.getByText('Verdict saved')).toBeInTheDocument());
    update(task({}, stored('wrong', 'wrong_intent', 'supervisor')));
    expect(button('Wrong')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Set by a supervisor')).toBeInTheDocument();
  });

  it('counts only the latest save when the agent changes their mind quickly', async () => {
    let resolveFirst: (response: Response) => void = () => undefined;
    show({});
    fetchSpy.mockImplementationOnce(() => new Promise<Response>((resolve) => (resolveFirst = resolve)));
    fetchSpy.mockImplementationOnce(async () => saved('wrong'));
    fireEvent.click(button('Context right'));
    fireEvent.click(button('Wrong'));
    await waitFor(() => expect(screen.getByText('Verdict saved')).toBeInTheDocument());
    await act(async () => resolveFirst(jsonResponse(500, { error: { status: 500, message: 'late failure' } })));
    expect(screen.queryByText(/late failure/)).not.toBeInTheDocument();
    expect(button('Wrong')).toHaveAttribute('aria-pressed', 'true');
  });

  it('works from the keyboard alone', async () => {
    show({}, saved('incomplete'), saved('incomplete', 'wrong_intent'));
    const user = userEvent.setup();
    await user.tab();
    expect(button('Context right')).toHaveFocus();
    await user.tab();
    // act: the save's answer arrives while user-event is still dispatching (React 17 does not batch it otherwise).
    await act(() => user.keyboard('{Enter}'));
    await waitFor(() => expect(screen.getByText('Verdict saved')).toBeInTheDocument());
    expect(sentBodies()[0]).toMatchObject({ verdict: 'incomplete' });
    await user.tab(); // Wrong
    await user.tab(); // reason
    expect(screen.getByLabelText('What was wrong? (optional)')).toHaveFocus();
    await act(() => user.selectOptions(screen.getByLabelText('What was wrong? (optional)'), 'wrong_intent'));
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(2));
    expect(sentBodies()[1]).toMatchObject({ verdict: 'incomplete', reason: 'wrong_intent' });
    await waitFor(() => expect(screen.getByText('Verdict saved')).toBeInTheDocument());
  });

  it.each<[SupportedLanguage, string, string]>([
    ['es-ES', '¿Era correcto el contexto de PolyAI?', 'Contexto correcto'],
    ['fr-FR', 'Le contexte PolyAI était-il juste ?', 'Contexte juste'],
    ['de-DE', 'War der PolyAI-Kontext richtig?', 'Kontext richtig'],
  ])('speaks %s', (language, heading, right) => {
    show({ language });
    expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    expect(button(right)).toBeInTheDocument();
  });
});

describe('when the verdict cannot change', () => {
  it('shows it read-only once the task is completed', () => {
    show({ task: task({ status: 'completed' }, stored('wrong', 'should_not_escalate')) });
    expect(screen.getByTestId('polyai-verdict-stored')).toHaveTextContent('Wrong: Should not have been escalated');
    expect(screen.getByText('The task is completed: the verdict can no longer change.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a supervisor the agent\'s verdict read-only', () => {
    show({ task: task({ status: 'accepted' }, stored('incomplete', 'missing_data')), audience: 'supervisor' });
    expect(screen.getByTestId('polyai-verdict-stored')).toHaveTextContent('Incomplete: Missing data');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('says there is no verdict yet, to a supervisor', () => {
    show({ audience: 'supervisor' });
    expect(screen.getByTestId('polyai-verdict-stored')).toHaveTextContent('No verdict yet.');
  });

  it('offers nothing before the agent accepts the task', () => {
    show({ task: task({ status: 'pending' }) });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when saving is not configured', () => {
    show({ functionsBaseUrl: null });
    expect(screen.getByText('Verdicts cannot be saved yet: an admin can set functions_base_url.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
