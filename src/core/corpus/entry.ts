/**
 * The corpus index: one entry per article file (its title, list index, counts and section
 * headings) built from the file's bytes, when to read a file again (modification time and size),
 * and how the Articles view sorts, filters and warns about its rows. Pure: the extension and the
 * benchmarks hand it bytes and stamps.
 */
import { decodeBytes, type DecodeProblem, type Encoding } from '../decode';
import { isArticleText } from '../detect';
import { parseArticle } from '../parse';
import { articleCounts } from './counts';
import { stripIndent } from '../text';
import { headingName } from '../headings';

/** A section heading of an article, where it starts in the file (0-based line and UTF-16 column). */
export interface IndexedHeading {
  readonly text: string;
  readonly level: number;
  readonly block: number;
  readonly line: number;
  readonly character: number;
}

export interface ArticleEntry {
  readonly kind: 'article';
  readonly title: string;
  readonly titleLine: string;
  readonly listIndex: number | null;
  readonly paragraphs: number;
  readonly cjk: number;
  readonly chars: number;
  readonly encoding: Encoding;
  readonly headings: readonly IndexedHeading[];
}

/** A `.txt` file that could not be read or decoded: listed with the reason. */
export interface FailedEntry {
  readonly kind: 'failed';
  readonly problem: DecodeProblem | 'unreadable';
  readonly detail?: string;
}

/** A readable `.txt` file that is not an article (a README, a list): not listed. */
export interface OtherEntry {
  readonly kind: 'other';
}

export type IndexEntry = ArticleEntry | FailedEntry | OtherEntry;

/** Headings longer than this are cut in the index (they only name a symbol). */
const HEADING_NAME = 60;

/** The index entry of a file from its bytes: title through the core's title rules, counts from the parsed article. */
export function indexEntry(bytes: Uint8Array): IndexEntry {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: 'failed', problem: decoded.problem };
  if (!isArticleText(decoded.text)) return { kind: 'other' };
  const article = parseArticle(decoded.text);
  const counts = articleCounts(article);
  const headings: IndexedHeading[] = [];
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  const source = article.source;
  article.blocks.forEach((block, index) => {
    if (!block.heading || block.text.trim() === '') return;
    for (let i = source.indexOf('\n', scanned); i >= 0 && i < block.textStart; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = Math.max(scanned, block.textStart);
    const text = headingName(stripIndent(block.text).trim(), block.heading);
    headings.push({ text: text.length > HEADING_NAME ? text.slice(0, HEADING_NAME) + '…' : text, level: block.heading.level, block: index, line, character: block.textStart - lineStart });
  });
  return {
    kind: 'article',
    title: article.title !== '' ? article.title : article.titleLine.raw.trim(),
    titleLine: article.titleLine.raw,
    listIndex: article.listIndex,
    ...counts,
    encoding: decoded.encoding,
    headings,
  };
}

/** What decides whether a file must be read again. */
export interface FileStamp {
  readonly mtime: number;
  readonly size: number;
}

export interface CachedEntry extends FileStamp {
  readonly entry: IndexEntry;
}

/** A cached entry is good while the file's modification time and size are both unchanged. */
export function isFresh(cached: FileStamp | undefined, stat: FileStamp): boolean {
  return cached !== undefined && cached.mtime === stat.mtime && cached.size === stat.size;
}

export interface RefreshPlan {
  /** Keys whose cached entry stays. */
  readonly reuse: string[];
  /** Keys to read: new files, and files whose stamp changed. */
  readonly read: string[];
  /** Cached keys whose file is gone. */
  readonly removed: string[];
}

/** Which files of `files` to read again and which cached entries to keep or drop. */
export function planRefresh(cache: ReadonlyMap<string, FileStamp>, files: ReadonlyMap<string, FileStamp>): RefreshPlan {
  const reuse: string[] = [];
  const read: string[] = [];
  const removed: string[] = [];
  for (const [key, stamp] of files) (isFresh(cache.get(key), stamp) ? reuse : read).push(key);
  for (const key of cache.keys()) if (!files.has(key)) removed.push(key);
  return { reuse, read, removed };
}

/** What the view sorts, filters and checks: one listed article. */
export interface ArticleRow {
  /** A unique key (the file's URI). */
  readonly key: string;
  /** The file's name (`000_5edd2806a98033fb.txt`). */
  readonly name: string;
  /** The folder the file is in (its key), for same-index checks. */
  readonly folder: string;
  readonly title: string;
  readonly listIndex: number | null;
}

export type SortMode = 'index' | 'title' | 'file';
export const SORT_MODES: readonly SortMode[] = ['index', 'title', 'file'];

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' });

/** Orders rows: by list index then title (rows without index last), by title, or by file name. */
export function compareRows(mode: SortMode): (a: ArticleRow, b: ArticleRow) => number {
  const byName = (a: ArticleRow, b: ArticleRow): number => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const byTitle = (a: ArticleRow, b: ArticleRow): number => collator.compare(a.title, b.title) || byName(a, b);
  if (mode === 'file') return byName;
  if (mode === 'title') return byTitle;
  return (a, b) => {
    if (a.listIndex !== b.listIndex) {
      if (a.listIndex === null) return 1;
      if (b.listIndex === null) return -1;
      return a.listIndex - b.listIndex;
    }
    return byTitle(a, b);
  };
}

/** Does the title hold the filter text? Case-insensitive for Latin letters; white space at the ends ignored. */
export function matchesFilter(title: string, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return needle === '' || title.toLowerCase().includes(needle);
}

export interface RowConflicts {
  /** Other rows with the same title. */
  readonly sameTitle: readonly ArticleRow[];
  /** Other rows in the same folder with the same list index. */
  readonly sameIndex: readonly ArticleRow[];
}

/** Rows that share their title (anywhere) or their list index (in the same folder) with another row. */
export function findConflicts(rows: readonly ArticleRow[]): Map<string, RowConflicts> {
  const byTitle = new Map<string, ArticleRow[]>();
  const byIndex = new Map<string, ArticleRow[]>();
  for (const row of rows) {
    if (row.title !== '') {
      const list = byTitle.get(row.title);
      if (list) list.push(row);
      else byTitle.set(row.title, [row]);
    }
    if (row.listIndex !== null) {
      const key = `${row.folder}\u0000${row.listIndex}`;
      const list = byIndex.get(key);
      if (list) list.push(row);
      else byIndex.set(key, [row]);
    }
  }
  const out = new Map<string, RowConflicts>();
  const others = (list: ArticleRow[] | undefined, row: ArticleRow): ArticleRow[] => (list && list.length > 1 ? list.filter((r) => r !== row) : []);
  for (const row of rows) {
    const sameTitle = others(row.title !== '' ? byTitle.get(row.title) : undefined, row);
    const sameIndex = others(row.listIndex !== null ? byIndex.get(`${row.folder}\u0000${row.listIndex}`) : undefined, row);
    if (sameTitle.length > 0 || sameIndex.length > 0) out.set(row.key, { sameTitle, sameIndex });
  }
  return out;
}
