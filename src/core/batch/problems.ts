/**
 * Every problem a folder job can have with one file or folder: the one list the CLI's and the
 * extension's message tables translate (each keeps its own wording, and the compiler checks that
 * each names every problem).
 */
import type { DecodeProblem } from '../decode';

export type FileProblem =
  // Reading: decided by readArticleFile from stat, the bytes and the decoder.
  | DecodeProblem
  | 'truncated'
  | 'missing'
  | 'folder'
  | 'not-regular'
  | 'unreadable'
  | 'not-article'
  // The folder walk.
  | 'unreadable-folder'
  | 'symlink-loop'
  // Writing an export into its output folder.
  | 'source'
  | 'outside-out'
  | 'exists'
  // Replacing a file in place (normalize).
  | 'unsafe'
  | 'guessed-encoding'
  | 'changed'
  | 'read-only'
  | 'hard-link'
  | 'symlink'
  | 'dirty'
  | 'owner'
  // A write that failed (the detail says why: ENOSPC, EACCES, …).
  | 'write';

/** One problem with one path; `detail` is an error code or, for `too-large`, the limit in bytes. */
export interface Problem {
  readonly path: string;
  readonly problem: FileProblem;
  readonly detail?: string;
}

/** Problems that mean "not for this job" rather than "failed": counted as skipped. */
export function isSkip(problem: FileProblem): boolean {
  return problem === 'not-article';
}
