/**
 * The index of the workspace's article files, built in the extension host through
 * `vscode.workspace.findFiles` and `vscode.workspace.fs`: in the background, in short slices
 * (the host is never held for more than a few milliseconds at a time; the longest slice is
 * measured), with a progress indication in the status bar, the first rows shown while it runs,
 * cached by modification time and size in workspace storage across reloads, and kept up to date
 * by a file system watcher that reads only the files whose stamp changed.
 */
import * as vscode from 'vscode';
import { isFresh, indexEntry, planRefresh, type ArticleEntry, type CachedEntry, type FileStamp, type IndexEntry } from '../../core/corpus/entry';
import { decodeBytes } from '../../core/decode';
import { parseTitleLine } from '../../core/title';

export interface IndexedFile {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly mtime: number;
  readonly size: number;
  readonly entry: IndexEntry;
}

export interface IndexedArticle extends IndexedFile {
  readonly entry: ArticleEntry;
}

export interface IndexStats {
  /** Files found by the last full scan. */
  files: number;
  /** Files read by the last scan (new or changed); the rest came from the cache. */
  read: number;
  reused: number;
  /** Since the scan started: until the first rows were announced, and until it ended. */
  firstRowsMs: number;
  totalMs: number;
  /** The longest stretch of synchronous work the index did in the extension host, in ms. */
  longestSliceMs: number;
  /** Files read again through the watcher since activation. */
  watcherReads: number;
}

const CACHE_KEY = 'article.corpusIndex.v1';
/** Work is handed back to the event loop after this long. */
const SLICE_MS = 15;
/** Files at least this big are indexed from their first line only: parsing them would hold the host too long. */
export const LARGE_FILE = 2 * 1024 * 1024;
/** Files stat'ed and read at a time. */
const BATCH = 32;

// setImmediate in Node; the web worker extension host has only timers.
const yieldToHost = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** The index entry of a big file: its title from the first line; counts are left at zero. */
function titleOnlyEntry(bytes: Uint8Array): IndexEntry {
  const newline = bytes.indexOf(0x0a);
  const head = bytes.subarray(0, newline < 0 ? Math.min(bytes.length, 4096) : newline);
  const decoded = decodeBytes(head);
  if (!decoded.ok) return decoded.problem === 'empty' ? { kind: 'other' } : { kind: 'failed', problem: decoded.problem };
  const { title, listIndex } = parseTitleLine(decoded.text.replace(/\r$/, ''));
  return { kind: 'article', title, titleLine: decoded.text, listIndex, paragraphs: 0, cjk: 0, chars: 0, encoding: decoded.encoding, headings: [] };
}

export class CorpusIndex implements vscode.Disposable {
  private readonly files = new Map<string, IndexedFile>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (at most a few times a second) when entries were added, changed or removed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scanning: Promise<void> | undefined;
  private rescan = false;
  private pending = new Set<string>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private firstRows = false;
  readonly stats: IndexStats = { files: 0, read: 0, reused: 0, firstRowsMs: NaN, totalMs: NaN, longestSliceMs: 0, watcherReads: 0 };

