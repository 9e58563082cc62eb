/**
 * Properties of the lint's fixes over generated articles of every variant (test/support/generate.ts),
 * with the problems the rules look for put in on purpose: every fix changes nothing outside its
 * problem's range, and fixing all problems of a rule leaves none of that rule; the fixes that only
 * change markup keep every paragraph's text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyLintEdits, fixEdits, lintArticle, RULES, type RuleCode } from '../../src/core/lint';
import type { Article } from '../../src/core/model';
import { parseArticle } from '../../src/core/parse';
import { generateArticle, VARIANTS } from '../support/generate';

const RUNS = Number(process.env.LINT_PROPERTY_RUNS ?? 300);

/** What can be done to a generated article so that a rule has something to find. */
const QUIRKS = ['halfwidth', 'em-indent', 'nbsp-indent', 'space-indent', 'raw-amp', 'tag-like', 'duplicate', 'furniture', 'style', 'empty', 'break'] as const;
type Quirk = (typeof QUIRKS)[number];

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edit that puts `quirk` into paragraph `pick` (modulo their number) of the article, if it fits. */
function quirkEdit(article: Article, quirk: Quirk, pick: number): Edit | undefined {
  const { source } = article;
  const html = article.layout === 'html';
  const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph' && b.text !== '');
  if (paragraphs.length === 0) return undefined;
  const block = paragraphs[pick % paragraphs.length]!;
  const raw = source.slice(block.textStart, block.textEnd);
  const scraper = html && source.startsWith('<div><span', block.start);
  const indentAt = raw.startsWith('\u3000\u3000') ? block.textStart : -1;
  switch (quirk) {
    case 'halfwidth': {
      const at = raw.indexOf('，');
      return at < 0 ? undefined : { start: block.textStart + at, end: block.textStart + at + 1, text: ',' };
    }
    case 'em-indent':
      return indentAt < 0 ? undefined : { start: indentAt, end: indentAt + 2, text: '\u2003\u2003' };
    case 'nbsp-indent':
      return indentAt < 0 || !html ? undefined : { start: indentAt, end: indentAt + 2, text: '&nbsp;&nbsp;&nbsp;&nbsp;' };
    case 'space-indent':
      return indentAt < 0 || !html ? undefined : { start: indentAt, end: indentAt + 2, text: '    ' };
    case 'raw-amp':
      return scraper ? { start: block.textEnd, end: block.textEnd, text: '由A&B公司承办。' } : undefined;
    case 'tag-like':
      return scraper ? { start: block.textEnd, end: block.textEnd, text: '详见<注>，当a<b时x>2。' } : undefined;
    case 'duplicate': {
      const last = article.blocks[article.blocks.length - 1]!;
      const copy = source.slice(block.start, article.blocks[article.blocks.indexOf(block) + 1]?.kind === 'spacer' ? article.blocks[article.blocks.indexOf(block) + 1]!.end : block.end);
      return { start: last.end, end: last.end, text: (html ? '' : article.eol) + copy };
    }
    case 'furniture': {
      if (!scraper) return html ? undefined : { start: source.length, end: source.length, text: `${article.eol}  责任编辑：张三` };
      const open = source.slice(block.start, block.textStart);
      const close = source.slice(block.textEnd, block.end);
      const last = article.blocks[article.blocks.length - 1]!;
      return { start: last.end, end: last.end, text: `${open}【打印本页】 【关闭窗口】${close}` };
    }
    case 'style':
      return scraper ? { start: block.textStart - 2, end: block.textStart - 2, text: ';color:#333' } : undefined;
    case 'empty': {
      if (!scraper) return undefined;
      const open = source.slice(block.start, block.textStart);
      const close = source.slice(block.textEnd, block.end);
      return { start: block.start, end: block.start, text: `${open}${close}<div>&nbsp;</div>` };
    }
    case 'break': {
      const m = /[\u4e00-\u9fff](?=[\u4e00-\u9fff])/.exec(raw.slice(2));
      return m ? { start: block.textStart + 2 + m.index + 1, end: block.textStart + 2 + m.index + 1, text: article.eol } : undefined;
    }
  }
}

