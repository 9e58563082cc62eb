/**
 * The one file reader of the folder jobs, the CLI's `outline` and the extension: stat first (only a
 * regular file within the size limit is read, so a FIFO or `/dev/zero` never hangs a run), then the
 * bytes, then the decoder, then (for files found in folders) the article check.
 */
import { decodeBytes, DEFAULT_MAX_BYTES, type Encoding } from '../decode';
import { isArticleText } from '../detect';
import { errorCode, type BatchFs, type FileInfo } from './fs';
import type { FileProblem, Problem } from './problems';
import { walkInputs } from './walk';

export interface ReadOptions {
  /** Refuse a text that is not an article (files found in folders). */
  readonly requireArticle: boolean;
  readonly maxBytes?: number;
}

export interface ArticleFile {
  readonly ok: true;
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  /** The bytes as read, and what stat said just before: what "unchanged" is checked against. */
  readonly bytes: Uint8Array;
  readonly info: FileInfo;
  /** Whether the decoder is sure of the encoding: normalize never rewrites a file whose encoding is a guess. */
  readonly certain: boolean;
}

export type ReadFailure = { readonly ok: false; readonly problem: FileProblem; readonly detail?: string };
export type ReadResult = ArticleFile | ReadFailure;

export async function readArticleFile(fs: BatchFs, path: string, options: ReadOptions): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info: FileInfo;
  try {
    info = await fs.stat(path);
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { ok: false, problem: 'missing' } : { ok: false, problem: 'unreadable', detail: code };
  }
  if (info.kind === 'folder') return { ok: false, problem: 'folder' };
  if (info.kind !== 'file') return { ok: false, problem: 'not-regular' };
  if (info.size > maxBytes) return { ok: false, problem: 'too-large', detail: String(maxBytes) };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { ok: false, problem: 'missing' } : { ok: false, problem: 'unreadable', detail: code };
  }
  const decoded = decodeBytes(bytes, maxBytes);
  if (!decoded.ok) return decoded.problem === 'too-large' ? { ok: false, problem: 'too-large', detail: String(maxBytes) } : { ok: false, problem: decoded.problem };
  if (options.requireArticle && !isArticleText(decoded.text)) return { ok: false, problem: 'not-article' };
  return { ok: true, text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, bytes, info, certain: decoded.certain };
}

/** One article of {@link readArticles}: its path and text, or a problem to report. */
export type ArticleEvent =
  | { readonly ok: true; readonly path: string; readonly file: ArticleFile }
  | { readonly ok: false; readonly problem: Problem };

/**
 * The articles of files and folders, for the read-only jobs (search, duplicates): the walk and
 * the reader in one. Text files found in folders that are not articles are not part of the corpus
 * and are passed over quietly; a named file that is not one is a problem like any other.
 */
export async function* readArticles(fs: BatchFs, paths: readonly string[]): AsyncGenerator<ArticleEvent> {
  for await (const event of walkInputs(fs, paths)) {
    if (!event.file) {
      yield { ok: false, problem: event.problem };
      continue;
    }
    const { path, named } = event.file;
    const read = await readArticleFile(fs, path, { requireArticle: true });
    if (read.ok) yield { ok: true, path, file: read };
    else if (read.problem !== 'not-article' || named) yield { ok: false, problem: { path, problem: read.problem, detail: read.detail } };
  }
}
