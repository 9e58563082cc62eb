/**
 * `article normalize PATHS... --check | --write`: the canonical markup for many files. `--check`
 * lists the files that would change (exit 1 if any); `--write` rewrites them atomically in their
 * own encoding. A file that cannot be read, is not an article, or whose result would not keep its
 * text is named on stderr and left untouched.
 */
import { normalizeChecked, type NormalizeOptions } from '../core/normalize';
import { parseArticle } from '../core/parse';
import { encodeText, inputFiles, readTextFile, writeFileAtomic } from '../node/files';
import { describeProblem, type Messages } from './messages';

export interface NormalizeRequest {
  readonly paths: readonly string[];
  readonly write: boolean;
  readonly options: NormalizeOptions;
}


export async function runNormalize(request: NormalizeRequest, messages: Messages): Promise<number> {
  let changed = 0;
  let unchanged = 0;
  let failed = 0;
  for await (const input of inputFiles(request.paths)) {
    const read = await readTextFile(input.path, true);
    if (!read.ok) {
      failed++;
      process.stderr.write(`article: ${describeProblem(messages, input.path, read.problem, read.detail)}\n`);
      continue;
    }
    const result = normalizeChecked(parseArticle(read.text), request.options, parseArticle);
    if (result.edits.length === 0) {
      unchanged++;
      continue;
    }
    if (!result.safe) {
      failed++;
      process.stderr.write(`article: ${messages.unsafeNormalize(input.path)}\n`);
      continue;
    }
    changed++;
    if (!request.write) {
      process.stdout.write(`${input.path}\n`);
      continue;
    }
    try {
      await writeFileAtomic(input.path, encodeText(result.text, read.encoding, read.bom));
      process.stdout.write(`${messages.normalized(input.path)}\n`);
    } catch (error) {
      failed++;
      changed--;
      process.stderr.write(`article: ${describeProblem(messages, input.path, 'write', (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    }
  }
  process.stderr.write((request.write ? messages.normalizeWriteSummary(changed, unchanged, failed) : messages.normalizeCheckSummary(changed, unchanged, failed)) + '\n');
  if (failed > 0) return 1;
  return !request.write && changed > 0 ? 1 : 0;
}
