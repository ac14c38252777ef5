#!/usr/bin/env node
/**
 * `npm run preview`: serves the offline preview on 127.0.0.1 (PORT, default 4173), with the PolyAI
 * stand-in and the built Functions on free loopback ports, until Ctrl-C stops all of it.
 */
const { startPreviewServer } = require('./server');

const port = process.env.PORT === undefined ? 4173 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}".`);
  process.exit(1);
}

startPreviewServer({ port }).then(
  (preview) => {
    const stop = () => preview.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`PolyAI Context preview: ${preview.url}  (Ctrl-C to stop)`);
    console.log(`  Functions (built, development token only): ${preview.functionsUrl}  ·  PolyAI stand-in: ${preview.standinUrl}`);
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
