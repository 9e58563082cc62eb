/**
 * Where an export writes, and what it may never write over: one output-path rule and one
 * protection rule for the CLI's `--out` and the extension's Export Folder.
 *
 * - The output of `dir/a/b.txt` exported from `dir` is `OUT/a/b.EXT`.
 * - Nothing is written outside OUT, not through a symbolic link inside it either.
 * - No input of the run, nor any file the folder walk would treat as a source, is ever replaced
 *   (compared by identity, device and inode, where the file system gives them, and by real path).
 * - A file already in OUT is replaced only when the caller says so (`--overwrite`, or the user's
 *   answer); two inputs with one output name are refused before anything is written.
 */
import { errorCode, type BatchFs } from './fs';
import type { FileProblem } from './problems';
import { ARTICLE_FILE } from './walk';

export function outputPath(fs: BatchFs, out: string, relative: string, extension: string): string {
  return fs.join(out, relative.replace(/\.txt$/i, '') + extension);
}

/** `path` is `folder` or below it (both real paths). */
export function within(path: string, folder: string): boolean {
  if (path === folder) return true;
  const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : folder + '/';
  return path.startsWith(prefix) || path.startsWith(folder + '\\');
}

export class OutputGuard {
  /** Identities (`dev:ino`) and real paths of the run's inputs. */
  private readonly sourceIds = new Set<string>();
  private readonly sourcePaths = new Set<string>();

  private constructor(
    private readonly fs: BatchFs,
    readonly out: string,
    readonly realOut: string,
    /** Real paths of the folders given as inputs. */
    private readonly roots: readonly string[],
  ) {}

  /** Creates the output folder; a problem (as `write` with its code) when it cannot be one. */
  static async create(fs: BatchFs, out: string, inputs: readonly string[]): Promise<OutputGuard | { problem: FileProblem; detail: string }> {
    try {
      await fs.mkdirp(out);
      const info = await fs.stat(out);
      if (info.kind !== 'folder') return { problem: 'write', detail: 'ENOTDIR' };
    } catch (error) {
      return { problem: 'write', detail: errorCode(error) };
    }
    const realOut = await fs.realPath(out);
    const roots: string[] = [];
    const guard = new OutputGuard(fs, out, realOut, roots);
    for (const input of inputs) {
      try {
        const info = await fs.stat(input);
        if (info.kind === 'folder') roots.push(await fs.realPath(input));
        else await guard.addSource(input);
      } catch {
        // Missing inputs are reported when read.
      }
    }
    return guard;
  }

  /** A file the run reads: never to be replaced. */
  async addSource(path: string): Promise<void> {
    try {
      const info = await this.fs.stat(path);
      if (info.id !== undefined) this.sourceIds.add(info.id);
      this.sourcePaths.add(await this.fs.realPath(path));
    } catch {
      // Not there: nothing to protect.
    }
  }

  /** Whether the walk must not enter this folder: the output folder inside an input folder. */
  excludes(realFolder: string): boolean {
    return realFolder === this.realOut;
  }

  /**
   * Makes `folder` (inside OUT) exist without creating anything outside OUT: the deepest folder
   * that exists already must really be inside OUT.
   */
  async makeFolder(folder: string): Promise<FileProblem | undefined> {
    let existing = folder;
    for (;;) {
      try {
        await this.fs.stat(existing);
        break;
      } catch {
        const parent = this.fs.dirname(existing);
        if (parent === existing) break;
        existing = parent;
      }
    }
    if (!within(await this.fs.realPath(existing), this.realOut)) return 'outside-out';
    await this.fs.mkdirp(folder);
    return undefined;
  }

  /** What forbids writing `target` (a path inside OUT), if anything. Creates its folder. */
  async check(target: string, overwrite: boolean): Promise<FileProblem | undefined> {
    const folder = this.fs.dirname(target);
    const outside = await this.makeFolder(folder);
    if (outside) return outside;
    const realFolder = await this.fs.realPath(folder);
    if (!within(realFolder, this.realOut)) return 'outside-out';
    const name = this.fs.basename(target);
    if (this.sourcePaths.has(this.fs.join(realFolder, name))) return 'source';
    if (ARTICLE_FILE.test(name) && this.roots.some((root) => within(realFolder, root) && !(this.realOut !== root && within(this.realOut, root)))) return 'source';
    let exists = false;
    try {
      const info = await this.fs.stat(target);
      exists = true;
      if (info.id !== undefined && this.sourceIds.has(info.id)) return 'source';
      if (info.symlink && this.sourcePaths.has(await this.fs.realPath(target))) return 'source';
      if (info.kind !== 'file') return 'exists';
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        // A dangling link or an unreadable entry: something is there.
        exists = true;
      }
    }
    if (exists && !overwrite) return 'exists';
    return undefined;
  }
}
