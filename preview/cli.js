#!/usr/bin/env node
/**
 * `npm run preview`: serves the offline preview on 127.0.0.1 (PORT, default 4173) until Ctrl-C.
 * POLYAI_FUNCTIONS_URL, when set, is passed to the plugin as `custom_data.polyai_context.functions_base_url`.
 */
const { startPreviewServer } = require('./server');

const port = process.env.PORT === undefined ? 4173 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}".`);
  process.exit(1);
}

startPreviewServer({ port, functionsBaseUrl: process.env.POLYAI_FUNCTIONS_URL || '' }).then(
  (preview) => {
    const stop = () => preview.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`PolyAI Context preview: ${preview.url}  (Ctrl-C to stop)`);
  },
  (error) => {
    if (error.code === 'EADDRINUSE') {
      console.error(`Port ${port} on 127.0.0.1 is already in use. Stop whatever uses it, or pick another port: PORT=${port + 1} npm run preview`);
    } else {
      console.error(`The preview could not start:\n${error.message}`);
    }
    process.exit(1);
  },
);