/** The generated article with the quirks put in (edits from the end, so offsets hold). */
function withQuirks(text: string, quirks: readonly [Quirk, number][]): string {
  const article = parseArticle(text);
  const edits = quirks.map(([quirk, pick]) => quirkEdit(article, quirk, pick)).filter((e): e is Edit => e !== undefined);
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const edit of edits) {
    if (edit.end > limit) continue; // overlapping another quirk: skip it
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

const quirked = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    variant: fc.constantFrom(...VARIANTS),
    quirks: fc.array(fc.tuple(fc.constantFrom(...QUIRKS), fc.nat(50)), { maxLength: 6 }),
  })
  .map(({ seed, variant, quirks }) => withQuirks(generateArticle(seed, { variant, paragraphs: 3 + (seed % 6), sentences: [1, 4] }).text, quirks));

/** The paragraphs' clean texts as FORMAT.md has them: white space at either end is not text. */
const texts = (source: string): string[] => parseArticle(source).blocks.filter((b) => b.kind === 'paragraph' && b.text !== '').map((b) => b.text.trim());
/** Rules whose fixes change markup only, never a paragraph's text. */
const KEEP_TEXT: readonly RuleCode[] = ['unescaped-text', 'broken-paragraph', 'style-drift', 'empty-paragraph'];

describe('properties of the lint fixes', function () {
  this.timeout(300000);

  it(`a fix changes nothing outside its problem's range (${RUNS} generated articles with quirks)`, () => {
    fc.assert(
      fc.property(quirked, (source) => {
        for (const problem of lintArticle(parseArticle(source))) {
          assert.ok(problem.start <= problem.end && problem.end <= source.length);
          if (!problem.fix) continue;
          let at = problem.start;
          for (const edit of problem.fix) {
            assert.ok(edit.start >= at && edit.end >= edit.start && edit.end <= problem.end, `${problem.code}: edits sorted and inside [${problem.start}, ${problem.end})`);
            at = edit.end;
          }
          const after = applyLintEdits(source, problem.fix);
          const tail = source.length - problem.end;
          assert.equal(after.slice(0, problem.start), source.slice(0, problem.start), `${problem.code}: before its range`);
          assert.equal(after.slice(after.length - tail), source.slice(problem.end), `${problem.code}: after its range`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`fixing all problems of a rule leaves none of that rule; markup fixes keep the text (${RUNS} articles)`, () => {
    let fixedSome = 0;
    fc.assert(
      fc.property(quirked, (source) => {
        const problems = lintArticle(parseArticle(source));
        for (const rule of RULES) {
          if (!rule.fixable || !problems.some((p) => p.code === rule.code)) continue;
          fixedSome++;
          const after = applyLintEdits(source, fixEdits(problems, rule.code));
          const left = lintArticle(parseArticle(after)).filter((p) => p.code === rule.code);
          // Only the problems that had no fix may be left (a drifted paragraph whose text starts with markup).
          const unfixable = problems.filter((p) => p.code === rule.code && !p.fix).map((p) => source.slice(p.start, p.end));
          assert.deepEqual(left.map((p) => after.slice(p.start, p.end)), unfixable, `${rule.code} after fixing all of it in ${JSON.stringify(source)}`);
          if (KEEP_TEXT.includes(rule.code)) assert.deepEqual(texts(after), texts(source), `${rule.code} keeps the text`);
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(fixedSome > RUNS, `the quirks gave the rules work (${fixedSome} rule fixes)`);
  });

  it('generated articles without quirks have no warning or error except their variant’s own', () => {
    const own: Record<string, RuleCode[]> = { D: ['broken-paragraph'], F: ['unescaped-text'], G: ['broken-paragraph'], H: ['empty-paragraph'], I: ['style-drift', 'unescaped-text'], J: ['broken-paragraph'], K: ['other-indent'], L: ['unescaped-text', 'unclosed-markup'], M: ['broken-paragraph', 'halfwidth-punctuation', 'other-indent'] };
    for (const variant of VARIANTS) {
      for (let seed = 0; seed < 20; seed++) {
        const { text } = generateArticle(seed, { variant });
        const unexpected = lintArticle(parseArticle(text)).filter((p) => p.severity !== 'info' && !(own[variant] ?? []).includes(p.code));
        assert.deepEqual(unexpected.map((p) => `${p.code} ${JSON.stringify(text.slice(p.start, p.end))}`), [], `variant ${variant}, seed ${seed}`);
      }
    }
  });
});
