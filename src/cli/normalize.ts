/**
 * `article normalize PATHS... --check | --write`: the core's normalize job ({@link runNormalize})
 * over Node's file system. `--check` lists the files that would change (exit 1 if any); `--write`
 * replaces them safely in their own encoding. A file that cannot be read or safely replaced is
 * named on stderr and left untouched. A closed stdout does not stop the writes: the run finishes
 * (it never stops half-way through a file) and only the listing ends.
 */
import { runNormalize as runNormalizeJob } from '../core/batch/normalize';
import type { NormalizeOptions } from '../core/normalize';
import { nodeFs } from '../node/batchFs';
import { encodeText } from '../node/encode';
import { describeProblem, printable, type Messages } from './messages';
import type { Output } from './output';

export interface NormalizeRequest {
  readonly paths: readonly string[];
  readonly write: boolean;
  readonly options: NormalizeOptions;
}

export async function runNormalize(request: NormalizeRequest, messages: Messages, stdout: Output): Promise<number> {
  const listed: Promise<void>[] = [];
  const summary = await runNormalizeJob({
    fs: nodeFs,
    paths: request.paths,
    options: request.options,
    write: request.write,
    encode: encodeText,
    onChanged: (path) => listed.push(stdout.write(`${request.write ? messages.normalized(printable(path)) : printable(path)}\n`)),
    onProblem: (problem) => process.stderr.write(`article: ${describeProblem(messages, problem)}\n`),
  });
  await Promise.all(listed);
  const { changed, unchanged, skipped, failed } = summary;
  process.stderr.write((request.write ? messages.normalizeWriteSummary(changed, unchanged, skipped, failed) : messages.normalizeCheckSummary(changed, unchanged, skipped, failed)) + '\n');
  if (failed > 0) return 1;
  return !request.write && changed > 0 ? 1 : 0;
}
