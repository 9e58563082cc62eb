/**
 * `article search PATTERN PATHS... [--json]`: the clean text of every article (any encoding; text
 * broken over lines by the markup and text written as entities are found), each hit with its
 * paragraph and sentence. Exit status 0 when something was found, 1 when nothing was (as grep).
 */
import { searchArticle } from '../core/corpus/search';
import { parseArticle } from '../core/parse';
import { readArticles } from '../core/batch/read';
import { nodeFs } from '../node/batchFs';
import { describeProblem, type Messages } from './messages';

export interface SearchRequest {
  readonly pattern: string;
  readonly paths: readonly string[];
  readonly json: boolean;
}

export async function runSearch(request: SearchRequest, messages: Messages): Promise<number> {
  let found = 0;
  const results: { path: string; title: string; hits: { paragraph: number; sentence: string; start: number; end: number }[] }[] = [];
  for await (const read of readArticles(nodeFs, request.paths)) {
    if (!read.ok) {
      process.stderr.write(`article: ${describeProblem(messages, read.problem)}\n`);
      continue;
    }
    const article = parseArticle(read.file.text);
    const hits = searchArticle(article, request.pattern);
    if (hits.length === 0) continue;
    found += hits.length;
    // Paragraphs numbered as a reader counts them: those with text, from 1; 0 is the title.
    const numbers = new Map<number, number>();
    let n = 0;
    article.blocks.forEach((block, index) => {
      if (block.kind === 'paragraph' && block.text.trim() !== '') numbers.set(index, ++n);
    });
    const entry = {
      path: read.path,
      title: article.title,
      hits: hits.map((hit) => ({ paragraph: hit.block < 0 ? 0 : numbers.get(hit.block) ?? 0, sentence: hit.sentence, start: hit.sentenceStart, end: hit.sentenceEnd })),
    };
    if (request.json) {
      results.push(entry);
    } else {
      const lines = [`${entry.path}  ${entry.title}`];
      for (const hit of entry.hits) lines.push(`  ${hit.paragraph === 0 ? messages.titleHit : messages.paragraphHit(hit.paragraph)}  ${hit.sentence}`);
      process.stdout.write(lines.join('\n') + '\n');
    }
  }
  if (request.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return found > 0 ? 0 : 1;
}
