/**
 * Searching the clean text of articles: what a reader sees (tags removed, entities decoded, the
 * page's markup line breaks joined), so a phrase broken over lines in the file, or written with
 * entities, is found. Each hit names its paragraph (block index) and the sentence around it.
 */
import type { Article } from '../model';
import { stripIndent } from '../text';

export interface SearchHit {
  /** The block of the hit, -1 for the title. */
  readonly block: number;
  /** Where the match starts and ends in the block's clean text (without indent). */
  readonly start: number;
  readonly end: number;
  /** The sentence around the match (at most about 120 characters). */
  readonly sentence: string;
  /** Where the match starts and ends in `sentence`. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

export interface SearchOptions {
  /** At most this many hits per article (default 100). */
  readonly maxHits?: number;
}

const SENTENCE_END = /[。！？!?；;…\n]/;
const CONTEXT = 60;

/** Lower-cases Latin letters only, keeping every string's length (so offsets stay valid). */
function fold(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function sentenceAround(text: string, start: number, end: number): Pick<SearchHit, 'sentence' | 'sentenceStart' | 'sentenceEnd'> {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!) && start - from < CONTEXT) from--;
  let to = end;
  while (to < text.length && end - to > -CONTEXT) {
    const c = text[to]!;
    to++;
    if (SENTENCE_END.test(c)) break;
  }
  const sentence = text.slice(from, to).replace(/\n/g, ' ');
  const lead = sentence.length - sentence.trimStart().length;
  return { sentence: sentence.trim(), sentenceStart: start - from - lead, sentenceEnd: end - from - lead };
}

/** The hits of `pattern` (a literal, case-insensitive for Latin letters) in the article's title and paragraphs. */
export function searchArticle(article: Article, pattern: string, options: SearchOptions = {}): SearchHit[] {
  const needle = fold(pattern.trim());
  if (needle === '') return [];
  const maxHits = options.maxHits ?? 100;
  const hits: SearchHit[] = [];
  const scan = (text: string, block: number): void => {
    const haystack = fold(text);
    for (let at = haystack.indexOf(needle); at >= 0 && hits.length < maxHits; at = haystack.indexOf(needle, at + needle.length)) {
      hits.push({ block, start: at, end: at + needle.length, ...sentenceAround(text, at, at + needle.length) });
    }
  };
  scan(article.title, -1);
  article.blocks.forEach((block, index) => {
    if (block.kind === 'paragraph' && block.text !== '' && hits.length < maxHits) scan(stripIndent(block.text), index);
  });
  return hits;
}

/** The article's clean text as the duplicate finder compares it: the title, then each paragraph's text on a line. */
export function cleanTextOf(article: Article): string {
  const parts = [article.title];
  for (const block of article.blocks) {
    if (block.kind !== 'paragraph') continue;
    const text = stripIndent(block.text).trim();
    if (text !== '') parts.push(text);
  }
  return parts.join('\n');
}
