/**
 * The lint job of one file, for the CLI (inline or in a worker thread): read through the one
 * reader, lint, and with `fix` apply every fix (rounds until none is left) and write the result
 * back safely ({@link replaceWithEdits}: the file unchanged since it was read, its bytes kept
 * outside the fixes, never a guessed encoding).
 */
import { fixAll, lintArticle, type MessageArgs, type MessageId, type Problem, type RuleSettings } from '../lint';
import { parseArticle } from '../parse';
import type { BatchFs } from './fs';
import type { FileProblem } from './problems';
import { readArticleFile } from './read';
import { differingSpan, replaceWithEdits, type Encode } from './replace';

export interface LintJob {
  readonly seq: number;
  readonly path: string;
  /** Named on the command line (then linted even if it is not an article). */
  readonly named: boolean;
  readonly fix: boolean;
  readonly rules: RuleSettings;
}

/** A problem as it crosses threads: no fix, a message id and its arguments. */
export type FoundProblem = Pick<Problem, 'code' | 'severity' | 'start' | 'end' | 'message' | 'args'>;

export type LintJobResult =
  | {
      readonly seq: number;
      readonly ok: true;
      readonly problems: FoundProblem[];
      /** 1-based line and column (UTF-16 code units) of each problem's start. */
      readonly positions: [number, number][];
      /** Problems fixed (and the file written), 0 when nothing was. */
      readonly fixed: number;
    }
  | { readonly seq: number; readonly ok: false; readonly problem: FileProblem; readonly detail?: string };

/** 1-based line and column (UTF-16 code units) of sorted offsets, in one pass over the text. */
export function linePositions(text: string, offsets: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  let lineStart = 0;
  for (const offset of offsets) {
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < offset; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    out.push([line, offset - lineStart + 1]);
  }
  return out;
}

export type { MessageArgs, MessageId };

/** One file: read, lint, maybe fix and write. Never throws for the file's sake. */
export async function runLintJob(fs: BatchFs, job: LintJob, encode: Encode): Promise<LintJobResult> {
  const read = await readArticleFile(fs, job.path, { requireArticle: !job.named });
  if (!read.ok) return { seq: job.seq, ok: false, problem: read.problem, ...(read.detail !== undefined ? { detail: read.detail } : {}) };
  let text = read.text;
  let problems = lintArticle(parseArticle(text), job.rules);
  let fixed = 0;
  if (job.fix && problems.some((p) => p.fix !== undefined)) {
    const after = fixAll(text, parseArticle, job.rules);
    if (after !== text) {
      const replaced = await replaceWithEdits(fs, job.path, read, [differingSpan(text, after)], encode);
      if (replaced.problem) return { seq: job.seq, ok: false, problem: replaced.problem, ...(replaced.detail !== undefined ? { detail: replaced.detail } : {}) };
      const before = problems.length;
      text = after;
      problems = lintArticle(parseArticle(text), job.rules);
      fixed = Math.max(1, before - problems.length);
    }
  }
  return {
    seq: job.seq,
    ok: true,
    problems: problems.map(({ code, severity, start, end, message, args }) => ({ code, severity, start, end, message, args })),
    positions: linePositions(text, problems.map((p) => p.start)),
    fixed,
  };
}
