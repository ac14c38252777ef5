import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { realFetch } from './fetch';

// `waitFor` and `findBy…` wait for a condition; their limit only ends a test that would never pass. Testing
// Library's 1 s default fails good tests on a busy 2-core machine, so the limit is jest's own per-test guard.
configure({ asyncUtilTimeout: 20_000 });

// A fetch double installed by one test (installFetch) never leaks into the next one.
afterEach(() => {
  global.fetch = realFetch;
});
