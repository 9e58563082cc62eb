/**
 * `halfwidth-punctuation`: `,` `;` `:` `?` `!` `(` `)` in Chinese text, as Chinese typography
 * (GB/T 15834) and linters such as zhlint have it: a mark between CJK characters, and a pair of
 * brackets around or after CJK text, is written full-width. Fix: the full-width form.
 *
 * Neighbours count as CJK when they are Han or kana, or CJK punctuation other than the marks
 * this rule writes, so that a fix never makes a neighbour's problem appear.
 */
import { insideMarkup, isCjkLetter, NextChar, shownAt, shownBefore } from './scan';
import type { Finding, LintEdit, Rule } from './types';

const FULLWIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** CJK punctuation that may stand next to a half-width mark (not the ones this rule writes). */
function isCjkPunctuation(c: number): boolean {
  return (
    c === 0x3001 || c === 0x3002 || // 、 。
    (c >= 0x3008 && c <= 0x3011) || // 〈〉《》「」『』【】
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || // “ ” ‘ ’
    c === 0x2026 || c === 0x2014 || c === 0x00b7 // … — ·
  );
}

function isCjk(c: number): boolean {
  return c >= 0 && (isCjkLetter(c) || isCjkPunctuation(c));
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]/;

export const halfwidthPunctuation: Rule = {
  code: 'halfwidth-punctuation',
  severity: 'warning',
  fixable: true,
  check({ article, source, paragraphs }) {
    const html = article.layout === 'html';
    const out: Finding[] = [];
    const marks = new NextChar(source, ',;:?!()');
    const single = (at: number, from: number, to: number): void => {
      const before = shownBefore(source, at, from, html);
      const after = shownAt(source, at + 1, to, html);
      const mark = source[at]!;
      const endOk = (mark === '?' || mark === '!') && after < 0;
      if (isCjk(before) && (isCjk(after) || endOk)) {
        out.push({ message: 'halfwidth-punctuation', args: [mark, FULLWIDTH[mark]!], start: at, end: at + 1, fix: [{ start: at, end: at + 1, text: FULLWIDTH[mark]! }] });
      }
    };
    for (const block of paragraphs) {
      const { textStart: from, textEnd: to } = block;
      const found: number[] = [];
      for (let i = marks.within(from, to); i >= 0; i = marks.within(i + 1, to)) {
        if (html && !block.verbatim && insideMarkup(source, i, from)) continue;
        found.push(i);
      }
      if (found.length === 0) continue;
      // Brackets pair up as brackets nest; a pair is judged as a whole.
      const stack: number[] = [];
      const pairs = new Map<number, number>();
      for (const at of found) {
        const c = source[at];
        if (c === '(') stack.push(at);
        else if (c === ')' && stack.length > 0) pairs.set(stack.pop()!, at);
      }
      const paired = new Set<number>();
      for (const [open, close] of pairs) {
        paired.add(open).add(close);
        const before = shownBefore(source, open, from, html);
        if (!(isCjkLetter(before) && before >= 0) && !HAN.test(source.slice(open + 1, close))) continue;
        const fix: LintEdit[] = [
          { start: open, end: open + 1, text: '（' },
          { start: close, end: close + 1, text: '）' },
        ];
        out.push({ message: 'halfwidth-punctuation', args: ['()', '（）'], start: open, end: close + 1, fix });
      }
      for (const at of found) if (!paired.has(at)) single(at, from, to);
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
