/**
 * The preview's state in its URL (`?task=verified&tab=info&theme=dark&panel=attributes&lang=es-ES`): links
 * and screenshots reproduce a view. `lang` is read by the preview's Flex Manager before the plugin starts.
 */
import { CONTEXT_TAB_NAME } from '../../src/flex-hooks/contextTab';

export type ThemeName = 'light' | 'dark';

export interface PreviewLocation {
  task: string | null;
  /** Task canvas tab to open first; the preview exists to show the PolyAI tab, so that by default. */
  tab: string;
  theme: ThemeName;
  attributesPanel: boolean;
  /** Flex's language (`?lang=es-ES`); null = the browser's. */
  language: string | null;
}

/** The URL parameter holding Flex's language: applied when the plugin initialises, so a change reloads. */
export const LANGUAGE_PARAM = 'lang';

export function readLocation(search: string): PreviewLocation {
  const params = new URLSearchParams(search);
  return {
    task: params.get('task'),
    tab: params.get('tab') ?? CONTEXT_TAB_NAME,
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    attributesPanel: params.get('panel') === 'attributes',
    language: params.get(LANGUAGE_PARAM),
  };
}

export function locationQuery(location: PreviewLocation): string {
  const params = new URLSearchParams();
  if (location.task) params.set('task', location.task);
  if (location.tab !== CONTEXT_TAB_NAME) params.set('tab', location.tab);
  if (location.theme === 'dark') params.set('theme', 'dark');
  if (location.attributesPanel) params.set('panel', 'attributes');
  if (location.language) params.set(LANGUAGE_PARAM, location.language);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

export function writeLocation(location: PreviewLocation): void {
  window.history.replaceState(null, '', locationQuery(location));
}
