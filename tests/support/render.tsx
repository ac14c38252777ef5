import React from 'react';
import { fireEvent, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { reportTabError } from '../../src/flex/reportError';
import { LocaleContext, STRING_TABLES, StringsContext, type SupportedLanguage } from '../../src/strings';
import { FaultReportContext } from '../../src/views/common/faultReport';

/**
 * Renders inside Paste's provider, as the plugin's `withPasteTheme` gives each piece it hands Flex, with render
 * faults reported through Flex as the container reports them.
 */
export function renderWithPaste(ui: React.ReactElement): RenderResult {
  return render(
    <FaultReportContext.Provider value={reportTabError}>
      <CustomizationProvider baseTheme="default">{ui}</CustomizationProvider>
    </FaultReportContext.Provider>,
  );
}

/** Renders with the tab's strings in `language` and dates and numbers in `locale` (e.g. en-US strings, en-GB dates). */
export function renderInLanguage(ui: React.ReactElement, language: SupportedLanguage = 'en-US', locale: string = language): RenderResult {
  return renderWithPaste(
    <StringsContext.Provider value={STRING_TABLES[language]}>
      <LocaleContext.Provider value={locale}>{ui}</LocaleContext.Provider>
    </StringsContext.Provider>,
  );
}

/** A fake Clipboard API in every test of the file; the returned list holds what each test copied. */
export function fakeClipboard(): string[] {
  const copied: string[] = [];
  beforeEach(() => {
    copied.length = 0;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: jest.fn(async (text: string) => void copied.push(text)) } });
  });
  return copied;
}

/** Presses "Copy all" and returns the copied text's lines, once the tab says it copied. */
export async function copyAllLines(copied: readonly string[]): Promise<string[]> {
  const before = copied.length;
  fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
  await waitFor(() => expect(copied.length).toBe(before + 1));
  await screen.findByText('Everything shown in the tab copied to the clipboard');
  return copied[before].split('\n');
}
