/**
 * The preview's state in its URL (`?view=teams&task=verified&tab=info&theme=dark&panel=attributes&lang=es-ES&autoSelect=on&accepted=early&debugger=on`):
 * links and screenshots reproduce a view. `lang` and `autoSelect` are Flex configuration, read before the
 * plugin starts, so changing them reloads the page.
 */
import type { AcceptedUpdateOrder } from './reservations';

export type ThemeName = 'light' | 'dark';

/** `agent`: Flex's agent desktop; `teams`: a supervisor monitoring a call in the Teams view's task canvas (teams.tsx). */
export type PreviewView = 'agent' | 'teams';

export interface PreviewLocation {
  /** Who is logged in and what Flex shows (`?view=teams`); changing it reloads the page. */
  view: PreviewView;
  /** Sample task selected on load (Flex's SelectTask); null = none, as when an agent logs in. */
  task: string | null;
  /** Task canvas tab to select on load (Flex's SetComponentState); null = Flex's default. */
  tab: string | null;
  theme: ThemeName;
  attributesPanel: boolean;
  /** Flex's language (`?lang=es-ES`); null = the browser's. */
  language: string | null;
  /** The admin option `auto_select_tab` (off by default, as in production). */
  autoSelect: boolean;
  /** When the reservation's `accepted` update arrives relative to AcceptTask (see reservations.ts). */
  accepted: AcceptedUpdateOrder;
  /** Flex's `debuggerIntegration.enabled` (off by default, as in Flex): Monitor then records errors. */
  debuggerIntegration: boolean;
}

export function readLocation(search: string): PreviewLocation {
  const params = new URLSearchParams(search);
  return {
    view: params.get('view') === 'teams' ? 'teams' : 'agent',
    task: params.get('task'),
    tab: params.get('tab'),
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    attributesPanel: params.get('panel') === 'attributes',
    language: params.get('lang'),
    autoSelect: params.get('autoSelect') === 'on',
    accepted: params.get('accepted') === 'early' ? 'early' : 'late',
    debuggerIntegration: params.get('debugger') === 'on',
  };
}

export function locationQuery(location: PreviewLocation): string {
  const params = new URLSearchParams();
  if (location.view === 'teams') params.set('view', 'teams');
  if (location.task) params.set('task', location.task);
  if (location.tab) params.set('tab', location.tab);
  if (location.theme === 'dark') params.set('theme', 'dark');
  if (location.attributesPanel) params.set('panel', 'attributes');
  if (location.language) params.set('lang', location.language);
  if (location.autoSelect) params.set('autoSelect', 'on');
  if (location.accepted === 'early') params.set('accepted', 'early');
  if (location.debuggerIntegration) params.set('debugger', 'on');
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

export function writeLocation(location: PreviewLocation): void {
  window.history.replaceState(null, '', locationQuery(location));
}
