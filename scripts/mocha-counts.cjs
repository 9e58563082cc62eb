// Loaded with `mocha --require`: writes the tier's counts to test-results/<tier>.json when the run
// ends (MOCHA_COUNTS_TIER, by default unit), for scripts/test.mjs's summary. The reporter on screen
// stays mocha's own.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const counts = { passed: 0, failed: 0, pending: 0 };

exports.mochaHooks = {
  afterEach() {
    const state = this.currentTest && this.currentTest.state;
    if (state === 'passed') counts.passed++;
    else if (state === 'failed') counts.failed++;
    else if (this.currentTest && this.currentTest.pending) counts.pending++;
  },
};

process.on('exit', () => {
  const dir = join(__dirname, '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${process.env.MOCHA_COUNTS_TIER || 'unit'}.json`), JSON.stringify(counts) + '\n');
});