  constructor(private readonly storage: vscode.Memento) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri)),
      watcher.onDidChange((uri) => this.queue(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
    );
  }

  /** Every indexed file that is an article or failed (not other text files). */
  get entries(): IndexedFile[] {
    return [...this.files.values()].filter((file) => file.entry.kind !== 'other');
  }

  get articles(): IndexedArticle[] {
    return [...this.files.values()].filter((file): file is IndexedArticle => file.entry.kind === 'article');
  }

  get(uri: vscode.Uri): IndexedFile | undefined {
    return this.files.get(uri.toString());
  }

  /** Resolves when the running scan (if any) and the queued watcher updates are done. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.scanning) await this.scanning;
      if (this.pendingTimer || this.pending.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (!this.scanning) return;
    }
  }

  /** Scans the workspace: new and changed files are read, the others come from the cache. */
  refresh(): Promise<void> {
    if (this.scanning) {
      this.rescan = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      try {
        do {
          this.rescan = false;
          await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing articles') }, (progress) => this.scan(progress));
        } while (this.rescan);
      } finally {
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }

  private async scan(progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const started = performance.now();
    this.firstRows = false;
    this.stats.firstRowsMs = NaN;
    const uris = (await vscode.workspace.findFiles('**/*.txt')).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.resumed();
    const cache = this.loadCache();
    const found = new Set(uris.map((uri) => uri.toString()));
    // Files gone since the last scan (or since the cache was saved).
    for (const key of [...this.files.keys()]) if (!found.has(key)) this.files.delete(key);
    let read = 0;
    let reused = 0;
    let done = 0;
    for (let at = 0; at < uris.length; at += BATCH) {
      const batch = uris.slice(at, at + BATCH);
      const stamps = await Promise.all(batch.map((uri) => vscode.workspace.fs.stat(uri).then((stat) => ({ mtime: stat.mtime, size: stat.size }), () => undefined)));
      this.resumed();
      const stale: { uri: vscode.Uri; stamp: FileStamp }[] = [];
      this.slice(() => {
        batch.forEach((uri, i) => {
          const stamp = stamps[i];
          const key = uri.toString();
          if (!stamp) {
            this.files.delete(key);
            return;
          }
          const known = this.files.get(key) ?? cache.get(key);
          if (known && isFresh(known, stamp)) {
            this.files.set(key, { uri, key, mtime: known.mtime, size: known.size, entry: known.entry });
            reused++;
          } else {
            stale.push({ uri, stamp });
          }
        });
      });
      const contents = await Promise.all(stale.map(({ uri }) => Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) => bytes, (error: unknown) => error)));
      this.resumed();
      for (let i = 0; i < stale.length; i++) {
        const { uri, stamp } = stale[i]!;
        const content = contents[i];
        this.slice(() => this.files.set(uri.toString(), { uri, key: uri.toString(), ...stamp, entry: this.entryOf(content) }));
        read++;
        if (this.overSlice()) await this.pause();
      }
      done += batch.length;
      progress.report({ message: `${done.toLocaleString()}/${uris.length.toLocaleString()}` });
      this.announce(started);
      await this.pause();
    }
    this.stats.files = uris.length;
    this.stats.read = read;
    this.stats.reused = reused;
    this.stats.totalMs = performance.now() - started;
    this.fireNow(started);
    if (read > 0 || cache.size !== this.files.size) this.saveSoon(0);
  }

  private entryOf(content: unknown): IndexEntry {
    if (!(content instanceof Uint8Array)) {
      const error = content as { code?: string; message?: string } | undefined;
      return { kind: 'failed', problem: 'unreadable', detail: error?.code ?? error?.message ?? String(content) };
    }
    return content.length >= LARGE_FILE ? titleOnlyEntry(content) : indexEntry(content);
  }

  private sliceStart = performance.now();

  /** Runs synchronous work, measuring the stretch of synchronous work since the last pause. */
  private slice(work: () => void): void {
    work();
    const length = performance.now() - this.sliceStart;
    if (length > this.stats.longestSliceMs) this.stats.longestSliceMs = length;
  }

  private overSlice(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  private async pause(): Promise<void> {
    await yieldToHost();
    this.resumed();
  }

  /** Marks the start of a stretch of synchronous work (after an await). */
  private resumed(): void {
    this.sliceStart = performance.now();
  }

  /** Tells the view about new rows: at once for the first ones, then a few times a second. */
  private announce(started: number): void {
    if (!this.firstRows && this.entries.length > 0) {
      this.fireNow(started);
      return;
    }
    this.fireTimer ??= setTimeout(() => this.fireNow(started), 250);
  }

  private fireNow(started?: number): void {
    if (this.fireTimer) clearTimeout(this.fireTimer);
    this.fireTimer = undefined;
    if (!this.firstRows && started !== undefined && this.entries.length > 0) {
      this.firstRows = true;
      this.stats.firstRowsMs = performance.now() - started;
    }
    this.changed.fire();
  }

  // The watcher: files created or changed are read again when their stamp changed; deleted ones dropped.

  private queue(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    this.pendingTimer ??= setTimeout(() => void this.flush(), 100);
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pending.delete(key);
    // A deleted folder reports only itself: drop everything below it too.
    const prefix = key.endsWith('/') ? key : key + '/';
    let removed = this.files.delete(key);
    for (const other of [...this.files.keys()]) if (other.startsWith(prefix)) removed = this.files.delete(other) || removed;
    if (removed) {
      this.fireNow();
      this.saveSoon();
    }
  }

  private async flush(): Promise<void> {
    this.pendingTimer = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    if (this.scanning) await this.scanning;
    let changed = false;
    for (const key of keys) {
      const uri = vscode.Uri.parse(key);
      let stamp: FileStamp;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type & vscode.FileType.Directory) continue;
        stamp = { mtime: stat.mtime, size: stat.size };
      } catch {
        changed = this.files.delete(key) || changed;
        continue;
      }
      const known = this.files.get(key);
      if (known && isFresh(known, stamp)) continue;
      if (!vscode.workspace.getWorkspaceFolder(uri)) continue;
      let content: unknown;
      try {
        content = await vscode.workspace.fs.readFile(uri);
      } catch (error) {
        content = error;
      }
      this.resumed();
      this.stats.watcherReads++;
      this.slice(() => this.files.set(key, { uri, key, ...stamp, entry: this.entryOf(content) }));
      await this.pause();
      changed = true;
    }
    if (changed) {
      this.fireNow();
      this.saveSoon();
    }
  }

  // The cache in workspace storage: entries by URI with the stamp they were read at.

  private loadCache(): Map<string, CachedEntry> {
    const stored = this.storage.get<{ files: [string, number, number, IndexEntry][] }>(CACHE_KEY);
    const cache = new Map<string, CachedEntry>();
    if (!stored || !Array.isArray(stored.files)) return cache;
    for (const item of stored.files) {
      if (Array.isArray(item) && item.length === 4 && typeof item[0] === 'string') cache.set(item[0], { mtime: item[1], size: item[2], entry: item[3] });
    }
    return cache;
  }

  private saveSoon(delay = 2000): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), delay);
  }

  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const files = [...this.files.values()].map((file) => [file.key, file.mtime, file.size, file.entry] as const);
    await this.storage.update(CACHE_KEY, { files });
  }

  /** The refresh plan of the cache against the files now indexed (for tests). */
  planAgainstCache(): ReturnType<typeof planRefresh> {
    return planRefresh(this.loadCache(), this.files);
  }

  dispose(): void {
    for (const timer of [this.pendingTimer, this.fireTimer, this.saveTimer]) if (timer) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
