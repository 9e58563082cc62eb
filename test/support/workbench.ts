/**
 * The UI tests' harness: a real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3, in
 * Debian's Chromium via playwright-core) with this extension loaded in development mode.
 *
 * Starting and stopping code-server and Chromium is done by scripts/vscode-host.mjs (loaded at
 * run time, so the UI tests and `node scripts/vscode-host.mjs` share one implementation and one
 * teardown); this module adds the workbench interactions. Selectors are those that worked on
 * VS Code 1.100.3 (README.md, "Development", says how the tests reach it).
 *
 *   const wb = await openWorkbench();           // a fresh copy of seeds/ as the workspace
 *   await wb.openFile('000_5edd2806a98033fb.txt');
 *   await wb.runCommand('Explorer: Focus on Outline View');
 *   const rows = await wb.outlineRows();
 *   await wb.close();
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** The part of scripts/vscode-host.mjs this harness uses. */
interface Host {
  readonly repoRoot: string;
  readonly resultsDir: string;
  createWorkspace(): string;
  createStateDir(label: string): string;
  startCodeServer(options: { folder: string; stateDir: string; logFile?: string }): Promise<{
    port: number;
    origin: string;
    logFile: string;
    stop(): Promise<void>;
  }>;
  launchBrowser(options: { stateDir: string; viewport?: { width: number; height: number } }): Promise<{
    context: BrowserContext;
    page: Page;
    close(): Promise<void>;
  }>;
  workbenchUrl(options: { port: number; folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
}

export interface WorkbenchOptions {
  /** The folder to open; default: a fresh temp copy of seeds/ (and test/fixtures/ as `fixtures/`). */
  readonly workspace?: string;
  /** The extension to load in development mode; default: this repository. */
  readonly extensionDevelopmentPath?: string;
  readonly viewport?: { width: number; height: number };
  /**
   * Written to the workspace's `.vscode/settings.json` before the workbench starts, e.g.
   * `{ 'files.autoSave': 'off' }` (in the web workbench auto save defaults to `afterDelay`).
   */
  readonly workspaceSettings?: Record<string, unknown>;
}

export interface OutlineRow {
  readonly label: string;
  /** Depth in the tree, 1 for a root. */
  readonly level: number;
}

export interface Workbench {
  readonly page: Page;
  readonly workspace: string;
  /** Runs a command by its Command Palette title, e.g. `Explorer: Focus on Outline View`. */
  runCommand(title: string): Promise<void>;
  /** Opens a file by double-clicking its row in the Explorer; resolves when its editor shows. */
  openFile(name: string): Promise<void>;
  /** The language mode in the status bar, e.g. `Article`. */
  languageMode(): Promise<string>;
  /** Waits until the status bar shows `label` as the language mode. */
  waitForLanguageMode(label: string): Promise<void>;
  /**
   * Collapses the side-bar section whose header label starts with `label` (e.g. `Explorer Section`
   * for the folder tree, `Outline Section`), giving the others its room. No-op when collapsed.
   */
  collapseSection(label: string): Promise<void>;
  /** Every row of the Outline view in order (scrolling through it), once it shows any. */
  outlineRows(): Promise<OutlineRow[]>;
  /** Saves a PNG of the window as test-results/<name>.png; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Errors the page reported (uncaught exceptions in the workbench). */
  readonly pageErrors: readonly string[];
  close(): Promise<void>;
}

/** The repository root: the nearest folder above this bundle whose package.json is this extension's. */
export const repoRoot: string = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'article-editor') return dir;
    if (dirname(dir) === dir) throw new Error(`no article-editor package.json above ${__dirname}`);
  }
})();

let hostModule: Promise<Host> | undefined;

function loadHost(): Promise<Host> {
  // A computed specifier keeps the bundler from inlining the script: there is one copy of its
  // state (the cleanup list) whether the tests run from it or from plain mocha.
  const url = pathToFileURL(join(repoRoot, 'scripts', 'vscode-host.mjs')).href;
  hostModule ??= import(url) as Promise<Host>;
  return hostModule;
}

let opened = 0;

