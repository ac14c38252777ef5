/**
 * Unit and component tests (jsdom). `@twilio/flex-ui` is mocked: the real package needs a browser and
 * ships ESM dependencies. Paste icons ship ESM too, so they are transformed.
 */
const transform = {
  '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { jsx: 'react', allowJs: true, esModuleInterop: true, isolatedModules: true } }],
};

/** Model, config, components and Flex registration, in jsdom. */
const unit = {
  displayName: 'unit',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'],
  moduleNameMapper: {
    '^@twilio/flex-ui$': '<rootDir>/tests/__mocks__/@twilio/flex-ui.tsx',
  },
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@twilio-paste/icons/)'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/setupTests.ts'],
  clearMocks: true,
};

/** Twilio Functions, the PolyAI stand-in and the outage drill, in node (real loopback HTTP, no Twilio). */
const serverless = {
  displayName: 'serverless',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/serverless'],
  testMatch: ['<rootDir>/tests/serverless/**/*.test.ts'],
  transform,
};

/** The real plugin in the offline preview, in headless Chromium (playwright-core); see tests/e2e/support. */
const e2e = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  transform,
};

module.exports = {
  projects: [unit, serverless, e2e],
};
