/**
 * Real Flex, offline: the @twilio/flex-ui 2.17.1 library from node_modules, started without
 * `Manager.create()` (which needs an SSO login, Flex's remote configuration and TaskRouter).
 * What Flex does after a login is done here by hand, with Flex's own pieces: its reducer and middleware,
 * `new Manager(config, store)` made the singleton, its login-fulfilled action, its plugin manager.
 */
import * as Flex from '@twilio/flex-ui';
import React from 'react';
import ReactDOM from 'react-dom';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';
import { createMemoryHistory, type History } from 'history';

declare global {
  interface Window {
    appConfig?: Record<string, unknown>;
    /** Written by the preview server (preview-session.js). */
    previewSession?: { flexToken?: string; polyaiMode?: string; polyaiModes?: string[]; pluginUrl?: string; pluginVersion?: string };
  }
}

/** Flex's login reducer stores this payload; `manager.user` reads it (identity, token, roles). */
const LOGIN_FULFILLED = 'FLEX_ACTION_LOGIN_FULFILLED';

/**
 * The globals a plugin built by `flex-plugin build` expects (its webpack externals) and where
 * `@twilio/flex-plugin`'s `loadPlugin` finds Flex: `window.Twilio.Flex`.
 */
function installGlobals(): void {
  Object.assign(window, { React, ReactDOM, Redux, ReactRedux, Twilio: { ...(window as { Twilio?: object }).Twilio, Flex } });
}

/** Flex's Redux store (redux 4, Flex's own copy: see the alias in devtools/preview/server.js). */
export type FlexStore = ReactRedux.ProviderProps['store'];

export interface OfflineFlex {
  manager: Flex.Manager;
  store: FlexStore;
  /** Flex's router history (in memory: the preview's own URL keeps the preview's switches). */
  history: History;
}

/** Who logs in: the development agent, or a supervisor for the Teams view (roles and the permissions Flex derives from them). */
export interface PreviewUser {
  identity: string;
  roles: string[];
  permissions: Record<string, boolean>;
}

export const PREVIEW_AGENT: PreviewUser = { identity: 'preview.agent@example.com', roles: ['agent'], permissions: {} };

/** Creates Flex's store and Manager and logs the development user in. */
export function startFlex(configuration: Record<string, unknown>, user: PreviewUser = PREVIEW_AGENT): OfflineFlex {
  installGlobals();
  const history = createMemoryHistory({ initialEntries: ['/agent-desktop'] });
  const store = Redux.createStore(Redux.combineReducers({ flex: Flex.FlexReducer }), Flex.applyFlexMiddleware(history as never) as never) as unknown as FlexStore;
  const manager = new Flex.Manager(configuration as Flex.Config, store as never);
  // What Manager.create() does once the remote configuration arrived: this instance is the singleton.
  // The exported `Manager` is Flex's `ManagerForOutside`; Flex's own components ask its base class.
  const ManagerClass = Object.getPrototypeOf(Flex.Manager) as { _instance?: Flex.Manager; createProxiedInstance(): void };
  ManagerClass._instance = manager;
  // What Flex's configuration service answers for the account (Flex's actions read it, e.g. AcceptTask
  // asks whether to record the call); the admin's ui_attributes are the page's configuration.
  Object.assign(manager, {
    _serviceConfiguration: {
      account_sid: 'AC00000000000000000000000000000000',
      taskrouter_workspace_sid: 'WS00000000000000000000000000000000',
      call_recording_enabled: false,
      ui_attributes: configuration,
    },
  });
  ManagerClass.createProxiedInstance.call(ManagerClass);
  store.dispatch({
    type: LOGIN_FULFILLED,
    payload: {
      tokenPayload: {
        // The preview server's development token, which only its own Functions accept (see
        // devtools/preview/developmentTokenValidator.ts); never a real credential.
        token: window.previewSession?.flexToken ?? '',
        identity: user.identity,
        roles: user.roles,
        expiration: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
        permissions: user.permissions,
      },
    },
  });
  return { manager, store, history };
}

/**
 * Loads a plugin bundle the way Flex does: its definition stored in Flex's plugin manager, then a
 * `<script>` carrying the definition's `uuid`; the bundle calls `Twilio.Flex.Plugins.init`, which runs
 * the plugin's `init(flex, manager)`. Resolves once Flex marks it initialised (or failed).
 */
export function loadPlugin(manager: Flex.Manager, definition: { name: string; version: string; src: string }): Promise<string> {
  const plugins = (Flex as unknown as { Plugins: FlexPluginManager }).Plugins;
  const uuid = `${definition.name}-${definition.version}`;
  plugins.setup(Flex, manager);
  plugins.storePluginDefinition([{ ...definition, uuid, phase: 3, flexVersion: Flex.VERSION, state: 'NotStarted' }]);
  return new Promise((resolve, reject) => {
    const settled = () => {
      const state = plugins.plugins.find((plugin) => plugin.uuid === uuid)?.state;
      if (state === 'Initialized' || state === 'Failed') resolve(state);
    };
    plugins.createListener(settled);
    const script = document.createElement('script');
    script.src = definition.src;
    script.setAttribute('uuid', uuid);
    script.onload = () => setTimeout(settled, 0);
    script.onerror = () => reject(new Error(`could not load ${definition.src}`));
    document.head.appendChild(script);
  });
}

interface FlexPluginManager {
  setup(flex: unknown, manager: Flex.Manager): void;
  storePluginDefinition(plugins: Array<Record<string, unknown>>): void;
  plugins: Array<{ uuid: string; state: string }>;
  /** Flex's own listener list: called whenever a plugin's state or the loading phase changes. */
  createListener(callback: () => void): () => void;
}
