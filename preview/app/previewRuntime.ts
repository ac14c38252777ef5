/** What the preview page exposes for the browser tests and benchmarks (`window.previewRuntime`). */
import type { OfflineFlex } from './flexRuntime';
import type { ReservationDesk } from './reservations';

export interface PreviewRuntime {
  /** Flex's plugin-manager state for the plugin: `Initialized` or `Failed`. */
  pluginState: string;
  flex: OfflineFlex;
  /** Rings tasks in and moves reservations, as TaskRouter would. */
  desk: ReservationDesk;
}

declare global {
  interface Window {
    previewRuntime?: PreviewRuntime;
  }
}
