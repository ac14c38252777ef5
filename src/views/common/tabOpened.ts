import { createContext, useContext } from 'react';

/**
 * Whether the agent has opened the tab for this task. The tab's content is built before that (Flex keeps
 * tabs mounted, hidden); anything it fetches waits until this is true. Without a provider: opened.
 */
export const TabOpenedContext = createContext(true);

export const useTabOpened = (): boolean => useContext(TabOpenedContext);
