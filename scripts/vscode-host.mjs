#!/usr/bin/env node
// A real VS Code for an offline machine: code-server (VS Code 1.100.3's server and web
// workbench, from npm) with Debian's Chromium as the window, driven by playwright-core.
// README.md ("Development") says why it is done this way.
//
//   node scripts/vscode-host.mjs install            install code-server into .vscode-host/ (once)
//   node scripts/vscode-host.mjs test [tier...]     integration tier (mocha inside the extension
//                                                   host), then the UI tier (mocha in Node driving
//                                                   the workbench); tiers: integration, web, ui
//   node scripts/vscode-host.mjs start              package the .vsix, install it, serve playground/
//                                                   (a working copy of seeds/) on
//                                                   http://127.0.0.1:${PORT:-8080}
//   node scripts/vscode-host.mjs prerequisites start|test   only the Debian packages step
//
// Each command first installs the Debian packages it lacks when run as root (apt-get), or
// stops with the exact command to run (scripts/prerequisites.mjs decides what is missing).
//
// `test` expects `npm run build` and `node esbuild.config.mjs --tests` to have run.
// This module is also the harness of the UI tests: test/support/workbench.ts imports it.
//
// Environment: VSCODE_HOST_TIMEOUT (seconds, integration run, default 900), PORT (start),
// CHROMIUM_PATH (default /usr/bin/chromium), VSCODE_HOST_KEEP=1 keeps the temp folders,
// VSCODE_HOST_VERBOSE=1 relays the workbench's routine log lines too.
// Logs land in test-results/: code-server-*.log, integration-console.log.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { arch, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { packageExtension } from './package.mjs';
import { DEFAULT_CHROMIUM, describePackages, ensurePackages, NOTO_CJK, planPackages, PrerequisiteError, present } from './prerequisites.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const hostDir = join(repoRoot, '.vscode-host');
export const resultsDir = join(repoRoot, 'test-results');

const installDir = join(hostDir, 'code-server');
const markerFile = join(installDir, 'installed.json');
const codeServerEntry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

// Chromium flags: without the networking ones it floods the closed network with connection attempts.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Workbench settings for automated runs: no welcome page, no update or telemetry chatter,
// the Outline fully expanded so a test can read it.
const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'outline.collapseItems': 'alwaysExpand',
  // The web workbench saves after a delay by default; tests check dirty state.
  'files.autoSave': 'off',
};

export class HostError extends Error {}

