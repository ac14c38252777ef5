/**
 * How every development server here serves HTTP: an Express app (Express is what Twilio's own Functions
 * runtime, @twilio/runtime-handler, runs on) listening on 127.0.0.1.
 */
const express = require('express');

/** An Express app without the headers a stand-in should not invent (X-Powered-By, ETag). */
function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  return app;
}

/**
 * Middleware: a small JSON body whatever its content type (`curl -d` sends a form type); `{}` when it is not
 * JSON, so the route answers its own 400 instead of Express's HTML error page.
 */
function anyJsonBody(limit = '16kb') {
  const parse = express.json({ type: () => true, limit });
  return (request, response, next) => parse(request, response, () => next());
}

/**
 * Listens on `host:port` (port 0: a free one). Resolves once listening; rejects on a taken port
 * (`error.code === 'EADDRINUSE'`) instead of throwing an unhandled 'error' event. `close()` also ends open
 * connections (a stand-in's hanging answers, a browser's keep-alive), so a tool stops at once.
 */
function listen(app, { port = 0, host = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    // Node closes an idle keep-alive socket after 5 s; a client (Playwright's request context) reusing it at
    // that moment gets ECONNRESET. A tool's clients sit idle for longer between calls; close() ends them all.
    server.keepAliveTimeout = 10 * 60_000;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve({
        url: `http://${host}:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { anyJsonBody, createApp, listen };
