/**
 * DEVELOPMENT ONLY. Serves the BUILT public Functions (the files `twilio serverless:deploy` uploads) over
 * HTTP on 127.0.0.1, running each the way Twilio's runtime does (serverless/dev/localRuntime.ts): request
 * body and query as the event, headers on `event.request.headers`, the environment as the context.
 */
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';

import { invokeFunction, type AnyHandler } from '../../serverless/dev/localRuntime';
import type { TokenValidator } from '../../serverless/src/lib/flexToken';
import type { TaskRouterClient } from '../../serverless/src/lib/taskAccess';
import type { TaskRouterGateway } from '../../serverless/src/lib/taskrouter';

export interface LocalFunctionsOptions {
  /** A build of serverless/ (`scripts/build.mjs --outdir`): `<dir>/functions/*.js`. */
  functionsDir: string;
  env: Record<string, string>;
  /** Replaces Twilio's token validator (the preview's development validator). */
  validateToken: TokenValidator;
  /** Replaces the Service's TaskRouter in the task access check (the preview's development stand-in). */
  taskRouter: TaskRouterClient;
  /** The TaskRouter `polyai-verdict` reads and updates (the preview's TaskRouter stand-in, with ETags). */
  verdictTaskRouter: TaskRouterGateway;
}

export interface LocalFunctions {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

/** The public Functions, built with their factory so the token validator and TaskRouter can be injected. */
function loadHandlers(functionsDir: string, deps: Pick<LocalFunctionsOptions, 'validateToken' | 'taskRouter' | 'verdictTaskRouter'>): Record<string, AnyHandler> {
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
    '/polyai-verdict': verdict.createPolyaiVerdictHandler({ ...deps, verdictTaskRouter: () => deps.verdictTaskRouter }),
  };
}

function readBody(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
      if (raw.length > MAX_BODY_BYTES) request.destroy();
    });
    request.on('end', () => {
      // Twilio's runtime accepts JSON and form bodies alike.
      const isJson = (request.headers['content-type'] ?? '').includes('json');
      try {
        resolve(raw === '' ? {} : isJson ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw)));
      } catch {
        resolve({});
      }
    });
  });
}

export async function startLocalFunctions(options: LocalFunctionsOptions): Promise<LocalFunctions> {
  const handlers = loadHandlers(options.functionsDir, options);
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handler = handlers[url.pathname];
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('Not found');
    }
    const body = await readBody(request);
    const event = { ...Object.fromEntries(url.searchParams), ...body, request: { headers: { ...request.headers }, cookies: {} } };
    const result = await invokeFunction(handler, options.env, event);
    response.writeHead(result.status, result.headers);
    if (result.body === undefined || result.body === null) response.end();
    else response.end(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
