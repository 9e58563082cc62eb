import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Article } from '../../src/core/model';
import { applyEdits, CANONICAL_PLACEHOLDER, DEFAULT_NORMALIZE_OPTIONS, normalizeEdits, SEED_STYLE, type NormalizeOptions } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { generateArticle, mixSeed, VARIANTS } from '../support/generate';
import { readSeed, seedNames } from '../support/seeds';

const normalize = (source: string, options: NormalizeOptions = DEFAULT_NORMALIZE_OPTIONS): string => applyEdits(source, normalizeEdits(parseArticle(source), options));
const texts = (a: Article): string[] => a.blocks.filter((b) => b.kind === 'paragraph' && b.text !== '').map((b) => b.text);
const P = (text: string): string => `<div><span style='${SEED_STYLE}'> ${text}</span></div><div>&nbsp;</div>`;
const PH = CANONICAL_PLACEHOLDER.join('\n');

describe('normalize: the canonical form', () => {
  it('the real seed is already canonical: no edit at all', () => {
    assert.deepEqual(normalizeEdits(parseArticle(readSeed('000_5edd2806a98033fb.txt'))), []);
  });

  it('B: display:block styles and double quotes become the seed style', () => {
    const src = `标题\n<div><span style="font-size:16px;display:block"> 　　正文。</span></div><div>&nbsp;</div>`;
    assert.equal(normalize(src), `标题\n${P('　　正文。')}`);
  });

  it('C: the title gets its own line', () => {
    assert.equal(normalize(`3标题.txt${P('　　正文。')}`), `3标题.txt\n${P('　　正文。')}`);
  });

  it('D: plain text becomes markup, continuation lines joined, raw characters escaped', () => {
    assert.equal(normalize('标题\n  　　第一段\n接着。\n  A&B x<5\n\n  第三段。'), `标题\n${P('　　第一段接着。')}${P('A&amp;B x&lt;5')}${P('第三段。')}`);
  });

  it('E: placeholders keep the scrapers\' three lines, on lines of their own', () => {
    const src = `标题\n${P('前。')}\n----------------- \n--这里有图片-- \n----------------- \n${P('后。')}`;
    assert.equal(normalize(src), `标题\n${P('前。')}\n${PH}\n${P('后。')}`);
  });

  it('F: raw &, < and > are escaped; entities and real tags stay', () => {
    assert.equal(normalize(`标题\n${P('A&B公司，x<5，<注>，当a<b时，&amp;，<strong>粗</strong>')}`), `标题\n${P('A&amp;B公司，x&lt;5，&lt;注&gt;，当a&lt;b时，&amp;，<strong>粗</strong>')}`);
  });

  it('G: markup newlines joined as the clean text joins them', () => {
    assert.equal(normalize(`标题\n${P('会议\n指出，Digital\nSilk <b>Road</b>\n论坛')}`), `标题\n${P('会议指出，Digital Silk <b>Road</b>论坛')}`);
  });

  it('H: empty paragraphs removed, or kept when asked', () => {
    const src = `标题\n${P('甲。')}<div><span style='x'> </span></div>${P('乙。')}`;
    assert.equal(normalize(src), `标题\n${P('甲。')}${P('乙。')}`);
    assert.equal(normalize(src, { ...DEFAULT_NORMALIZE_OPTIONS, removeEmptyParagraphs: false }), `标题\n${P('甲。')}${P('')}${P('乙。')}`);
  });

  it('I: <p>, <h2>, upper case and wrappers become canonical paragraphs; inline markup stays as it is', () => {
    const src = '标题\n<DIV>\n<P>第一段<BR>第二行</P>\n<h2>二、小标题</h2>\n<p class="x">看<a href="http://x/?a=1&b=2">链接</a></p>\n</DIV>';
    assert.equal(normalize(src), `标题\n${P('第一段<BR>第二行')}${P('二、小标题')}${P('看<a href="http://x/?a=1&b=2">链接</a>')}`);
  });

  it('indent: fullwidth and none', () => {
    const src = `标题\n${P('　　甲。')}${P('乙。')}`;
    assert.equal(normalize(src, { ...DEFAULT_NORMALIZE_OPTIONS, indent: 'fullwidth' }), `标题\n${P('　　甲。')}${P('　　乙。')}`);
    assert.equal(normalize(src, { ...DEFAULT_NORMALIZE_OPTIONS, indent: 'none' }), `标题\n${P('甲。')}${P('乙。')}`);
  });

  it('layout blockPerLine: one paragraph with its spacer per line; CRLF kept', () => {
    const src = `标题\r\n${P('甲。')}${P('乙。')}`;
    assert.equal(normalize(src, { ...DEFAULT_NORMALIZE_OPTIONS, layout: 'blockPerLine' }), `标题\r\n${P('甲。')}\r\n${P('乙。')}`);
  });

  it('a custom style is escaped into the attribute', () => {
    assert.equal(normalize(`标题\n${P('甲。')}`, { ...DEFAULT_NORMALIZE_OPTIONS, style: "font-family:'宋体'" }), `标题\n<div><span style='font-family:&#39;宋体&#39;'> 甲。</span></div><div>&nbsp;</div>`);
  });

  it('changes only the blocks that differ', () => {
    const src = `标题\n${P('甲。')}${P('乙&丙')}${P('丁。')}`;
    const edits = normalizeEdits(parseArticle(src));
    assert.equal(edits.length, 1);
    // One insertion right after the raw `&` of the second paragraph: `&` → `&amp;`.
    assert.deepEqual(edits[0], { start: src.indexOf('乙&') + 2, end: src.indexOf('乙&') + 2, text: 'amp;' });
  });
});

