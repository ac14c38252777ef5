/**
 * Unit and component tests (jsdom). `@twilio/flex-ui` is mocked: the real package needs a browser and
 * ships ESM dependencies. Paste icons ship ESM too, so they are transformed.
 *
 * Every project names its time zone (tests/support/timeZone): the unit suite runs in UTC and again in a zone west
 * of UTC and one east of it with a half-hour offset, so code that is right only in UTC fails.
 * `testTimeout` is a guard against a hung test on a busy 2-core machine, not an expectation of speed: tests wait
 * for conditions, never for a clock.
 */
const transform = {
  '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { jsx: 'react', allowJs: true, esModuleInterop: true, isolatedModules: true } }],
};
const jsdomInZone = '<rootDir>/tests/support/timeZone/jsdomEnvironment.js';
const nodeInZone = '<rootDir>/tests/support/timeZone/nodeEnvironment.js';

/** The model (tests/model), config, views, function calls and Flex registration (tests/unit), in jsdom. */
const unit = {
  displayName: 'unit',
  rootDir: __dirname,
  testEnvironment: jsdomInZone,
  testEnvironmentOptions: { timeZone: 'UTC' },
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/{unit,model}/**/*.test.ts?(x)'],
  moduleNameMapper: {
    '^@twilio/flex-ui$': '<rootDir>/tests/__mocks__/@twilio/flex-ui.tsx',
  },
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@twilio-paste/icons/)'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/setupTests.ts'],
  clearMocks: true,
};

/**
 * The unit suite again in another time zone. The repository's tooling tests (lint rules, bundle scan, CI floors,
 * bench report; `@jest-environment node`) read no clock and run once, in UTC.
 */
const unitInZone = (displayName, timeZone) => ({
  ...unit,
  displayName,
  testEnvironmentOptions: { timeZone },
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/unit/(ci|bench)/', '<rootDir>/tests/unit/security/(checkBundleSecrets|eslintRules)\\.test\\.ts$'],
});

/**
 * Twilio Functions, the PolyAI stand-in and the outage drill (tests/serverless), and the developer tools
 * (tests/devtools), in node (real loopback HTTP, no Twilio).
 */
const serverless = {
  displayName: 'serverless',
  rootDir: __dirname,
  testEnvironment: nodeInZone,
  testEnvironmentOptions: { timeZone: 'UTC' },
  roots: ['<rootDir>/tests/serverless', '<rootDir>/tests/devtools'],
  testMatch: ['<rootDir>/tests/{serverless,devtools}/**/*.test.ts'],
  transform,
};

/**
 * The real plugin in the offline preview, in headless Chromium (playwright-core); see tests/e2e/support. The plugin
 * and the preview's page are built once before any browser file starts (globalSetup), so no file's preview start
 * includes a build.
 */
const e2e = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: nodeInZone,
  testEnvironmentOptions: { timeZone: 'UTC' },
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/e2e/support/buildBeforeBrowserTests.js',
  transform,
};

module.exports = {
  testTimeout: 30_000,
  projects: [unit, unitInZone('unit-los-angeles', 'America/Los_Angeles'), unitInZone('unit-kolkata', 'Asia/Kolkata'), serverless, e2e],
};
