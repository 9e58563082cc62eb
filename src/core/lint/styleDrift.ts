/**
 * `style-drift`: paragraphs of one file whose markup differs from the file's usual paragraph
 * (another element, another `style`, a missing span): pages glued together, or hand edits. The
 * file's own usual markup is the reference, not a setting: a file that is consistent but not
 * canonical is `normalize --check`'s business. Fix: give the paragraph the usual markup around
 * its text, which stays as it is (no fix where the text itself would then read as that markup).
 * Section headings in `<h1>`–`<h6>` are headings, not drift.
 */
import { parseArticle } from '../parse';
import { minimalEdit } from './scan';
import type { Finding, LintEdit, Rule } from './types';

const HEADING_ELEMENT = /^<h[1-6][\s>/]/i;
/** Markup shown in the message is cut to this length. */
const SHOWN = 80;

/** The key of a paragraph's markup: the one space the parser takes after an opening tag is the same markup with or without it. */
function shapeKey(open: string, close: string): string {
  return (open.endsWith('> ') ? open.slice(0, -1) : open) + '\u0000' + close;
}

/**
 * Does the text, put between the usual markup, read back as one paragraph with that markup and the
 * same text? (Not when the text itself starts with what the parser would take for the markup.)
 */
function readsBack(raw: string, text: string, open: string, close: string, key: string): boolean {
  const article = parseArticle(`-\n${open}${raw}${close}`);
  const blocks = article.blocks.filter((b) => b.kind === 'paragraph');
  if (blocks.length !== 1) return false;
  const block = blocks[0]!;
  const source = article.source;
  return shapeKey(source.slice(block.start, block.textStart), source.slice(block.textEnd, block.end)) === key && block.text.trim() === text.trim();
}

function shown(markup: string): string {
  return markup.length > SHOWN ? markup.slice(0, SHOWN - 1) + '…' : markup;
}

export const styleDrift: Rule = {
  code: 'style-drift',
  severity: 'warning',
  fixable: true,
  check({ article, source, paragraphs }) {
    if (article.layout !== 'html' || paragraphs.length < 2) return [];
    // Fast path: in most files every paragraph has the first one's markup, which is checked
    // without making a string per paragraph.
    const first = paragraphs[0]!;
    const firstOpen = source.slice(first.start, first.textStart);
    const firstClose = source.slice(first.textEnd, first.end);
    const same = (block: (typeof paragraphs)[number]): boolean =>
      block.textStart - block.start === firstOpen.length &&
      block.end - block.textEnd === firstClose.length &&
      source.startsWith(firstOpen, block.start) &&
      source.startsWith(firstClose, block.textEnd);
    if (paragraphs.every(same)) return [];
    const shapes: { block: (typeof paragraphs)[number]; open: string; close: string; key: string }[] = [];
    const counts = new Map<string, number>();
    for (const block of paragraphs) {
      const open = source.slice(block.start, block.textStart);
      if (HEADING_ELEMENT.test(open)) continue;
      const close = source.slice(block.textEnd, block.end);
      const key = shapeKey(open, close);
      shapes.push({ block, open, close, key });
      // Only an element can be the reference: text outside any element is never the usual form.
      if (open.startsWith('<')) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let usual: string | undefined;
    let most = 0;
    for (const [key, count] of counts) {
      if (count > most) {
        usual = key;
        most = count;
      }
    }
    if (usual === undefined) return [];
    const reference = shapes.find((shape) => shape.key === usual)!;
    const usualOpen = reference.open;
    const usualClose = reference.close;
    const out: Finding[] = [];
    for (const shape of shapes) {
      if (shape.key === usual) continue;
      const { block } = shape;
      const fix: LintEdit[] = [];
      if (!readsBack(source.slice(block.textStart, block.textEnd), block.text, usualOpen, usualClose, usual)) {
        out.push({ message: 'style-drift', args: [shown(shape.open || '∅'), shown(usualOpen)], start: block.start, end: block.end });
        continue;
      }
      const close = minimalEdit(source, block.textEnd, block.end, usualClose);
      const open = minimalEdit(source, block.start, block.textStart, usualOpen);
      if (open.start !== open.end || open.text !== '') fix.push(open);
      if (close.start !== close.end || close.text !== '') fix.push(close);
      out.push({ message: 'style-drift', args: [shown(shape.open || '∅'), shown(usualOpen)], start: block.start, end: block.end, fix });
    }
    return out;
  },
};
