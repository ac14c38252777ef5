#!/usr/bin/env node
/**
 * `npm run preview [-- --port=4173]`: serves the offline preview on 127.0.0.1 (--port, else PORT, default
 * 4173), with the PolyAI stand-in and the built Functions on free loopback ports, until Ctrl-C stops all of it.
 */
const { parseCommandLine, portInUseMessage } = require('../../scripts/lib/cliArgs');
const { startPreviewServer } = require('./server');

const envPort = process.env.PORT === undefined || process.env.PORT === '' ? '4173' : process.env.PORT;
const port = parseCommandLine('npm run preview -- [--port=4173]', (args) => {
  const value = args.integer('port', 'port on 127.0.0.1; 0 picks a free one (or set PORT)', { min: 0, max: 65535 });
  if (value !== undefined) return value;
  if (!/^\d+$/.test(envPort) || Number(envPort) > 65535) {
    console.error(`error: PORT must be a port number (0-65535), got "${envPort}"`);
    process.exit(2);
  }
  return Number(envPort);
});

startPreviewServer({ port }).then(
  (preview) => {
    const stop = () => preview.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`PolyAI Context preview: ${preview.url}  (Ctrl-C to stop)`);
    console.log(`  Functions (built, development token only): ${preview.functionsUrl}  ·  PolyAI stand-in: ${preview.standinUrl}`);
  },
  (error) => {
    console.error(portInUseMessage(error, 'PolyAI Context preview', port, `pick another port: npm run preview -- --port=${port + 1}`) ?? `The preview could not start:\n${error.message}`);
    process.exit(1);
  },
);
