/**
 * File system work shared by the command line tool and the extension host (both Node): reading an
 * article file, walking folders, writing results atomically. No `vscode` import.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir, opendir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes, type DecodeProblem, type Encoding } from '../core/decode';
import { isArticleText } from '../core/detect';

export type ReadProblem = DecodeProblem | 'missing' | 'folder' | 'unreadable' | 'not-article';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding; readonly bom: boolean }
  | { readonly ok: false; readonly problem: ReadProblem; readonly detail?: string };

/** Reads and decodes a file; with `requireArticle`, a text that is not an article is refused too. */
export async function readTextFile(path: string, requireArticle: boolean): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).isDirectory()) return { ok: false, problem: 'folder' };
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { ok: false, problem: 'missing' } : { ok: false, problem: 'unreadable', detail: code ?? String(error) };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  if (requireArticle && !isArticleText(decoded.text)) return { ok: false, problem: 'not-article' };
  return decoded;
}

/**
 * {@link readTextFile} without the event loop: one synchronous read. For worker threads, whose
 * only work is the file at hand (asynchronous reads cost them more than the parse).
 */
export function readTextFileSync(path: string, requireArticle: boolean): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { ok: false, problem: 'folder' };
    return code === 'ENOENT' ? { ok: false, problem: 'missing' } : { ok: false, problem: 'unreadable', detail: code ?? String(error) };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  if (requireArticle && !isArticleText(decoded.text)) return { ok: false, problem: 'not-article' };
  return decoded;
}

/** Writes `data` to `target` atomically, synchronously (for worker threads). */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = temporaryName(target);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

const ARTICLE_FILE = /\.txt$/i;

/** One input file of a batch: where it is, and its path relative to the folder it was found in. */
export interface InputFile {
  readonly path: string;
  /** Relative to the folder given (for a file given directly: its base name). */
  readonly relative: string;
  /** Whether it was named directly rather than found in a folder. */
  readonly named: boolean;
}

async function* walk(root: string, folder: string): AsyncGenerator<InputFile> {
  const entries: { name: string; folder: boolean }[] = [];
  const dir = await opendir(folder);
  for await (const entry of dir) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) entries.push({ name: entry.name, folder: true });
    else if (entry.isFile() && ARTICLE_FILE.test(entry.name)) entries.push({ name: entry.name, folder: false });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.folder) yield* walk(root, path);
    else yield { path, relative: relative(root, path), named: false };
  }
}

/**
 * The files of a batch, in a stable order: named files as they are, folders walked recursively for
 * `.txt` files (hidden folders and `node_modules` skipped). Streams: a corpus is never listed whole.
 */
export async function* inputFiles(paths: readonly string[]): AsyncGenerator<InputFile> {
  for (const given of paths) {
    let folder = false;
    try {
      folder = (await stat(given)).isDirectory();
    } catch {
      // A missing path is yielded as a file: reading it reports the problem.
    }
    // Paths stay as the caller wrote them (`seeds/a.txt`), which is how exports name them.
    if (folder) yield* walk(given, given);
    else yield { path: given, relative: basename(given), named: true };
  }
}

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to `target` atomically: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryName(target);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A file written piece by piece that appears under its name only when committed: until then it is a
 * temporary file next to it, which `abort` removes (a cancelled export leaves nothing behind).
 */
export class AtomicStream {
  private readonly temporary: string;
  private readonly stream: WriteStream;

  private constructor(private readonly target: string) {
    this.temporary = temporaryName(target);
    this.stream = createWriteStream(this.temporary);
  }

  static async create(target: string): Promise<AtomicStream> {
    await mkdir(dirname(target), { recursive: true });
    return new AtomicStream(target);
  }

  /** Writes a chunk, waiting when the stream asks to. */
  async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await new Promise<void>((resolveDrain) => this.stream.once('drain', resolveDrain));
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolveEnd, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolveEnd())));
    await rename(this.temporary, this.target);
  }

  async abort(): Promise<void> {
    await new Promise<void>((resolveEnd) => this.stream.end(() => resolveEnd()));
    await rm(this.temporary, { force: true });
  }
}

/** The output path for an input under `outDir`, mirroring the input tree, with the format's extension. */
export function outputPath(outDir: string, input: InputFile, extension: string): string {
  const base = input.relative.replace(/\.txt$/i, '');
  return join(outDir, base + extension);
}

/**
 * Text back to bytes in the encoding it was read in, BOM included: UTF-8 by the platform,
 * GB18030 by iconv-lite (the platform decodes GB18030 but cannot encode it).
 */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
