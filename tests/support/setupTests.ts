import '@testing-library/jest-dom';
import { realFetch } from './fetch';

// A fetch double installed by one test (installFetch) never leaks into the next one.
afterEach(() => {
  global.fetch = realFetch;
});
