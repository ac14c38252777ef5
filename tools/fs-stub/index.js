// Intentionally empty: see package.json description.
module.exports = {};
