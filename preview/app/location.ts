/** The preview's state in its URL (`?task=verified&tab=info&theme=dark&panel=attributes`): links and screenshots reproduce a view. */
import { CONTEXT_TAB_NAME } from '../../src/flex-hooks/contextTab';

export type ThemeName = 'light' | 'dark';

export interface PreviewLocation {
  task: string | null;
  /** Task canvas tab to open first; the preview exists to show the PolyAI tab, so that by default. */
  tab: string;
  theme: ThemeName;
  attributesPanel: boolean;
}

export function readLocation(search: string): PreviewLocation {
  const params = new URLSearchParams(search);
  return {
    task: params.get('task'),
    tab: params.get('tab') ?? CONTEXT_TAB_NAME,
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    attributesPanel: params.get('panel') === 'attributes',
  };
}

export function writeLocation(location: PreviewLocation): void {
  const params = new URLSearchParams();
  if (location.task) params.set('task', location.task);
  if (location.tab !== CONTEXT_TAB_NAME) params.set('tab', location.tab);
  if (location.theme === 'dark') params.set('theme', 'dark');
  if (location.attributesPanel) params.set('panel', 'attributes');
  const query = params.toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}
