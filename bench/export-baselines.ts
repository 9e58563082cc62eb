/**
 * The baselines of the export benchmark (bench/export.bench.ts), each a process of its own like
 * the CLI, so that wall time and peak RSS are measured the same way for all:
 *
 *   node out/bench/export-baselines.js floor|parse5|html-to-text FOLDER...
 *
 * Both walk the folders as the CLI does (recursively, `.txt` files, names sorted, hidden folders
 * and node_modules skipped), read and decode each file (UTF-8, BOM dropped; else GB18030), take line 1 as the
 * title line (up to a `<` where the body runs on from it) and write one JSON line per article to
 * stdout, in the CLI's shape: `{ path, title, titleLine, listIndex, blocks }`.
 *
 * - `parse5`: the naive way, `parse5.parseFragment(body)` and the text of each `<span>`, trimmed,
 *   as a paragraph (so plain-text and `<p>` articles come out without blocks).
 * - `floor`: only the reading and the decoding (UTF-8, else GB18030) of every file, no output: the
 *   least any export costs.
 * - `html-to-text`: `compile()` with its default options once (the library's advice for many
 *   documents), then the body of each file converted; each non-empty line is a paragraph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compile } from 'html-to-text';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

interface Block {
  readonly type: 'paragraph';
  readonly text: string;
}

/** The `.txt` files below `folder`, in the CLI's order. */
function* walk(folder: string): Generator<string> {
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .filter((e) => e.isDirectory() || (e.isFile() && /\.txt$/i.test(e.name)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Line 1 and the body, split the simple way. */
function split(text: string): { titleLine: string; body: string } {
  const newline = text.indexOf('\n');
  let line = newline < 0 ? text : text.slice(0, newline);
  let body = newline < 0 ? '' : text.slice(newline + 1);
  const tag = line.indexOf('<');
  if (tag >= 0) {
    body = line.slice(tag) + (newline < 0 ? '' : '\n' + body);
    line = line.slice(0, tag);
  }
  return { titleLine: line.replace(/\r$/, ''), body };
}

function titleOf(titleLine: string): { title: string; listIndex: number | null } {
  const named = /^(\d*)(.*)\.txt$/i.exec(titleLine);
  if (named === null) return { title: titleLine.trim(), listIndex: null };
  return { title: named[2]!.trim(), listIndex: named[1] !== '' ? Number(named[1]) : null };
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!('childNodes' in node)) return '';
  let text = '';
  for (const child of node.childNodes) text += textOf(child);
  return text;
}

function spanTexts(node: Node, out: Block[]): void {
  if (!('childNodes' in node)) return;
  for (const child of node.childNodes) {
    if (child.nodeName === 'span') {
      const text = textOf(child).trim();
      if (text !== '') out.push({ type: 'paragraph', text });
    } else {
      spanTexts(child, out);
    }
  }
}

const htmlToText = compile();

const EXTRACT: Record<string, (body: string) => Block[]> = {
  parse5: (body) => {
    const blocks: Block[] = [];
    spanTexts(parseFragment(body), blocks);
    return blocks;
  },
  'html-to-text': (body) => {
    const blocks: Block[] = [];
    for (const line of htmlToText(body).split('\n')) {
      const text = line.trim();
      if (text !== '') blocks.push({ type: 'paragraph', text });
    }
    return blocks;
  },
};

/**
 * The floor: what any export must do at least, reading every file (one `readFileSync` each) and
 * decoding it into a string (UTF-8, or GB18030 where the bytes are not UTF-8), nothing else.
 */
function floor(folders: readonly string[]): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gb18030 = new TextDecoder('gb18030');
  let count = 0;
  let chars = 0;
  for (const folder of folders) {
    for (const path of walk(resolve(folder))) {
      const bytes = readFileSync(path);
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        text = gb18030.decode(bytes);
      }
      chars += text.length;
      count++;
    }
  }
  process.stderr.write(`floor: ${count} files, ${chars} characters\n`);
}

async function main(): Promise<void> {
  const [which, ...folders] = process.argv.slice(2);
  if (which === 'floor' && folders.length > 0) return floor(folders);
  const extract = which !== undefined ? EXTRACT[which] : undefined;
  if (extract === undefined || folders.length === 0) {
    process.stderr.write('usage: node out/bench/export-baselines.js floor|parse5|html-to-text FOLDER...\n');
    process.exit(2);
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true }); // drops a BOM
  const gb18030 = new TextDecoder('gb18030');
  let pending = '';
  const flush = async (): Promise<void> => {
    const chunk = pending;
    pending = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((resolveDrain) => process.stdout.once('drain', resolveDrain));
  };
  let count = 0;
  for (const folder of folders) {
    for (const path of walk(resolve(folder))) {
      const bytes = readFileSync(path);
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        text = gb18030.decode(bytes); // the older files of these corpora, as the CLI reads them
      }
      const { titleLine, body } = split(text);
      const { title, listIndex } = titleOf(titleLine);
      pending += JSON.stringify({ path, title, titleLine, listIndex, blocks: extract(body) }) + '\n';
      if (pending.length >= 1 << 16) await flush();
      count++;
    }
  }
  await flush();
  process.stderr.write(`${which}: ${count} files\n`);
}

void main();
