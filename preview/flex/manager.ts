/** `Manager.getInstance()`: configuration from `window.appConfig` (as Flex reads it), strings, the user. */
declare global {
  interface Window {
    appConfig?: Record<string, unknown>;
    /** Written by the preview server (preview-session.js): this session's development Flex token. */
    previewSession?: { flexToken?: string; polyaiMode?: string; polyaiModes?: string[] };
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
      const configuration: Record<string, unknown> = { ...(window.appConfig ?? {}) };
      // Flex's own language setting; the preview takes it from `?lang=` so a reload can switch it.
      const language = new URLSearchParams(window.location.search).get('lang');
      if (language) configuration.language = language;
      const customData = (configuration.custom_data ?? {}) as Record<string, unknown>;
      instance = {
        configuration,
        serviceConfiguration: { ui_attributes: { custom_data: customData } },
        strings: { ...FLEX_STRINGS },
        // No Twilio account offline: the preview server's development token, which only its own Functions
        // accept (see preview/backend/developmentTokenValidator.ts); never a real credential.
        user: { identity: 'preview.agent@example.com', token: window.previewSession?.flexToken ?? '' },
      };
    }
    return instance;
  },
};
