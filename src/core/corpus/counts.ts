/**
 * What the status bar counts: paragraphs, CJK characters, all characters (of the clean text,
 * without the paragraphs' indent) and the reading time, for a whole article or a selection.
 */
import type { Article, Block } from '../model';
import { cleanHtmlText, cleanPlainText, codePoints, indentLength } from '../text';

export interface Counts {
  /** Paragraphs with text (empty paragraphs and image placeholders are not counted). */
  readonly paragraphs: number;
  /** CJK ideographs (the unit of Chinese reading speed). */
  readonly cjk: number;
  /** Characters (code points) of the clean text, white space inside the text included, indent not. */
  readonly chars: number;
}

export const DEFAULT_READING_SPEED = 400;

/** Is this code point a CJK ideograph (unified, extensions, compatibility)? */
export function isCjkIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x323af)
  );
}

/** CJK ideographs and all characters (code points, counted by the core's one counter) of a text. */
export function countChars(text: string): { cjk: number; chars: number } {
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isCjkIdeograph(code)) cjk++;
  }
  return { cjk, chars: codePoints(text) };
}

function paragraphText(block: Block): string {
  const indent = indentLength(block.text);
  return indent === 0 ? block.text : block.text.slice(indent);
}

function isCounted(block: Block): boolean {
  return block.kind === 'paragraph' && block.text.trim() !== '';
}

/** The counts of the whole article's body (the title is not counted, as in the outline). */
export function articleCounts(article: Article): Counts {
  let paragraphs = 0;
  let cjk = 0;
  let chars = 0;
  for (const block of article.blocks) {
    if (!isCounted(block)) continue;
    const counted = countChars(paragraphText(block));
    paragraphs++;
    cjk += counted.cjk;
    chars += counted.chars;
  }
  return { paragraphs, cjk, chars };
}

/**
 * The counts of the paragraphs' text inside `[start, end)` (source offsets): a paragraph counts
 * when the selection touches its text, and only the selected part of its clean text is counted.
 */
export function selectionCounts(article: Article, start: number, end: number): Counts {
  if (end < start) [start, end] = [end, start];
  let paragraphs = 0;
  let cjk = 0;
  let chars = 0;
  for (const block of article.blocks) {
    if (block.textEnd <= start) continue;
    if (block.textStart >= end) break;
    if (!isCounted(block)) continue;
    let text: string;
    if (start <= block.textStart && end >= block.textEnd) {
      text = paragraphText(block);
    } else {
      const from = Math.max(start, block.textStart);
      const to = Math.min(end, block.textEnd);
      const raw = article.source.slice(from, to);
      text = block.verbatim ? raw : article.layout === 'html' ? cleanHtmlText(raw) : cleanPlainText(raw);
      if (from === block.textStart) text = text.slice(indentLength(text));
    }
    const counted = countChars(text);
    if (counted.chars === 0) continue;
    paragraphs++;
    cjk += counted.cjk;
    chars += counted.chars;
  }
  return { paragraphs, cjk, chars };
}

/** Whole minutes to read `cjk` ideographs at `speed` a minute (at least 1 for any text). */
export function readingMinutes(cjk: number, speed = DEFAULT_READING_SPEED): number {
  const perMinute = Number.isFinite(speed) && speed > 0 ? speed : DEFAULT_READING_SPEED;
  return cjk === 0 ? 0 : Math.max(1, Math.ceil(cjk / perMinute));
}
