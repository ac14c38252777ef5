import React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';

/** Renders inside Paste's provider, as the plugin's `withPasteTheme` gives each piece it hands Flex. */
export function renderWithPaste(ui: React.ReactElement): RenderResult {
  return render(<CustomizationProvider baseTheme="default">{ui}</CustomizationProvider>);
}