const log = (message) => console.log(`[vscode-host] ${message}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Cleanup: every process group and temp folder we create is registered here and released on
// normal return, on failure and on SIGINT/SIGTERM/SIGHUP. Process groups also get a SIGKILL
// from a synchronous 'exit' handler as a last resort.

const cleanups = [];
const liveGroups = new Set();
let signalHandlersInstalled = false;
let stopping = false;

/** Registers `fn` to run at teardown; returns a function that runs it now (once) instead. */
export function onCleanup(fn) {
  installSignalHandlers();
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const i = cleanups.indexOf(once);
    if (i >= 0) cleanups.splice(i, 1);
    await fn();
  };
  cleanups.push(once);
  return once;
}

/** Runs all registered cleanups, newest first. */
export async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups[cleanups.length - 1];
    try {
      await fn();
    } catch (error) {
      console.error(`[vscode-host] cleanup failed: ${error instanceof Error ? error.message : error}`);
      const i = cleanups.indexOf(fn);
      if (i >= 0) cleanups.splice(i, 1);
    }
  }
}

/** After a signal the handler tears down and exits: whoever is still running just waits for that. */
async function haltIfStopping() {
  if (stopping) await new Promise(() => undefined);
}

function installSignalHandlers() {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal, () => {
      stopping = true;
      console.error(`\n[vscode-host] ${signal}: stopping`);
      runCleanups().finally(() => process.exit(code));
    });
  }
  process.once('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

function groupAlive(pgid) {
  return killGroup(pgid, 0);
}

/** Stops a process group we started: SIGTERM, then SIGKILL after `graceMs`. */
async function stopGroup(pgid, graceMs = 5000) {
  if (!killGroup(pgid, 'SIGTERM')) {
    liveGroups.delete(pgid);
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  liveGroups.delete(pgid);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function removeLater(path) {
  return onCleanup(() => {
    if (process.env.VSCODE_HOST_KEEP === '1') log(`kept ${path}`);
    else rmSync(path, { recursive: true, force: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Preflight and install

/** Installs the Debian packages `task` lacks (as root), or throws a HostError with the command. */
export function requirePackages(task, { reinstall = false } = {}) {
  try {
    ensurePackages({ task, codeServerInstalled: !reinstall && codeServerReady(), chromiumPath, log });
  } catch (error) {
    if (error instanceof PrerequisiteError) throw new HostError(error.message);
    throw error;
  }
}

/** Throws a HostError with the exact apt-get command when Chromium (or its CJK fonts) is missing. */
export function requireChromium() {
  const plan = planPackages({ task: 'test', codeServerInstalled: true, chromiumPath, present, root: process.getuid?.() === 0, sudo: present('sudo') });
  if (plan.packages.some((p) => p.name === 'chromium')) {
    throw new HostError(`Chromium not found at ${chromiumPath}: ${plan.hint}`);
  }
  if (!existsSync(NOTO_CJK)) {
    log('warning: fonts-noto-cjk is not installed; Chinese text in screenshots will be empty boxes');
  }
}

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Folders a state folder needs, and the environment that keeps code-server's files inside it. */
export function stateEnv(stateDir) {
  const env = { ...process.env };
  const dirs = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', TMPDIR: 'tmp' };
  for (const [name, sub] of Object.entries(dirs)) {
    env[name] = join(stateDir, sub);
    mkdirSync(env[name], { recursive: true });
  }
  return env;
}

function installedVersion() {
  try {
    return JSON.parse(readFileSync(markerFile, 'utf8')).version;
  } catch {
    return null;
  }
}

function codeServerReady() {
  return installedVersion() === CODE_SERVER_VERSION && existsSync(codeServerEntry);
}

/**
 * Installs code-server@CODE_SERVER_VERSION into .vscode-host/code-server unless the marker
 * says that exact version is there. Returns the path of its entry.js.
 */
export async function installCodeServer({ force = false } = {}) {
  if (!force && codeServerReady()) return codeServerEntry;

  const tools = planPackages({ task: 'install', codeServerInstalled: false, present, root: process.getuid?.() === 0, sudo: present('sudo') });
  if (tools.packages.length > 0) {
    throw new HostError(`installing code-server needs ${describePackages(tools.packages)}: ${tools.hint}`);
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new HostError(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}`);

  const started = Date.now();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify(
      {
        name: 'article-editor-vscode-host',
        private: true,
        description: 'code-server for scripts/vscode-host.mjs; installed on demand, not a project dependency',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
      },
      null,
      2,
    ) + '\n',
  );

  const stateDir = join(hostDir, 'install-state');
  rmSync(stateDir, { recursive: true, force: true });
  const env = stateEnv(stateDir);

  // @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable) unless its cache
  // already holds the release tarball: a tarball holding Debian's rg stands in for it.
  const target = arch() === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const ripgrepCache = join(env.TMPDIR, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(ripgrepCache, { recursive: true });
  const rg = which('rg');
  const tar = spawnSync('tar', ['-czhf', join(ripgrepCache, `ripgrep-v13.0.0-10-${target}.tar.gz`), '-C', dirname(rg), 'rg']);
  if (tar.status !== 0) throw new HostError(`could not pack ${rg} for @vscode/ripgrep: ${tar.stderr}`);

  // Drop what an outer `npm run` put into the environment (it would point npm at this repo).
  for (const name of Object.keys(env)) {
    if (/^npm_(package|lifecycle)_/.test(name) || ['npm_config_local_prefix', 'npm_command', 'INIT_CWD'].includes(name)) {
      delete env[name];
    }
  }
  Object.assign(env, {
    // code-server's postinstall refuses to run as root without this.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which would wait at a prompt.
    npm_config_yes: 'true',
    // npm 11 skips dependency install scripts unless approved. code-server's postinstall runs
    // nested `npm install`s in lib/vscode (node-pty, spdlog, watcher, kerberos, ripgrep, ...),
    // which no package.json `allowScripts` of ours reaches, and `--allow-scripts`/its env var
    // is refused in project installs. This install is one pinned package in its own folder,
    // so allow its scripts here, for this child process only. Older npm ignores the setting.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
  });
  // node-gyp would download Node's headers (unreachable); use the ones next to this node.
  const headers = resolve(dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && existsSync(join(headers, 'include', 'node', 'node.h'))) env.npm_config_nodedir = headers;

  const logPath = join(hostDir, 'install.log');
  log(`installing code-server ${CODE_SERVER_VERSION} into ${relative(repoRoot, installDir)} (about a minute; log: ${relative(repoRoot, logPath)})`);
  const out = createWriteStream(logPath);
  const child = spawn('npm', ['install', '--omit=dev', '--no-package-lock', '--loglevel=warn'], {
    cwd: installDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  liveGroups.add(child.pid);
  const stopInstall = onCleanup(() => stopGroup(child.pid, 2000));
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const code = await new Promise((r) => child.on('close', r));
  liveGroups.delete(child.pid);
  await stopInstall();
  await new Promise((r) => out.end(r));

  const rgInstalled = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (code !== 0 || !existsSync(codeServerEntry) || !existsSync(rgInstalled)) {
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
    throw new HostError(`installing code-server failed (npm exit code ${code}); last lines of ${logPath}:\n${tail}`);
  }
  rmSync(stateDir, { recursive: true, force: true });
  writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }) + '\n');
  log(`installed code-server ${CODE_SERVER_VERSION} in ${seconds(Date.now() - started)}`);
  return codeServerEntry;
}

