/**
 * `style-drift`: paragraphs of one file whose markup differs from the file's usual paragraph
 * (another element, another `style`, a missing span): pages glued together, or hand edits. The
 * file's own usual markup is the reference, not a setting: a file that is consistent but not
 * canonical is `normalize --check`'s business. Fix: give the paragraph the usual markup around
 * its text, which stays as it is. Section headings in `<h1>`–`<h6>` are headings, not drift.
 */
import { minimalEdit } from './scan';
import type { Finding, LintEdit, Rule } from './types';

const HEADING_ELEMENT = /^<h[1-6][\s>/]/i;
/** Markup shown in the message is cut to this length. */
const SHOWN = 80;

function shown(markup: string): string {
  return markup.length > SHOWN ? markup.slice(0, SHOWN - 1) + '…' : markup;
}

export const styleDrift: Rule = {
  code: 'style-drift',
  severity: 'warning',
  fixable: true,
  check({ article, source, paragraphs }) {
    if (article.layout !== 'html' || paragraphs.length < 2) return [];
    const shapes: { block: (typeof paragraphs)[number]; open: string; close: string; key: string }[] = [];
    const counts = new Map<string, number>();
    for (const block of paragraphs) {
      const open = source.slice(block.start, block.textStart);
      if (HEADING_ELEMENT.test(open)) continue;
      const close = source.slice(block.textEnd, block.end);
      const key = open + '\u0000' + close;
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
    const [usualOpen, usualClose] = usual.split('\u0000') as [string, string];
    const out: Finding[] = [];
    for (const shape of shapes) {
      if (shape.key === usual) continue;
      const { block } = shape;
      const fix: LintEdit[] = [];
      const close = minimalEdit(source, block.textEnd, block.end, usualClose);
      const open = minimalEdit(source, block.start, block.textStart, usualOpen);
      if (open.start !== open.end || open.text !== '') fix.push(open);
      if (close.start !== close.end || close.text !== '') fix.push(close);
      out.push({ message: 'style-drift', args: [shown(shape.open || '∅'), shown(usualOpen)], start: block.start, end: block.end, fix });
    }
    return out;
  },
};
