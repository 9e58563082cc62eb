import * as assert from 'node:assert/strict';
import type * as Prerequisites from '../../scripts/prerequisites.mjs';

// scripts/prerequisites.mjs decides which Debian packages `npm start` and `npm test` install.
describe('Debian packages for npm start and npm test (scripts/prerequisites.mjs)', () => {
  let p: typeof Prerequisites;
  before(async () => {
    p = await import('../../scripts/prerequisites.mjs');
  });

  const all = (probe: string) => probe !== '';
  const without =
    (...missing: string[]) =>
    (probe: string) =>
      !missing.includes(probe);
  const names = (plan: Prerequisites.Plan) => plan.packages.map((x) => x.name);
  const bare = () => false;

  it('a bare machine, npm start: the build tools for code-server, and no Chromium', () => {
    const plan = p.planPackages({ task: 'start', codeServerInstalled: false, present: bare, root: true });
    assert.deepEqual(names(plan), ['ripgrep', 'pkg-config', 'libkrb5-dev', 'build-essential', 'python3']);
    assert.equal(plan.action, 'install');
    assert.deepEqual(plan.commands, [
      ['apt-get', 'update', '-q'],
      ['apt-get', 'install', '-y', '-q', 'ripgrep', 'pkg-config', 'libkrb5-dev', 'build-essential', 'python3'],
    ]);
  });

  it('a bare machine, npm test: the build tools, Chromium and the CJK fonts', () => {
    const plan = p.planPackages({ task: 'test', codeServerInstalled: false, present: bare, root: true });
    assert.deepEqual(names(plan), ['ripgrep', 'pkg-config', 'libkrb5-dev', 'build-essential', 'python3', 'chromium', 'fonts-noto-cjk']);
    for (const x of plan.packages) assert.ok(x.why.length > 10, `${x.name} says why`);
  });

  it('code-server already installed: npm start needs nothing, npm test only the browser', () => {
    assert.equal(p.planPackages({ task: 'start', codeServerInstalled: true, present: bare, root: true }).action, 'none');
    const plan = p.planPackages({ task: 'test', codeServerInstalled: true, present: bare, root: true });
    assert.deepEqual(names(plan), ['chromium', 'fonts-noto-cjk']);
  });

  it('everything present: nothing to do', () => {
    for (const task of ['start', 'test', 'install'] as const) {
      const plan = p.planPackages({ task, codeServerInstalled: false, present: all, root: false });
      assert.deepEqual(plan, { packages: [], action: 'none', commands: [], hint: '' });
    }
  });

  it('one missing command gives its one package; make or g++ gives build-essential once', () => {
    assert.deepEqual(names(p.planPackages({ task: 'start', codeServerInstalled: false, present: without('krb5-config'), root: true })), ['libkrb5-dev']);
    assert.deepEqual(names(p.planPackages({ task: 'start', codeServerInstalled: false, present: without('make', 'g++'), root: true })), ['build-essential']);
    assert.deepEqual(names(p.planPackages({ task: 'test', codeServerInstalled: true, present: without(p.NOTO_CJK), root: true })), ['fonts-noto-cjk']);
  });

  it('Chromium is looked for where CHROMIUM_PATH says', () => {
    const present = without('/opt/chromium/chrome');
    assert.deepEqual(names(p.planPackages({ task: 'test', codeServerInstalled: true, present, root: true })), []);
    assert.deepEqual(names(p.planPackages({ task: 'test', codeServerInstalled: true, present, root: true, chromiumPath: '/opt/chromium/chrome' })), ['chromium']);
  });

  it('not root: nothing is installed, the exact command is given (with sudo when there is sudo)', () => {
    const plain = p.planPackages({ task: 'test', codeServerInstalled: true, present: bare, root: false });
    assert.equal(plain.action, 'ask');
    assert.equal(plain.hint, 'as root: apt-get update && apt-get install -y chromium fonts-noto-cjk');
    const sudo = p.planPackages({ task: 'test', codeServerInstalled: true, present: bare, root: false, sudo: true });
    assert.equal(sudo.hint, 'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk');
    const root = p.planPackages({ task: 'test', codeServerInstalled: true, present: bare, root: true });
    assert.equal(root.hint, 'apt-get update && apt-get install -y chromium fonts-noto-cjk');
  });

  it('root without apt-get: not installed, and said so', () => {
    const plan = p.planPackages({ task: 'start', codeServerInstalled: false, present: without('rg'), root: true, aptGet: false });
    assert.equal(plan.action, 'ask');
    assert.match(plan.hint, /no apt-get/);
    assert.match(plan.hint, /ripgrep/);
  });

  it('the one line names each package with its reason', () => {
    const plan = p.planPackages({ task: 'test', codeServerInstalled: false, present: without('make', 'pkg-config', p.DEFAULT_CHROMIUM), root: true });
    const line = p.describePackages(plan.packages);
    assert.match(line, /^pkg-config, build-essential \(code-server's native modules build from source on install\); chromium \(the test tiers drive VS Code in it\)$/);
  });
});