// ---------------------------------------------------------------------------------------------
// Workspaces, server, browser

/** All files below `dir` whose name ends with `suffix`, sorted. */
export function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

/**
 * A fresh temp workspace: the files of seeds/ at its root and test/fixtures/ (if present) as
 * `fixtures/`. Removed at teardown.
 */
export function createWorkspace() {
  const folder = mkdtempSync(join(tmpdir(), 'article-editor-ws-'));
  removeLater(folder);
  cpSync(join(repoRoot, 'seeds'), folder, { recursive: true });
  const fixtures = join(repoRoot, 'test', 'fixtures');
  if (existsSync(fixtures)) cpSync(fixtures, join(folder, 'fixtures'), { recursive: true });
  return folder;
}

/** A fresh state folder under .vscode-host/runs/, removed at teardown. */
export function createStateDir(label) {
  mkdirSync(join(hostDir, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(hostDir, 'runs', `${label}-`));
  removeLater(dir);
  return dir;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 in its own process group, its files inside `stateDir`.
 * Resolves when /healthz answers 200. `logFile` receives its output.
 */
export async function startCodeServer({ folder, stateDir, port, logFile, settings = TEST_SETTINGS, extensionsDir, extraArgs = [] }) {
  const entry = await installCodeServer();
  port ??= await freePort();
  const env = stateEnv(stateDir);
  // No extension gallery: offline it only produces failing lookups of open-vsx.org.
  env.EXTENSIONS_GALLERY = '{}';
  const userData = join(stateDir, 'user-data');
  const extensions = extensionsDir ?? join(stateDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const settingsFile = join(userData, 'User', 'settings.json');
  if (settings && !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  const config = join(stateDir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', config,
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    ...extraArgs,
    folder,
  ];
  logFile ??= join(stateDir, 'code-server.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: stateDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  liveGroups.add(child.pid);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exitCode = null;
  const exited = new Promise((r) => child.on('exit', (code, signal) => r((exitCode = code ?? signal))));
  const stop = onCleanup(async () => {
    await stopGroup(child.pid);
    out.end();
  });

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== null) {
      await stop();
      throw new HostError(`code-server exited (${exitCode}) before it was ready; see ${logFile}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HostError(`code-server did not answer ${origin}/healthz within 60 s; see ${logFile}`);
    }
    await sleep(100);
  }
  return { port, origin, pid: child.pid, logFile, exited, stop };
}

/** Headless Debian Chromium with a fresh profile inside `stateDir`. Closed at teardown. */
export async function launchBrowser({ stateDir, viewport = { width: 1400, height: 900 } }) {
  requireChromium();
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(stateDir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    // Keeps its crash-report and dconf folders out of ~/.config and ~/.cache.
    env: stateEnv(stateDir),
    viewport,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup(() => context.close().catch(() => undefined));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}

function remoteUri(port, path) {
  const segments = resolve(path).split(sep).map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${segments}`;
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionDevelopmentPath` in
 * development mode, and (given `extensionTestsPath`) runs that test module in the extension host.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath = repoRoot, extensionTestsPath }) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

const verbose = process.env.VSCODE_HOST_VERBOSE === '1';

// The workbench's own routine log lines, which come through codeAutomationLog along with the
// extension host's console; shown only with VSCODE_HOST_VERBOSE=1 (all go to the log file).
const WORKBENCH_CHATTER =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore:|Creation of workbench contribution|Started local extension host)/;

/**
 * Formats what the workbench passes to codeAutomationLog: console arguments from the extension
 * host, the first possibly prefixed with a `%c[Extension Host]` label and its CSS argument.
 */
function formatHostLog(args) {
  const list = Array.isArray(args) ? [...args] : [args];
  if (typeof list[0] === 'string' && list[0].startsWith('%c')) {
    list[0] = list[0].replace(/^%c\[[^\]]*\]\s?/, '');
    list.splice(1, 1);
  }
  return format(...list);
}

// ---------------------------------------------------------------------------------------------
// Tiers

function writeCounts(tier, counts) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${tier}.json`), JSON.stringify(counts) + '\n');
}

function readCounts(tier) {
  try {
    const { passed, failed, pending } = JSON.parse(readFileSync(join(resultsDir, `${tier}.json`), 'utf8'));
    return { passed: Number(passed) || 0, failed: Number(failed) || 0, pending: Number(pending) || 0 };
  } catch {
    return null;
  }
}

/** Mocha inside the extension host: test/integration/index.ts, reported through the page. */
function runIntegrationTier() {
  return runHostSuite({ tier: 'integration', testsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js') });
}

/**
 * The web tier: the integration suite's web-safe part (test/web/index.ts) with the extension and
 * the suite in the browser's web worker extension host (WEB_SETTINGS below), where
 * there is no Node. The suite cannot write files there: it logs one `ARTICLE_WEB_RESULT {counts}`
 * line, which comes back through codeAutomationLog.
 */
function runWebTier() {
  return runHostSuite({ tier: 'web', testsPath: join(repoRoot, 'out', 'test', 'web', 'index.js'), settings: WEB_SETTINGS });
}

/**
 * The route into the web worker host: the user setting `remote.extensionKind` gives the extension
 * the kind `web`, so the workbench runs it (its package.json `browser` entry) in the web worker
 * extension host, and the tests with it. (The `extensionDevelopmentKind` payload entry is read by
 * code-server 4.100's workbench only in its desktop form: it changes nothing in the browser.)
 */
const WEB_SETTINGS = { ...TEST_SETTINGS, 'remote.extensionKind': { 'article-editor.article-editor': ['web'] } };

const WEB_RESULT = /^ARTICLE_WEB_RESULT (\{.*\})\s*$/;

/** A mocha suite run inside an extension host of code-server, its result read back through the page. */
async function runHostSuite({ tier, testsPath, settings = TEST_SETTINGS }) {
  if (!existsSync(testsPath)) throw new HostError(`${relative(repoRoot, testsPath)} is missing: run \`npm run build && node esbuild.config.mjs --tests\` first`);
  rmSync(join(resultsDir, `${tier}.json`), { force: true });
  const timeoutMs = Number(process.env.VSCODE_HOST_TIMEOUT || 900) * 1000;

  let mark = Date.now();
  const stage = (what) => {
    log(`${what} in ${seconds(Date.now() - mark)}`);
    mark = Date.now();
  };
  const workspace = createWorkspace();
  const stateDir = createStateDir(tier);
  const server = await startCodeServer({ folder: workspace, stateDir, settings, logFile: join(resultsDir, `code-server-${tier}.log`) });
  stage('code-server ready');
  const { page, close } = await launchBrowser({ stateDir });
  stage('Chromium ready');

  let reportExit;
  const reported = new Promise((r) => (reportExit = r));
  // Both must exist before the workbench loads: it looks them up once.
  const hostLog = createWriteStream(join(resultsDir, `${tier}-console.log`));
  onCleanup(() => new Promise((r) => hostLog.end(r)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = formatHostLog(args);
    hostLog.write(`${type}: ${line}\n`);
    const result = WEB_RESULT.exec(line);
    if (result) {
      writeCounts(tier, JSON.parse(result[1]));
      return;
    }
    if (!verbose && WORKBENCH_CHATTER.test(line)) return;
    if (type === 'error') console.error(line);
    else console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
  page.on('pageerror', (error) => console.error(`[workbench] page error: ${error.message}`));
  const url = workbenchUrl({ port: server.port, folder: workspace, extensionTestsPath: testsPath });
  await page.goto(url);

  let timer;
  const outcome = await Promise.race([
    reported.then((code) => ({ code })),
    server.exited.then((code) => ({ error: `code-server exited (${code}) during the run; see ${server.logFile}` })),
    new Promise((r) => (timer = setTimeout(() => r({ error: `no result from the extension host within ${timeoutMs / 1000} s` }), timeoutMs))),
  ]);
  clearTimeout(timer);
  await haltIfStopping();
  stage('workbench loaded and suite ran');
  if (outcome.error) {
    await page.screenshot({ path: join(resultsDir, `${tier}-failed.png`) }).catch(() => undefined);
  }
  await close();
  await server.stop();
  stage('teardown');

  const counts = readCounts(tier);
  if (outcome.error) {
    console.error(`[vscode-host] ${tier}: ${outcome.error}`);
    return { passed: counts?.passed ?? 0, failed: Math.max(1, counts?.failed ?? 0), pending: counts?.pending ?? 0 };
  }
  if (!counts) {
    console.error(`[vscode-host] ${tier}: the suite ended (code ${outcome.code}) without writing test-results/${tier}.json`);
    return { passed: 0, failed: 1, pending: 0 };
  }
  if (outcome.code !== 0 && counts.failed === 0) return { ...counts, failed: 1 };
  return counts;
}

/** Mocha in this Node process over out/test/ui/**\/*.ui.js; the tests drive the workbench. */
async function runUiTier() {
  const files = filesUnder(join(repoRoot, 'out', 'test', 'ui'), '.ui.js');
  if (files.length === 0) {
    console.error('[vscode-host] ui: no out/test/ui/**/*.ui.js (run `node esbuild.config.mjs --tests`)');
    return { passed: 0, failed: 0, pending: 0 };
  }
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 180_000, color: Boolean(process.stdout.isTTY) });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const stats = await new Promise((r) => {
    const runner = mocha.run(() => r(runner.stats));
  });
  mocha.dispose();
  const counts = { passed: stats.passes, failed: stats.failures, pending: stats.pending };
  writeCounts('ui', counts);
  return counts;
}

const TIERS = { integration: runIntegrationTier, web: runWebTier, ui: runUiTier };

async function test(names) {
  const selected = names.length > 0 ? names : Object.keys(TIERS);
  for (const name of selected) if (!TIERS[name]) throw new HostError(`unknown tier "${name}" (tiers: ${Object.keys(TIERS).join(', ')})`);
  mkdirSync(resultsDir, { recursive: true });
  const started = Date.now();
  await installCodeServer();
  const results = [];
  for (const name of selected) {
    const tierStarted = Date.now();
    log(`${name} tier`);
    let counts;
    try {
      counts = await TIERS[name]();
    } catch (error) {
      await haltIfStopping();
      console.error(`[vscode-host] ${name}: ${error instanceof HostError ? error.message : error?.stack ?? error}`);
      counts = { passed: 0, failed: 1, pending: 0 };
    }
    await runCleanups();
    writeCounts(name, counts);
    log(`${name} tier took ${seconds(Date.now() - tierStarted)}`);
    results.push([name, counts]);
  }
  for (const [name, counts] of results) console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
  log(`total ${seconds(Date.now() - started)}`);
  const bad = results.filter(([, c]) => c.failed > 0 || c.passed + c.failed === 0);
  for (const [name, c] of bad) if (c.failed === 0) console.error(`[vscode-host] ${name}: ran zero tests`);
  return bad.length === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// start: the packaged extension in code-server, for a person with a browser

/** The folder `npm start` serves: a copy of seeds/ made on first start, git-ignored. */
export const playground = join(repoRoot, 'playground');

async function start() {
  const port = Number(process.env.PORT || 8080);
  const { path: vsix } = await packageExtension({ quiet: true });
  const entry = await installCodeServer();

  const stateDir = join(hostDir, 'start');
  const env = stateEnv(stateDir);
  const extensionsDir = join(stateDir, 'extensions');
  const userData = join(stateDir, 'user-data');
  const install = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { cwd: stateDir, env, stdio: 'inherit' },
  );
  if (install.status !== 0) throw new HostError(`code-server --install-extension ${relative(repoRoot, vsix)} failed`);

  // code-server saves edits automatically: trying the editor must not change the repository's seeds.
  const fresh = !existsSync(playground);
  if (fresh) cpSync(join(repoRoot, 'seeds'), playground, { recursive: true });
  log(
    fresh
      ? `made ${relative(repoRoot, playground)}/, a working copy of seeds/: edits land there (delete it for a fresh copy)`
      : `serving ${relative(repoRoot, playground)}/, your working copy of seeds/ (delete it for a fresh copy)`,
  );

  const server = await startCodeServer({
    folder: playground,
    stateDir,
    port,
    extensionsDir,
    // playground/ lies inside this repository: no "open the parent git repository?" prompt.
    settings: { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'git.openRepositoryInParentFolders': 'never' },
    logFile: join(stateDir, 'code-server.log'),
  }).catch((error) => {
    throw new HostError(`${error.message}${error.message.includes('exited') ? ` (is port ${port} free? set PORT=...)` : ''}`);
  });
  console.log(
    `\nArticle Editor in VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} (code-server ${CODE_SERVER_VERSION}) on ${relative(repoRoot, playground)}/:\n\n` +
      `  ${server.origin}/?folder=${encodeURIComponent(playground)}\n\nopen it in your browser; log: ${relative(repoRoot, server.logFile)}; Ctrl-C stops it.`,
  );
  const code = await server.exited;
  await haltIfStopping();
  console.error(`[vscode-host] code-server exited (${code})`);
  await runCleanups();
  return 1;
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'prerequisites':
      if (!['start', 'test'].includes(rest[0])) break;
      requirePackages(rest[0]);
      return 0;
    case 'install':
      requirePackages('install', { reinstall: rest.includes('--force') });
      await installCodeServer({ force: rest.includes('--force') });
      log(`code-server ${CODE_SERVER_VERSION}: ${relative(repoRoot, codeServerEntry)}`);
      return 0;
    case 'test':
      requirePackages('test');
      return test(rest);
    case 'start':
      requirePackages('start');
      return start();
  }
  console.error('usage: node scripts/vscode-host.mjs install [--force] | test [integration] [web] [ui] | start | prerequisites start|test');
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    async (code) => {
      await runCleanups();
      process.exit(code);
    },
    async (error) => {
      console.error(`[vscode-host] ${error instanceof HostError ? error.message : error?.stack ?? error}`);
      await runCleanups();
      process.exit(1);
    },
  );
}
