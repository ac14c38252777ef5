import React, { createContext, useState } from 'react';
import { Box, type BoxProps } from '@twilio-paste/core/box';

/**
 * The element the tab scrolls in (the view's one scroll area), for lists that render only the rows in view;
 * null outside the view.
 */
export const ScrollAreaContext = createContext<HTMLElement | null>(null);

/** A Paste Box that scrolls, telling what it holds that it is their scroll area. */
export function ScrollArea({ children, ...props }: BoxProps): JSX.Element {
  const [element, setElement] = useState<HTMLElement | null>(null);
  return (
    <Box ref={setElement} {...props}>
      <ScrollAreaContext.Provider value={element}>{children}</ScrollAreaContext.Provider>
    </Box>
  );
}
