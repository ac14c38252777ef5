import { Manager } from '@twilio/flex-ui';

/**
 * The agent's current Flex token, read per request: Flex refreshes it during a shift. Empty when there is
 * no session: real Flex's `manager.user` is a getter that throws while nobody is logged in (before the
 * login completes, after a logout), and a missing token must fail the request (401), not the tab.
 */
export function flexToken(): string {
  try {
    const user = (Manager.getInstance() as { user?: { token?: unknown } } | undefined)?.user;
    return typeof user?.token === 'string' ? user.token : '';
  } catch {
    return '';
  }
}
