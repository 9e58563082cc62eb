/**
 * The folder walk of every folder job: named files as they are, folders walked recursively in a
 * stable order for `.txt` files. Hidden entries and `node_modules` are skipped; symbolic links to
 * files and folders are followed (where the file system resolves links; else a linked folder is
 * reported), a link back to a folder being walked is reported as a loop; a
 * folder that cannot be opened is reported and the walk goes on. Streams: a corpus is never
 * listed whole.
 */
import { errorCode, joinRelative, type BatchFs } from './fs';
import type { Problem } from './problems';

/** The names the walk treats as article sources. */
export const ARTICLE_FILE = /\.txt$/i;

/** One input file of a job. */
export interface InputFile {
  readonly path: string;
  /** Relative to the folder given, `/`-separated (for a file given directly: its base name). */
  readonly relative: string;
  /** Named directly rather than found in a folder (then it is read even if it is not an article). */
  readonly named: boolean;
}

export type WalkEvent = { readonly file: InputFile; readonly problem?: undefined } | { readonly file?: undefined; readonly problem: Problem };

export interface WalkOptions {
  /** Folders not to enter, by real path (the output folder of an export inside its input). */
  readonly exclude?: (realFolder: string) => boolean;
  /** Called once for every folder walked and every named file's folder, before its files. */
  readonly onFolder?: (folder: string) => Promise<void>;
}

export function isWalkedName(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

export async function* walkInputs(fs: BatchFs, paths: readonly string[], options: WalkOptions = {}): AsyncGenerator<WalkEvent> {
  for (const given of paths) {
    let folder = false;
    try {
      folder = (await fs.stat(given)).kind === 'folder';
    } catch {
      // A missing or unreadable path is yielded as a file: reading it reports the problem.
    }
    if (folder) {
      let real = given;
      try {
        real = await fs.realPath(given);
      } catch {
        // Listing it reports the problem.
      }
      yield* walkFolder(fs, given, '', [real], options);
    } else {
      await options.onFolder?.(fs.dirname(given));
      yield { file: { path: given, relative: fs.basename(given), named: true } };
    }
  }
}

async function* walkFolder(fs: BatchFs, folder: string, relative: string, ancestors: readonly string[], options: WalkOptions): AsyncGenerator<WalkEvent> {
  let entries;
  try {
    entries = await fs.readDir(folder);
  } catch (error) {
    yield { problem: { path: folder, problem: 'unreadable-folder', detail: errorCode(error) } };
    return;
  }
  await options.onFolder?.(folder);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const real = ancestors[ancestors.length - 1]!;
  for (const entry of entries) {
    if (!isWalkedName(entry.name)) continue;
    const path = fs.join(folder, entry.name);
    const childRelative = joinRelative(relative, entry.name);
    let kind = entry.kind;
    let childReal = fs.join(real, entry.name);
    if (kind === 'symlink') {
      try {
        kind = (await fs.stat(path)).kind;
        if (kind === 'folder') childReal = await fs.realPath(path);
      } catch {
        // A dangling link: reported when read, if it is named like an article.
        kind = 'file';
      }
    }
    if (kind === 'folder') {
      if (entry.kind === 'symlink' && !fs.resolvesLinks) {
        yield { problem: { path, problem: 'symlink' } };
        continue;
      }
      if (ancestors.includes(childReal)) {
        yield { problem: { path, problem: 'symlink-loop' } };
        continue;
      }
      if (options.exclude?.(childReal)) continue;
      yield* walkFolder(fs, path, childRelative, [...ancestors, childReal], options);
    } else if (ARTICLE_FILE.test(entry.name)) {
      // Regular files, and anything else so named (a FIFO): the reader refuses what is not a file.
      yield { file: { path, relative: childRelative, named: false } };
    }
  }
}
