/**
 * The two router pieces the preview uses, from the copies @twilio/flex-ui depends on (react-router-dom 5,
 * history 4), which ship no types of their own.
 */
declare module 'history' {
  export interface History {
    location: { pathname: string };
    push(path: string): void;
  }
  export function createMemoryHistory(options?: { initialEntries?: string[] }): History;
}

declare module 'react-router-dom' {
  import type * as React from 'react';
  import type { History } from 'history';

  export interface RouteComponentProps {
    match: { url: string; path: string; isExact: boolean; params: Record<string, string> };
    location: History['location'];
    history: History;
  }
  export const Router: React.ComponentType<{ history: History; children?: React.ReactNode }>;
  export const Route: React.ComponentType<{ path: string; render: (route: RouteComponentProps) => React.ReactNode }>;
}
