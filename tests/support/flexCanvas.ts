import { fireEvent, screen, within } from '@testing-library/react';

/**
 * One task canvas of the Flex double (tests/__mocks__/@twilio/flex-ui.tsx), found by its tab list's name:
 * `Task canvas` (the agent's) or `Teams view task canvas` (the supervisor's). Read as the user sees it.
 */
export function flexCanvas(name: string) {
  const tabList = () => screen.getByRole('tablist', { name });
  const tabs = () => within(tabList()).getAllByRole('tab');
  return {
    /** The tab labels, in Flex's order. */
    labels: () => tabs().map((tab) => tab.textContent),
    /** The selected tab's label. */
    selected: () => tabs().find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent,
    /** Clicks the tab with this label. */
    open: (label: string) => fireEvent.click(within(tabList()).getByRole('tab', { name: label })),
  };
}
