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

/** A section number at the start of a text, of any of the forms above. */
const NUMBER_PREFIX = new RegExp(`^(?:${NUMERAL}[、．.]|第${NUMERAL}[章编部篇节]|[（(]${NUMERAL}[）)]|[0-9０-９]{1,2}(?:[.．]|、)|[（(][0-9０-９]{1,2}[）)])`);

/** Longest text, in characters, that still reads as a heading rather than a paragraph. */
export const MAX_HEADING_LENGTH = 60;

/** Longest head, in characters (its number and its full stop included), of a run-in heading. */
export const MAX_RUN_IN_LENGTH = 32;

/** Sentence ends in the middle of a text mean a paragraph that merely starts with a number. */
const SENTENCE_END_INSIDE = /[。！？；!?;](?=.)/s;

/**
 * How sentences and list items end: a full stop, a semicolon, a comma or an enumeration comma, in
 * full-width, half-width, small and ASCII forms. A heading never ends so (`？` and `！` may end one:
 * `三、怎么办？`).
 */
const ENDS_LIKE_A_SENTENCE = /[。｡．.﹒；;﹔，,﹐、､]$/;

/** Closing quotes and brackets after a text's last real character (`…“两个确立”。”`). */
const TRAILING_CLOSERS = /[\s”’」』）)》〉】"']+$/;

/** What may not stand inside a run-in heading's head: its head is a name, not a clause. */
const CLAUSE_MARK = /[，,；;：:]/;

/** The end of a run-in heading's head: a full stop or a question/exclamation mark (ASCII `.` only before a space). */
const HEAD_END = /[。｡．！？!?]|\.(?=\s)/;

export function numberedLevel(text: string): number | undefined {
  for (const [pattern, level] of NUMBERED) if (pattern.test(text)) return level;
  return undefined;
}

/** Does the text end like a sentence or a list item (closing quotes and brackets aside)? */
export function endsLikeSentence(text: string): boolean {
  return ENDS_LIKE_A_SENTENCE.test(text.replace(TRAILING_CLOSERS, ''));
}

/**
 * The length of the head of a run-in heading (`3.稳住外贸外资基本盘。` in `3.稳住外贸外资基本盘。支持…`):
 * the text starts with a section number, its first sentence is short and holds no comma, semicolon
 * or colon, and more text follows it. `undefined` where the text is no run-in heading. `text`
 * starts at its first visible character.
 */
export function runInHeadLength(text: string): number | undefined {
  const window = text.length > MAX_RUN_IN_LENGTH + 1 ? text.slice(0, MAX_RUN_IN_LENGTH + 1) : text;
  if (numberedLevel(window) === undefined) return undefined;
  const number = NUMBER_PREFIX.exec(window)?.[0].length ?? 0;
  const stop = HEAD_END.exec(window.slice(number));
  if (!stop) return undefined;
  const length = number + stop.index + stop[0].length;
  if (length > MAX_RUN_IN_LENGTH || stop.index === 0 || CLAUSE_MARK.test(window.slice(number, length))) return undefined;
  return text.slice(length).replace(TRAILING_CLOSERS, '') !== '' ? length : undefined;
}

/**
 * The heading a paragraph is, if any. `text` is its clean text without indent; `tagLevel` is N
 * for an `<hN>` paragraph; `allBold` says the paragraph is wholly bold.
 *
 * A numbered or wholly bold paragraph is a heading when it is short (at most
 * `MAX_HEADING_LENGTH` characters), has no sentence end inside and does not end like a sentence
 * or a list item (`；` `。` `，` in any form: `（1）开展…；` is a list item); a wholly bold one
 * ending in a colon (`同志们：`) is a salutation or a lead-in, not a heading. A numbered paragraph
 * whose short first sentence is followed by its text (`3.稳住外贸外资基本盘。支持…`) is a run-in
 * heading of its number's level.
 */
export function detectHeading(text: string, tagLevel: number | undefined, allBold: boolean): Heading | undefined {
  if (text.length === 0) return undefined;
  // A full stop before a closing quote (`…精神。”`) ends the text, not a sentence inside it.
  const short = text.length <= MAX_HEADING_LENGTH && !SENTENCE_END_INSIDE.test(text.replace(TRAILING_CLOSERS, ''));
  if (tagLevel !== undefined) return { level: (short ? numberedLevel(text) : undefined) ?? tagLevel };
  if (!short) return runIn(text);
  if (endsLikeSentence(text)) return undefined;
  const level = numberedLevel(text) ?? (allBold && !/[：:]$/.test(text.replace(TRAILING_CLOSERS, '')) ? 1 : undefined);
  return level === undefined ? undefined : { level };
}

function runIn(text: string): Heading | undefined {
  const head = runInHeadLength(text);
  return head === undefined ? undefined : { level: numberedLevel(text)!, runIn: head };
}

/** The name a heading goes by: a run-in heading's head without its full stop, else the whole text. */
export function headingName(text: string, heading: Heading): string {
  if (heading.runIn === undefined) return text;
  const start = text.length - text.trimStart().length;
  return text.slice(start, start + heading.runIn).replace(/[。｡．.！？!?]$/, '');
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
  if (text === '') return undefined;
  // A long paragraph can only be a run-in heading: its start tells, without a copy of all of it.
  if (tagLevel === undefined && chars > MAX_HEADING_LENGTH) return runIn(leadingText(text));
  return detectHeading(cleanText(text), tagLevel, allBold);
}

/** The start of a text from its first visible character, long enough for a run-in heading's head. */
function leadingText(text: string): string {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text.slice(i, i + MAX_RUN_IN_LENGTH + 65);
}
