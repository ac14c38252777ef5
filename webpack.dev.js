/** Dev-server customisation for `twilio flex:plugins:start` (merged by flex-plugin-scripts). */
module.exports = (config) => config;
