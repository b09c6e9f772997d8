// The chat page serves the Web Chat bundle that the build vendors into dist/webchat; tests run
// from the sources, so they vendor it here (a quick copy, skipped when already there).
module.exports = async () => {
  require('../../tools/vendor-webchat.js');
};