/** Invariants of FORMAT.md's normalisation for one input. */
function checkInvariants(source: string, options: NormalizeOptions = DEFAULT_NORMALIZE_OPTIONS): void {
  const before = parseArticle(source);
  const once = normalize(source, options);
  const after = parseArticle(once);
  assert.equal(normalize(once, options), once, 'idempotent');
  assert.deepEqual(normalizeEdits(after, options), [], 'a canonical file gets no edit');
  assert.equal(after.titleLine.raw, before.titleLine.raw, 'title line unchanged');
  assert.deepEqual(texts(after), texts(before), 'clean texts unchanged');
  assert.equal(after.blocks.filter((b) => b.kind === 'image').length, before.blocks.filter((b) => b.kind === 'image').length, 'images kept');
  assert.ok(after.blocks.every((b) => b.kind !== 'other'), 'nothing but paragraphs, spacers and images');
}

describe('normalize: invariants', function () {
  this.timeout(300000);

  for (const name of seedNames()) {
    it(`seed ${name}`, () => checkInvariants(readSeed(name)));
  }

  it('generated articles of every variant, with every setting', () => {
    const settings: NormalizeOptions[] = [
      DEFAULT_NORMALIZE_OPTIONS,
      { ...DEFAULT_NORMALIZE_OPTIONS, layout: 'blockPerLine', removeEmptyParagraphs: false },
    ];
    for (let i = 0; i < 500; i++) {
      const variant = VARIANTS[i % VARIANTS.length]!;
      const g = generateArticle(mixSeed(0x0fa11, i), { variant });
      for (const options of settings) checkInvariants(g.text, options);
    }
  });

  it('10,000 random article-like inputs', () => {
    const fragments = ["<div><span style='x'> ", '</span></div>', '<div>&nbsp;</div>', '<p>', '</p>', '<P CLASS="a">', '<br>', '<strong>', '</strong>', '&amp;', '&', '<', '>', '<注>', '当a<b时', '\n', '\r\n', '  ', '　　', '---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- \n', '<h2>', '</h2>', '<div>', '</div>', '<!-- c -->', 'abc', 'Digital', ' '];
    const cjk = fc.string({ unit: fc.constantFrom(...'中文测试会议，。“”'.split('')), maxLength: 12 });
    const body = fc.array(fc.oneof(fc.constantFrom(...fragments), cjk, fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom('1标题.txt\n', '标题\n', '标题', '3标题.txt'), body, (title, rest) => checkInvariants(title + rest)),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 10000) },
    );
  });
});
