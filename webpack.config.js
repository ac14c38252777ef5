/**
 * Flex plugin build customisation (merged by flex-plugin-scripts). React, react-dom, redux and
 * react-redux are already externals, and `@twilio/flex-ui` resolves to `window.Twilio.Flex` at runtime.
 */
module.exports = (config) => config;
