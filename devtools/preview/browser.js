/**
 * Headless Debian Chromium for the browser tests and the screenshots script (Playwright's own browser
 * download is not reachable). CHROMIUM_PATH overrides the binary.
 */
const { chromium } = require('playwright-core');

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

module.exports = { launchChromium };
