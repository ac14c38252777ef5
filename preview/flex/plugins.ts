import type { PreviewManager } from './manager';

type PluginClass = new () => { name?: string; init(flex: unknown, manager: PreviewManager): void | Promise<void> };

/**
 * `Twilio.Flex.Plugins`, which `@twilio/flex-plugin`'s `loadPlugin` calls: Flex constructs the plugin and
 * awaits its `init(flex, manager)` before showing the desktop.
 */
export function createPlugins(flex: () => unknown, manager: () => PreviewManager) {
  const loading: Promise<void>[] = [];
  return {
    init(Plugin: PluginClass): void {
      loading.push(Promise.resolve().then(() => new Plugin().init(flex(), manager())));
    },
    ready: (): Promise<void> => Promise.all(loading).then(() => undefined),
  };
}