/** Starts code-server and Chromium and waits until the workbench shows the workspace in the Explorer. */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const host = await loadHost();
  const ownWorkspace = options.workspace === undefined;
  const workspace = options.workspace ?? host.createWorkspace();
  if (options.workspaceSettings) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2) + '\n');
  }
  const stateDir = host.createStateDir('ui');
  const serial = ++opened;
  const server = await host.startCodeServer({ folder: workspace, stateDir, logFile: join(host.resultsDir, `code-server-ui-${serial}.log`) });
  const browser = await host.launchBrowser({ stateDir, viewport: options.viewport ?? { width: 1400, height: 1000 } }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const { page } = browser;
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const close = async (): Promise<void> => {
    await browser.close();
    await server.stop();
    if (process.env.VSCODE_HOST_KEEP !== '1') {
      rmSync(stateDir, { recursive: true, force: true });
      if (ownWorkspace) rmSync(workspace, { recursive: true, force: true });
    }
  };

  try {
    const url = host.workbenchUrl({
      port: server.port,
      folder: workspace,
      extensionDevelopmentPath: options.extensionDevelopmentPath ?? repoRoot,
    });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  } catch (error) {
    await page.screenshot({ path: join(host.resultsDir, `workbench-${serial}-failed-to-open.png`) }).catch(() => undefined);
    await close();
    throw error;
  }

  return {
    page,
    workspace,
    pageErrors,
    close,
    runCommand: (title) => runCommand(page, title),
    openFile: (name) => openFile(page, name),
    languageMode: async () => ((await page.locator('#status\\.editor\\.mode').textContent()) ?? '').trim(),
    waitForLanguageMode: (label) => waitForText(page.locator('#status\\.editor\\.mode'), label, 'the status bar language mode'),
    outlineRows: () => outlineRows(page),
    collapseSection: async (label) => {
      const header = page.locator(`.pane-header[aria-label^="${label}"]`).first();
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
      await page.locator(`.pane-header[aria-label^="${label}"][aria-expanded="false"]`).first().waitFor();
      // The other sections grow into its room in a 200 ms animation: wait for its end.
      await page.locator('.monaco-pane-view.animated').first().waitFor({ state: 'detached' });
    },
    screenshot: async (name) => {
      const path = join(host.resultsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
}

async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor();
  await input.fill('>' + title);
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  const row = rows.filter({ hasText: title }).first();
  await row.waitFor();
  // Enter runs the focused (first) row; click when fuzzy matching ranked another command first.
  const first = ((await rows.first().textContent()) ?? '').includes(title);
  if (first) await input.press('Enter');
  else await row.click();
  await widget.waitFor({ state: 'hidden' });
}

async function openFile(page: Page, name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.dblclick();
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Polls `locator`'s trimmed text until it equals `expected`. */
async function waitForText(locator: Locator, expected: string, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = '';
  for (;;) {
    actual = ((await locator.textContent({ timeout: timeoutMs }).catch(() => '')) ?? '').trim();
    if (actual === expected) return;
    if (Date.now() > deadline) throw new Error(`${what}: expected "${expected}", still "${actual}" after ${timeoutMs / 1000} s`);
    await nextFrames(locator.page());
  }
}

/** Two animation frames: lets the workbench render after an input. */
function nextFrames(page: Page): Promise<void> {
  // A string: this code runs in the page, and the project's TypeScript has no DOM library.
  return page.evaluate<void>('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))');
}

async function outlineRows(page: Page): Promise<OutlineRow[]> {
  const pane = page.locator('.pane:has(.pane-header[aria-label^="Outline"])');
  const list = pane.locator('.monaco-list').first();
  await pane.locator('.monaco-list-row .outline-element').first().waitFor();
  // The list renders only the rows in view: scroll through it, collecting rows by index.
  const seen = new Map<number, OutlineRow>();
  await list.hover();
  for (let round = 0; round < 500; round++) {
    const batch = await list.locator('.monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level') ?? '1'),
        label: row.querySelector('.outline-element .label-name')?.textContent ?? '',
      })),
    );
    let added = 0;
    for (const { index, level, label } of batch) {
      if (!seen.has(index)) {
        seen.set(index, { label, level });
        added++;
      }
    }
    if (added === 0 && round > 0) break;
    const box = await list.boundingBox();
    await page.mouse.wheel(0, Math.max(100, (box?.height ?? 400) * 0.8));
    await nextFrames(page);
  }
  // Back to the top, as a person would see it.
  await page.mouse.wheel(0, -1e6);
  await nextFrames(page);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}
