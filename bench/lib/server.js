/** A static server for the bench page on 127.0.0.1 (random port): only the files it is given. */
const { createApp, listen } = require('../../devtools/lib/http');

async function serve(files) {
  const app = createApp();
  app.get('*', (request, response) => {
    const file = files[request.path];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  const server = await listen(app);
  return { url: `${server.url}/`, close: server.close };
}

module.exports = { serve };
