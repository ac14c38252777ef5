/** `Manager.getInstance()`: configuration from `window.appConfig` (as Flex reads it), strings, the user. */
declare global {
  interface Window {
    appConfig?: Record<string, unknown>;
  }
}

export interface PreviewManager {
  configuration: Record<string, unknown>;
  serviceConfiguration: { ui_attributes: Record<string, unknown> };
  strings: Record<string, string>;
  user: { identity: string; token: string };
}

let instance: PreviewManager | undefined;

// A few of Flex's own strings, so a plugin that merges into manager.strings meets a non-empty object.
const FLEX_STRINGS: Record<string, string> = {
  TaskHeaderLine: '{{task.defaultFrom}}',
  TaskInfoPanelContent: 'Task context',
};

export const Manager = {
  getInstance(): PreviewManager {
    if (!instance) {
      const configuration = { ...(window.appConfig ?? {}) };
      const customData = (configuration.custom_data ?? {}) as Record<string, unknown>;
      instance = {
        configuration,
        serviceConfiguration: { ui_attributes: { custom_data: customData } },
        strings: { ...FLEX_STRINGS },
        // No Twilio account offline: a placeholder identity and token, never a real credential.
        user: { identity: 'preview.agent@example.com', token: 'preview-token' },
      };
    }
    return instance;
  },
};
