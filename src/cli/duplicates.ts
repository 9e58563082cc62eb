/**
 * `article duplicates PATHS... [--json] [--threshold T]`: groups of exact duplicates (the same
 * clean text) and near duplicates (one holds at least T of the other's text; default 0.8) among
 * the articles of the files and folders given. Only each article's signature is kept in memory.
 */
import { DEFAULT_THRESHOLD, DuplicateFinder } from '../core/corpus/duplicates';
import { cleanTextOf } from '../core/corpus/search';
import { parseArticle } from '../core/parse';
import { readArticles } from '../core/batch/read';
import { nodeFs } from '../node/batchFs';
import { describeProblem, type Messages } from './messages';

export interface DuplicatesRequest {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly threshold: number;
}

/** The `--threshold` value: a number in (0, 1]; undefined when it is not one. */
export function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return DEFAULT_THRESHOLD;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
}

export async function runDuplicates(request: DuplicatesRequest, messages: Messages): Promise<number> {
  const finder = new DuplicateFinder<string>();
  let failed = 0;
  for await (const read of readArticles(nodeFs, request.paths)) {
    if (!read.ok) {
      failed++;
      process.stderr.write(`article: ${describeProblem(messages, read.problem)}\n`);
      continue;
    }
    finder.add(read.path, cleanTextOf(parseArticle(read.file.text)));
  }
  const groups = finder.groups(request.threshold);
  if (request.json) {
    process.stdout.write(JSON.stringify(groups.map((g) => ({ kind: g.kind, similarity: g.similarity, paths: g.ids })), null, 2) + '\n');
  } else {
    const lines: string[] = [];
    for (const group of groups) {
      lines.push(group.kind === 'exact' ? messages.exactGroup(group.ids.length) : messages.nearGroup(group.ids.length, Math.round(group.similarity * 100)));
      for (const path of group.ids) lines.push(`  ${path}`);
    }
    if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
  }
  process.stderr.write(messages.duplicatesSummary(finder.size, groups.length, failed) + '\n');
  return failed > 0 ? 1 : 0;
}
