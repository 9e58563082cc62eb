/**
 * The folder normalize job, for the CLI and the extension alike: walk, read, normalize (checked:
 * a result that would change a character of text is refused), and either list what would change
 * or replace each file safely ({@link replaceFile}), with progress, cancellation and a summary.
 */
import { normalizeChecked, type NormalizeOptions } from '../normalize';
import { parseArticle } from '../parse';
import type { BatchFs } from './fs';
import { isSkip, type FileProblem, type Problem } from './problems';
import { readArticleFile, type ArticleFile } from './read';
import { replaceWithEdits, type Encode } from './replace';

export type { Encode } from './replace';
import { TempCleaner } from './temps';
import { walkInputs } from './walk';

/**
 * A file whose encoding was guessed rather than certain is never rewritten: said in the dry run
 * too, so that `--check` lists it ({@link replaceWithEdits} refuses it again when writing).
 */
export function encodingRefusal(read: ArticleFile): FileProblem | undefined {
  return read.certain ? undefined : 'guessed-encoding';
}

export interface NormalizeRun {
  readonly fs: BatchFs;
  readonly paths: readonly string[];
  readonly options: NormalizeOptions;
  /** Replace the files (else only say which would change). */
  readonly write: boolean;
  readonly encode: Encode;
  /** A reason to leave a file alone before reading it (the extension: unsaved changes in an editor). */
  readonly skip?: (path: string) => FileProblem | undefined;
  /** A file that would change (`write: false`) or was normalized. */
  readonly onChanged: (path: string) => void;
  readonly onProblem: (problem: Problem, skipped: boolean) => void;
  readonly onProgress?: (done: number, path: string) => void;
  readonly cancelled?: () => boolean;
  /** For tests: runs just before the final "unchanged?" check of each replaced file. */
  readonly beforeReplace?: (path: string) => Promise<void>;
}

export interface NormalizeSummary {
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly failed: number;
  readonly cancelled: boolean;
}

export async function runNormalize(run: NormalizeRun): Promise<NormalizeSummary> {
  const { fs } = run;
  let changed = 0;
  let unchanged = 0;
  let skipped = 0;
  let failed = 0;
  const cancelled = (): boolean => run.cancelled?.() === true;
  const fail = (problem: Problem): void => {
    const skip = isSkip(problem.problem);
    if (skip) skipped++;
    else failed++;
    run.onProblem(problem, skip);
  };
  const cleaner = new TempCleaner(fs);
  const walk = walkInputs(fs, run.paths, run.write ? { onFolder: (folder) => cleaner.clean(folder) } : {});
  for await (const event of walk) {
    if (cancelled()) break;
    if (!event.file) {
      fail(event.problem);
      continue;
    }
    const path = event.file.path;
    run.onProgress?.(changed + unchanged + skipped + failed, path);
    const busy = run.skip?.(path);
    if (busy) {
      fail({ path, problem: busy });
      continue;
    }
    const read = await readArticleFile(fs, path, { requireArticle: true });
    if (!read.ok) {
      fail({ path, problem: read.problem, detail: read.detail });
      continue;
    }
    const result = normalizeChecked(parseArticle(read.text), run.options, parseArticle);
    if (result.edits.length === 0) {
      unchanged++;
      continue;
    }
    const refusal = !result.safe ? 'unsafe' : encodingRefusal(read);
    if (refusal) {
      fail({ path, problem: refusal });
      continue;
    }
    if (!run.write) {
      changed++;
      run.onChanged(path);
      continue;
    }
    const replaced = await replaceWithEdits(fs, path, read, result.fineEdits, run.encode, run.beforeReplace && (() => run.beforeReplace!(path)));
    if (replaced.problem) {
      fail({ path, problem: replaced.problem, detail: replaced.detail });
      continue;
    }
    changed++;
    run.onChanged(path);
  }
  return { changed, unchanged, skipped, failed, cancelled: cancelled() };
}
