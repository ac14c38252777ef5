import React from 'react';
import { fireEvent, screen } from '@testing-library/react';

import { TabErrorBoundary } from '../../../src/views/TabErrorBoundary/TabErrorBoundary';
import { renderWithPaste } from '../../support/render';

describe('TabErrorBoundary', () => {
  it('contains a render fault, reports it and recovers on retry', () => {
    let shouldFail = true;
    function Fragile(): JSX.Element {
      if (shouldFail) throw new Error('render fault');
      return <p>Recovered content</p>;
    }
    const onError = jest.fn();
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithPaste(
      <div>
        <p>Rest of the task canvas</p>
        <TabErrorBoundary onError={onError}>
          <Fragile />
        </TabErrorBoundary>
      </div>,
    );
    expect(screen.getByText('The PolyAI Context tab hit a problem')).toBeInTheDocument();
    expect(screen.getByText('Rest of the task canvas')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'render fault' }));

    shouldFail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Recovered content')).toBeInTheDocument();
    consoleError.mockRestore();
  });
});
