/**
 * What the bench page gives code that imports `@twilio/flex-ui`. In Flex the plugin's bundle reads it
 * from the desktop (`window.Twilio.Flex`, a webpack external) and never bundles it; bundling the real
 * package here would time megabytes of Flex the tab does not ship. Only the tab's error reporting uses it.
 */
export const Monitor = {
  sendDebuggerEvent(): void {
    // Nothing to report to outside Flex: TabErrorBoundary still shows its Alert.
  },
};
