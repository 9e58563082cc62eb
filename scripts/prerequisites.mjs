// The Debian packages that `npm start` and `npm test` need, and installing them when missing.
//
// `planPackages` is the one place that decides what is missing: a pure function of what the
// machine has (which commands and files exist, whether we are root, whether apt-get and sudo
// are there) and of the task that runs. test/unit/prerequisites.test.ts covers it.
// `ensurePackages` asks the machine, installs what is missing as root (apt-get update first)
// and otherwise stops with the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const BUILD = "code-server's native modules build from source on install";

/**
 * What each task needs: `probe` is a command looked up on PATH or an absolute file path;
 * `for` says when it is needed: `install` (installing code-server into .vscode-host/, once)
 * or `browser` (the test tiers, which drive Chromium; `npm start` uses the user's own browser).
 */
export const REQUIREMENTS = [
  { probe: 'rg', package: 'ripgrep', for: 'install', why: "code-server's search (it stands in for @vscode/ripgrep's download)" },
  { probe: 'pkg-config', package: 'pkg-config', for: 'install', why: BUILD },
  { probe: 'krb5-config', package: 'libkrb5-dev', for: 'install', why: BUILD },
  { probe: 'make', package: 'build-essential', for: 'install', why: BUILD },
  { probe: 'g++', package: 'build-essential', for: 'install', why: BUILD },
  { probe: 'python3', package: 'python3', for: 'install', why: BUILD },
  { probe: DEFAULT_CHROMIUM, package: 'chromium', for: 'browser', why: 'the test tiers drive VS Code in it' },
  { probe: NOTO_CJK, package: 'fonts-noto-cjk', for: 'browser', why: "Chinese text in the UI tests' screenshots" },
];

/**
 * Decides which Debian packages are missing and what to do about them. Pure.
 *
 * @param {object} facts
 * @param {'start' | 'test' | 'install'} facts.task  `start` serves the editor, `test` runs the VS Code tiers, `install` installs code-server only
 * @param {boolean} facts.codeServerInstalled  code-server is already in .vscode-host/ (then its build tools are not needed)
 * @param {(probe: string) => boolean} facts.present  whether a command (on PATH) or an absolute path exists
 * @param {boolean} facts.root  the user is root
 * @param {boolean} [facts.aptGet]  apt-get is available (a Debian or Ubuntu machine)
 * @param {boolean} [facts.sudo]  sudo is available (for the command shown to a non-root user)
 * @param {string} [facts.chromiumPath]  where Chromium is looked for (CHROMIUM_PATH)
 * @returns {{ packages: { name: string, why: string }[], action: 'none' | 'install' | 'ask', commands: string[][], hint: string }}
 */
export function planPackages({ task, codeServerInstalled, present, root, aptGet = true, sudo = false, chromiumPath = DEFAULT_CHROMIUM }) {
  const needs = new Set();
  if (!codeServerInstalled) needs.add('install');
  if (task === 'test') needs.add('browser');
  const byName = new Map();
  for (const requirement of REQUIREMENTS) {
    if (!needs.has(requirement.for)) continue;
    const probe = requirement.package === 'chromium' ? chromiumPath : requirement.probe;
    if (present(probe)) continue;
    const entry = byName.get(requirement.package) ?? { name: requirement.package, why: requirement.why };
    byName.set(requirement.package, entry);
  }
  const packages = [...byName.values()];
  if (packages.length === 0) return { packages, action: 'none', commands: [], hint: '' };
  const names = packages.map((p) => p.name);
  const commands = [
    ['apt-get', 'update', '-q'],
    ['apt-get', 'install', '-y', '-q', ...names],
  ];
  const asUser = root ? commands : commands.map((c) => (sudo ? ['sudo', ...c] : c));
  const shown = asUser.map((c) => c.filter((a) => a !== '-q').join(' ')).join(' && ');
  let hint = root || sudo ? shown : `as root: ${shown}`;
  if (!aptGet) hint = `no apt-get here: install the equivalents of the Debian packages ${names.join(' ')}`;
  return { packages, action: root && aptGet ? 'install' : 'ask', commands, hint };
}

/** "chromium (why), fonts-noto-cjk (why)": the packages with their reasons, on one line. */
export function describePackages(packages) {
  const reasons = new Map();
  for (const p of packages) reasons.set(p.why, [...(reasons.get(p.why) ?? []), p.name]);
  return [...reasons].map(([why, names]) => `${names.join(', ')} (${why})`).join('; ');
}

/** Whether `probe` (a command on PATH, or an absolute path) exists on this machine. */
export function present(probe) {
  if (isAbsolute(probe)) return existsSync(probe);
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', probe], { stdio: 'ignore' }).status === 0;
}

export class PrerequisiteError extends Error {}

/**
 * Makes sure the Debian packages for `task` are there: as root, installs the missing ones
 * (one line says which and why, then apt-get update and install); otherwise throws a
 * PrerequisiteError naming them and the exact command.
 */
export function ensurePackages({ task, codeServerInstalled, chromiumPath = DEFAULT_CHROMIUM, log = console.log }) {
  const facts = {
    task,
    codeServerInstalled,
    chromiumPath,
    present,
    root: process.getuid?.() === 0,
    aptGet: present('apt-get'),
    sudo: present('sudo'),
  };
  const plan = planPackages(facts);
  if (plan.action === 'none') return;
  const what = describePackages(plan.packages);
  if (plan.action === 'ask') {
    throw new PrerequisiteError(`missing Debian packages: ${what}. Install them with:\n  ${plan.hint}`);
  }
  log(`installing missing Debian packages (apt-get update, then install): ${what}`);
  for (const [command, ...args] of plan.commands) {
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      throw new PrerequisiteError(`\`${[command, ...args].join(' ')}\` failed (exit code ${result.status ?? result.signal})`);
    }
  }
  const after = planPackages(facts);
  if (after.action !== 'none') throw new PrerequisiteError(`still missing after apt-get install: ${describePackages(after.packages)}`);
}
