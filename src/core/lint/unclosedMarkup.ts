/**
 * `unclosed-markup`: an element that never closes, or a close without an open: at the top of the
 * body (`<div>` blocks: a paragraph then runs into the next one) and inside a paragraph's text (an
 * inline element that does not close in its paragraph is read as text, FORMAT.md variant L). No
 * fix: whether a close is missing or the tag is text is for a person to say.
 */
import type { Block } from '../model';
import { realTagEnd } from '../text';
import { NextChar } from './scan';
import type { Finding, Rule } from './types';

const BLOCK_NAMES = new Set([
  'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'ol', 'li',
  'blockquote', 'section', 'article', 'header', 'footer', 'center', 'pre', 'dl', 'dt', 'dd', 'figure', 'figcaption',
]);
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'meta', 'link', 'col', 'area', 'base', 'embed', 'param', 'source', 'track']);
const TAG_NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9:]*)/;

interface Open {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

function unclosed(open: Open): Finding {
  return { message: 'unclosed-element', args: [`<${open.name}>`], start: open.start, end: open.end };
}

/** Inline elements in `[from, to)`: each open must close there, each close must have opened there. */
function checkInline(source: string, from: number, to: number, lt: NextChar, out: Finding[]): void {
  const stack: Open[] = [];
  for (let i = lt.within(from, to); i >= 0; i = lt.within(i, to)) {
    const end = realTagEnd(source, i);
    if (end < 0 || end > to) {
      i++;
      continue;
    }
    const m = TAG_NAME.exec(source.slice(i, Math.min(end, i + 40)));
    const selfClosing = source.charCodeAt(end - 2) === 0x2f;
    if (m) {
      const name = m[2]!.toLowerCase();
      if (m[1] === '/') {
        let k = stack.length - 1;
        while (k >= 0 && stack[k]!.name !== name) k--;
        if (k >= 0) stack.splice(k, 1);
        else if (!VOID.has(name)) out.push({ message: 'unopened-close', args: [`</${name}>`], start: i, end });
      } else if (!VOID.has(name) && !selfClosing) {
        stack.push({ name, start: i, end });
      }
    }
    i = end;
  }
  for (const open of stack) out.push(unclosed(open));
}

/** The tag name at `at` (`<div`, `</P`), lower case, without making a string of the source around it. */
function tagAt(source: string, at: number): { closing: boolean; name: string } | undefined {
  if (source.charCodeAt(at) !== 0x3c) return undefined;
  const closing = source.charCodeAt(at + 1) === 0x2f;
  const from = at + (closing ? 2 : 1);
  let end = from;
  for (let c = source.charCodeAt(end); (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39 && end > from) || (c === 0x3a && end > from); c = source.charCodeAt(++end));
  if (end === from || end - from > 12) return undefined;
  return { closing, name: source.slice(from, end).toLowerCase() };
}

const SPACER = '<div>&nbsp;</div>';
const SCRAPER_CLOSE = '</span></div>';

function endsWithClose(source: string, block: Block, name: string): boolean {
  const close = `</${name}>`;
  return block.end - block.start >= close.length && source.slice(block.end - close.length, block.end).toLowerCase() === close;
}

export const unclosedMarkup: Rule = {
  code: 'unclosed-markup',
  severity: 'warning',
  fixable: false,
  check({ article, source }) {
    if (article.layout !== 'html') return [];
    const out: Finding[] = [];
    const lt = new NextChar(source, '<');
    const wrappers: Open[] = [];
    for (const block of article.blocks) {
      if (block.kind === 'image') continue;
      if (block.kind === 'spacer' && block.end - block.start === SPACER.length && source.startsWith(SPACER, block.start)) continue;
      // The scrapers' paragraph, closed as it should be, with a text without markup: nothing to check.
      if (block.verbatim && block.end === block.textEnd + SCRAPER_CLOSE.length && source.startsWith(SCRAPER_CLOSE, block.textEnd) && source.startsWith('<div><span', block.start)) continue;
      const head = tagAt(source, block.start);
      const name = head?.name;
      const isBlockTag = name !== undefined && BLOCK_NAMES.has(name);
      if (block.kind === 'other' && isBlockTag) {
        if (head!.closing) {
          // The close of a wrapper; wrappers opened after it and still open never closed.
          let k = wrappers.length - 1;
          while (k >= 0 && wrappers[k]!.name !== name) k--;
          if (k < 0) out.push({ message: 'unopened-close', args: [`</${name}>`], start: block.start, end: block.end });
          else for (const open of wrappers.splice(k).slice(1)) out.push(unclosed(open));
        } else {
          wrappers.push({ name, start: block.start, end: block.end });
        }
        continue;
      }
      if (block.kind === 'other') {
        checkInline(source, block.start, block.end, lt, out);
        continue;
      }
      if (isBlockTag && !head!.closing && !endsWithClose(source, block, name)) {
        const tagEnd = source.indexOf('>', block.start);
        out.push(unclosed({ name, start: block.start, end: tagEnd > 0 && tagEnd < block.end ? tagEnd + 1 : block.end }));
      }
      if (block.kind !== 'paragraph') continue;
      // The scraper's span around the text: it must close where the text ends.
      const spanAt = source.startsWith('<div><span', block.start) ? 5 : source.slice(block.start, block.textStart).search(/<span[\s>]/i);
      if (spanAt >= 0 && !source.startsWith('</span>', block.textEnd) && !/^<\/span\s*>/i.test(source.slice(block.textEnd, block.end))) {
        const start = block.start + spanAt;
        out.push(unclosed({ name: 'span', start, end: source.indexOf('>', start) + 1 }));
      }
      checkInline(source, block.textStart, block.textEnd, lt, out);
    }
    for (const open of wrappers) out.push(unclosed(open));
    return out.sort((a, b) => a.start - b.start);
  },
};
