/**
 * Helpers the rules share: reading a paragraph's source as the characters a reader sees (real
 * tags skipped, entities decoded) without losing their offsets, and the range that removes a
 * block together with its spacer.
 */
import { decodeHTMLStrict } from 'entities';
import type { Article, Block } from '../model';
import { isWide, realTagEnd } from '../text';

/** A well-formed character reference, as the clean text decodes it. */
const ENTITY = /&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{1,31};)/y;

/** The end of the well-formed entity at `at`, or -1. */
export function entityEnd(s: string, at: number): number {
  ENTITY.lastIndex = at;
  return ENTITY.test(s) ? ENTITY.lastIndex : -1;
}

/** The first code unit an entity stands for (the entity's own `&` where it is unknown). */
export function entityCode(entity: string): number {
  return decodeHTMLStrict(entity).charCodeAt(0);
}

/**
 * The code unit a reader sees just before `at` in HTML source, looking no further back than
 * `lower`: real tags are skipped, an entity counts as its character. -1 at `lower` or past a `<br>`
 * (a line break: nothing joins across it).
 */
export function shownBefore(s: string, at: number, lower: number, html: boolean): number {
  let p = at;
  while (p > lower) {
    const c = s.charCodeAt(p - 1);
    if (!html) return c;
    if (c === 0x3e /* > */) {
      const lt = s.lastIndexOf('<', p - 1);
      if (lt >= lower && realTagEnd(s, lt) === p) {
        if (/^<br\b/i.test(s.slice(lt, lt + 4))) return -1;
        p = lt;
        continue;
      }
    } else if (c === 0x3b /* ; */) {
      const amp = s.lastIndexOf('&', p - 1);
      if (amp >= lower && p - amp <= 34 && entityEnd(s, amp) === p) return entityCode(s.slice(amp, p));
    }
    return c;
  }
  return -1;
}

/** The code unit a reader sees at `at` (see {@link shownBefore}), looking no further than `upper`. */
export function shownAt(s: string, at: number, upper: number, html: boolean): number {
  let p = at;
  while (p < upper) {
    const c = s.charCodeAt(p);
    if (!html) return c;
    if (c === 0x3c /* < */) {
      const end = realTagEnd(s, p);
      if (end > 0 && end <= upper) {
        if (/^<br\b/i.test(s.slice(p, p + 4))) return -1;
        p = end;
        continue;
      }
    } else if (c === 0x26 /* & */) {
      const end = entityEnd(s, p);
      if (end > 0 && end <= upper) return entityCode(s.slice(p, end));
    }
    return c;
  }
  return -1;
}

/** What a markup line break between `before` and `after` becomes in the clean text (FORMAT.md). */
export function joinFor(before: number, after: number): string {
  if (before < 0 || after < 0) return '';
  return isWide(before) || isWide(after) ? '' : ' ';
}

function lineEndAt(s: string, at: number): number {
  if (s.startsWith('\r\n', at)) return 2;
  const c = s.charCodeAt(at);
  return c === 0x0a || c === 0x0d ? 1 : 0;
}

function lineEndBefore(s: string, at: number): number {
  if (at >= 2 && s.startsWith('\r\n', at - 2)) return 2;
  const c = s.charCodeAt(at - 1);
  return c === 0x0a || c === 0x0d ? 1 : 0;
}

/**
 * The range that removes block `index` of the article as if it had never been there: the block,
 * the spacer that follows it (with the white space between), and a line end where the block had
 * lines of its own (so that no empty line is left).
 */
export function removalRange(article: Article, index: number): { start: number; end: number } {
  const { source, blocks } = article;
  const block = blocks[index]!;
  let end = block.end;
  const next = blocks[index + 1];
  if (next && next.kind === 'spacer' && /^[ \t\r\n]*$/.test(source.slice(end, next.start))) end = next.end;
  const start = block.start;
  let lineStart = start;
  while (lineStart > 0 && (source.charCodeAt(lineStart - 1) === 0x20 || source.charCodeAt(lineStart - 1) === 0x09)) lineStart--;
  if (lineStart > 0 && lineEndBefore(source, lineStart) === 0) return { start, end };
  // Only white space left on the line after the removal: take its line end too.
  let after = end;
  while (after < source.length && (source.charCodeAt(after) === 0x20 || source.charCodeAt(after) === 0x09)) after++;
  const eol = lineEndAt(source, after);
  if (eol > 0) return { start, end: after + eol };
  if (after === source.length) {
    // The last line: its line end before goes instead (unless that ends the title line).
    let before = start;
    while (before > 0 && (source.charCodeAt(before - 1) === 0x20 || source.charCodeAt(before - 1) === 0x09)) before--;
    const back = lineEndBefore(source, before);
    if (back > 0 && before - back > article.titleLine.end) return { start: before - back, end: after };
  }
  return { start, end };
}

/** Is the block a paragraph with text? */
export function hasText(block: Block): boolean {
  return block.kind === 'paragraph' && block.text !== '';
}

/** Han ideographs and kana: the letters of CJK text. */
export function isCjkLetter(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xd840 && c <= 0xd87f) // high surrogates of the supplementary ideographs
  );
}

/**
 * The next occurrence of any of a few characters at or after a position, for positions that
 * mostly move forward (the rules visit paragraphs in order). Each character is found with
 * `indexOf` (many times faster than a regular expression over a long text) and its next
 * occurrence remembered, so a long body is searched about once per character in all, not once
 * per paragraph.
 */
export class NextChar {
  private readonly chars: string[];
  /** Per character: its next occurrence at or after `from[k]`, or -1 for none. */
  private readonly at: number[];
  private readonly from: number[];

  constructor(
    private readonly s: string,
    chars: string,
  ) {
    this.chars = [...chars];
    this.at = this.chars.map(() => -1);
    this.from = this.chars.map(() => Number.MAX_SAFE_INTEGER);
  }

  /** The first occurrence of any of the characters in `[from, to)`, or -1. */
  within(from: number, to: number): number {
    let best = -1;
    for (let k = 0; k < this.chars.length; k++) {
      let at = this.at[k]!;
      if (from < this.from[k]! || (at >= 0 && at < from)) {
        at = this.s.indexOf(this.chars[k]!, from);
        this.at[k] = at;
        this.from[k] = from;
      }
      if (at >= 0 && at < to && (best < 0 || at < best)) best = at;
    }
    return best;
  }
}

/** Is offset `at` inside a real tag or an entity that starts in `[lower, at)`? */
export function insideMarkup(s: string, at: number, lower: number): boolean {
  const lt = s.lastIndexOf('<', at - 1);
  if (lt >= lower && s.indexOf('>', lt) >= at) {
    const end = realTagEnd(s, lt);
    if (end > at) return true;
  }
  const amp = s.lastIndexOf('&', at - 1);
  if (amp >= lower && at - amp <= 33) {
    const end = entityEnd(s, amp);
    if (end > at) return true;
  }
  return false;
}

/** The edit narrowed to what really changes (common prefix and suffix left out). */
export function minimalEdit(s: string, start: number, end: number, text: string): { start: number; end: number; text: string } {
  let prefix = 0;
  while (prefix < text.length && start + prefix < end && s.charCodeAt(start + prefix) === text.charCodeAt(prefix)) prefix++;
  start += prefix;
  text = text.slice(prefix);
  let suffix = 0;
  while (suffix < text.length && end - suffix > start && s.charCodeAt(end - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, end: end - suffix, text: text.slice(0, text.length - suffix) };
}
