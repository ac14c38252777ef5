/**
 * DEVELOPMENT ONLY. Serves the BUILT public Functions (the files `twilio serverless:deploy` uploads) over
 * HTTP on 127.0.0.1, running each the way Twilio's runtime does (localRuntime.ts): form and JSON bodies
 * parsed as @twilio/runtime-handler parses them, query and body as the event, headers on
 * `event.request.headers`, the environment as the context.
 */
import * as path from 'path';
import express from 'express';

import { createApp, listen, type Listening } from '../lib/http';
import { invokeFunction, type AnyHandler } from './localRuntime';
import type { TokenValidator } from '../../serverless/src/lib/flexToken';
import type { TaskRouterClient } from '../../serverless/src/lib/taskAccess';
import type { TaskRouterGateway } from '../../serverless/src/lib/taskrouter';

export interface LocalFunctionsOptions {
  /** A build of serverless/ (`scripts/build.mjs --outdir`): `<dir>/functions/*.js`. */
  functionsDir: string;
  env: Record<string, string>;
  /** Replaces Twilio's token validator (the preview's development validator). */
  validateToken: TokenValidator;
  /** Replaces the Service's TaskRouter for the access check and the verdict's writes (the preview's in-memory one). */
  taskRouter: TaskRouterClient & TaskRouterGateway;
}

export type LocalFunctions = Listening;

const MAX_BODY = '64kb';

/** The public Functions, built with their factory so the token validator and TaskRouter can be injected. */
function loadHandlers(functionsDir: string, deps: Pick<LocalFunctionsOptions, 'validateToken' | 'taskRouter'>): Record<string, AnyHandler> {
  // Loaded at run time from the build, not bundled: the preview must run the deployable files themselves.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const conversation = require(path.join(functionsDir, 'polyai-conversation.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handoffState = require(path.join(functionsDir, 'polyai-handoff-state.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const verdict = require(path.join(functionsDir, 'polyai-verdict.js'));
  return {
    '/polyai-conversation': conversation.createPolyaiConversationHandler(deps),
    '/polyai-handoff-state': handoffState.createPolyaiHandoffStateHandler(deps),
    '/polyai-verdict': verdict.createPolyaiVerdictHandler({ ...deps, verdictTaskRouter: () => deps.taskRouter }),
  };
}

export async function startLocalFunctions(options: LocalFunctionsOptions): Promise<LocalFunctions> {
  const handlers = loadHandlers(options.functionsDir, options);
  const app = createApp();
  app.use(express.urlencoded({ extended: false, limit: MAX_BODY }), express.json({ limit: MAX_BODY }));
  for (const [route, handler] of Object.entries(handlers)) {
    app.all(route, async (request, response) => {
      const event = { ...request.query, ...request.body, request: { headers: { ...request.headers }, cookies: {} } };
      const result = await invokeFunction(handler, options.env, event);
      response.writeHead(result.status, result.headers);
      if (result.body === undefined || result.body === null) response.end();
      else response.end(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
    });
  }
  app.use((_request, response) => void response.status(404).type('text/plain').send('Not found'));
  return listen(app);
}
