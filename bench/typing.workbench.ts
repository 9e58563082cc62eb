/**
 * Typing in the 15 MB article in the real workbench (code-server + Chromium): the time per key in
 * the text editor with the file as Article (this extension at work) and as Plain Text (VS Code
 * alone), measured in the same run, one fresh workbench per measurement. Slow (about a minute a
 * measurement), so `npm run bench` runs it only when asked:
 *
 *   npm run bench -- --filter typing [--keys N] [--runs N] [--explore]
 *   node out/bench/typing.workbench.js [--keys N] [--runs N] [--explore] [--extension DIR] [--compare DIR]
 *
 * A key's time is from the key press until the workbench has drawn two frames after it; the
 * difference between Article and Plain Text is what the extension costs a keystroke. `--explore`
 * adds the variants that tell the causes apart (word wrap off for Article, on for Plain Text).
 * `--extension DIR` loads another build of the extension (a copy of package.json, package.nls*.json,
 * dist/, syntaxes/, media/, l10n/ and language-configuration.json), e.g. to measure before a change;
 * `--compare DIR` measures that build as Article too, in the same runs as this one (interleaved, so
 * that a machine whose load changes affects both alike).
 * Needs `npm run build` (the extension is loaded from dist/) and code-server in .vscode-host/.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBigArticle } from '../test/support/generate';
import { openWorkbench } from '../test/support/workbench';

export interface TypingOptions {
  readonly keys: number;
  readonly runs: number;
  readonly explore: boolean;
  readonly paragraphs: number;
  /** The extension to load (a folder with package.json and dist/); default: this repository. */
  readonly extension?: string;
  /** Another build to measure as Article in the same runs (interleaved), e.g. the one before a change. */
  readonly compare?: string;
}

interface Measurement {
  readonly perKey: number;
  readonly language: string;
}

async function typingMs(options: TypingOptions, detect: boolean, text: string, extra: Record<string, unknown> = {}, extension = options.extension): Promise<Measurement> {
  const keys = options.keys;
  const workspace = mkdtempSync(join(tmpdir(), 'article-typing-'));
  writeFileSync(join(workspace, 'big.txt'), text);
  mkdirSync(join(workspace, '.vscode'));
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'files.autoSave': 'off', 'workbench.editorLargeFileConfirmation': 1024, 'article.detect': detect, ...extra }),
  );
  const wb = await openWorkbench(extension === undefined ? { workspace } : { workspace, extensionDevelopmentPath: extension });
  try {
    wb.page.setDefaultTimeout(120_000);
    await wb.openFile('big.txt');
    await wb.waitForLanguageMode(detect ? 'Article' : 'Plain Text');
    const language = await wb.languageMode();
    // Into the body line, a little way in.
    await wb.runCommand('Go to Line/Column...').catch(() => undefined);
    await wb.page.keyboard.type('2:200');
    await wb.page.keyboard.press('Enter');
    const frame = (): Promise<void> => wb.page.evaluate<void>('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))');
    // Warm up: two keys, then let the first parse, outline and lint settle.
    await wb.page.keyboard.type('ab');
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const started = performance.now();
    for (let i = 0; i < keys; i++) {
      await wb.page.keyboard.press(String.fromCharCode(0x61 + (i % 26)));
      await frame();
    }
    const perKey = (performance.now() - started) / keys;
    return { perKey, language };
  } finally {
    await wb.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

const range = (values: readonly number[]): string => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

/** Runs the measurements and prints them; returns the lines printed. */
export async function runTypingBench(options: TypingOptions): Promise<string[]> {
  const lines: string[] = [];
  const say = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  const text = generateBigArticle(options.paragraphs).text;
  say(`typing ${options.keys} keys into line 2 of a ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB article, ${options.runs} run(s); ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const plain: number[] = [];
  const article: number[] = [];
  const compared: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const p = await typingMs(options, false, text);
    const c = options.compare === undefined ? undefined : await typingMs(options, true, text, {}, options.compare);
    const a = await typingMs(options, true, text);
    plain.push(p.perKey);
    article.push(a.perKey);
    if (c) compared.push(c.perKey);
    const other = c ? `, ${c.language} (${options.compare}) ${c.perKey.toFixed(0)} ms/key` : '';
    say(`run ${run + 1}: ${p.language} ${p.perKey.toFixed(0)} ms/key${other}, ${a.language} ${a.perKey.toFixed(0)} ms/key, difference ${(a.perKey - p.perKey).toFixed(0)} ms/key; load ${loadavg()[0]!.toFixed(1)}`);
    if (options.explore) {
      const nowrap = await typingMs(options, true, text, { '[article]': { 'editor.wordWrap': 'off' } });
      const plainwrap = await typingMs(options, false, text, { '[plaintext]': { 'editor.wordWrap': 'on' } });
      say(`  Article without word wrap ${nowrap.perKey.toFixed(0)} ms/key, Plain Text with word wrap ${plainwrap.perKey.toFixed(0)} ms/key`);
    }
  }
  const before = compared.length > 0 ? `, Article with ${options.compare} ${range(compared)} ms/key` : '';
  say(`Plain Text ${range(plain)} ms/key${before}, Article ${range(article)} ms/key (range over ${options.runs} run(s)); load now ${loadavg()[0]!.toFixed(1)}`);
  return lines;
}

/** The options from command-line arguments (`--keys N`, `--runs N`, `--explore`, `--paragraphs N`, `--extension DIR`). */
export function typingOptions(argv: readonly string[]): TypingOptions {
  const option = (name: string, fallback: number): number => {
    const at = argv.indexOf(name);
    const value = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
    return Math.round(value);
  };
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const extension = value('--extension');
  const compare = value('--compare');
  const base = { keys: option('--keys', 10), runs: option('--runs', 1), explore: argv.includes('--explore'), paragraphs: option('--paragraphs', 20000) };
  return { ...base, ...(extension === undefined ? {} : { extension }), ...(compare === undefined ? {} : { compare }) };
}

// Run on its own (not when bundled into bench/index.ts, whose `module` is then the main one too).
if (/typing\.workbench\.js$/.test(process.argv[1] ?? '')) {
  runTypingBench(typingOptions(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
