// Loaded with `mocha --require`: writes the unit tier's counts to test-results/unit.json when the
// run ends, for scripts/test.mjs's summary. The reporter on screen stays mocha's own.
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
  writeFileSync(join(dir, 'unit.json'), JSON.stringify(counts) + '\n');
});
