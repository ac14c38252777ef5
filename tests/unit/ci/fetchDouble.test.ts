/** A fetch double is the current test's own: the next test sees the environment's fetch again. */
import { installFetch, mockFetch, jsonResponse, realFetch } from '../../support/fetch';

describe('installFetch', () => {
  const double = mockFetch(jsonResponse(200, {}));

  it('puts the double in place of fetch for this test', () => {
    expect(installFetch(double)).toBe(double);
    expect(global.fetch).toBe(double);
  });

  it('is gone in the next test', () => {
    expect(global.fetch).toBe(realFetch);
    expect(global.fetch).not.toBe(double);
  });
});
