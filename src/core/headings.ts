/**
 * Section headings the Chinese way: `一、` (1), `（一）` (2), `1.` (3), `（1）` (4), `第一章` (1),
 * `第一节` (2); `<h1>`–`<h6>` and wholly bold short paragraphs. A section number's level wins
 * over the markup's.
 */
import type { Heading } from './model';
import { cleanText } from './text';

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const NUMBERED: ReadonlyArray<readonly [RegExp, number]> = [
  [new RegExp(`^${NUMERAL}[、．.]`), 1],
  [new RegExp(`^第${NUMERAL}[章编部篇]`), 1],
  [new RegExp(`^[（(]${NUMERAL}[）)]`), 2],
  [new RegExp(`^第${NUMERAL}节`), 2],
  [/^[0-9０-９]{1,2}(?:[.．](?![0-9０-９])|、)/, 3],
  [/^[（(][0-9０-９]{1,2}[）)]/, 4],
];

/** Longest text, in characters, that still reads as a heading rather than a paragraph. */
export const MAX_HEADING_LENGTH = 60;

/** Sentence ends in the middle of a text mean a paragraph that merely starts with a number. */
const SENTENCE_END_INSIDE = /[。！？；!?;](?=.)/s;

export function numberedLevel(text: string): number | undefined {
  for (const [pattern, level] of NUMBERED) if (pattern.test(text)) return level;
  return undefined;
}

/**
 * The heading a paragraph is, if any. `text` is its clean text without indent; `tagLevel` is N
 * for an `<hN>` paragraph; `allBold` says the paragraph is wholly bold.
 */
export function detectHeading(text: string, tagLevel: number | undefined, allBold: boolean): Heading | undefined {
  if (text.length === 0) return undefined;
  const short = text.length <= MAX_HEADING_LENGTH && !SENTENCE_END_INSIDE.test(text);
  if (tagLevel !== undefined) return { level: (short ? numberedLevel(text) : undefined) ?? tagLevel };
  if (!short) return undefined;
  const level = numberedLevel(text) ?? (allBold ? 1 : undefined);
  return level === undefined ? undefined : { level };
}

const ALL_BOLD = /^\s*<(strong|b)(?:\s[^>]*)?>([\s\S]*)<\/\1\s*>\s*$/i;

/** Is the paragraph's source text one bold element around all of it? */
export function isAllBold(raw: string): boolean {
  const m = ALL_BOLD.exec(raw);
  if (!m) return false;
  const inner = m[2]!;
  return !new RegExp(`</${m[1]}\\s*>`, 'i').test(inner) && inner.trim() !== '';
}

/**
 * The heading of a paragraph with text `text` (`chars` characters of its clean text), as the
 * parser decides it and as typing must keep deciding it: only an `<hN>` paragraph or a short one
 * can be a heading.
 */
export function paragraphHeading(text: string, chars: number, tagLevel: number | undefined, allBold: boolean): Heading | undefined {
  if (text === '' || (tagLevel === undefined && chars > MAX_HEADING_LENGTH)) return undefined;
  return detectHeading(cleanText(text), tagLevel, allBold);
}
