import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { toExportedArticle } from '../../src/core/export';
import type { Article } from '../../src/core/model';
import { applyEdits, CANONICAL_PLACEHOLDER, DEFAULT_NORMALIZE_OPTIONS, normalizeChecked, normalizeEdits, SEED_STYLE, SPACER, type NormalizeOptions } from '../../src/core/normalize';
import { buildOutline, type OutlineNode } from '../../src/core/outline';
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

  it('I: <p>, upper case and wrappers become canonical paragraphs, an <h2> stays an <h2>; inline markup stays as it is', () => {
    const src = '标题\n<DIV>\n<P>第一段<BR>第二行</P>\n<h2>二、小标题</h2>\n<p class="x">看<a href="http://x/?a=1&b=2">链接</a></p>\n</DIV>';
    assert.equal(normalize(src), `标题\n${P('第一段<BR>第二行')}<h2>二、小标题</h2>${SPACER}${P('看<a href="http://x/?a=1&b=2">链接</a>')}`);
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

const exported = (source: string): unknown => toExportedArticle(parseArticle(source), 'a.txt').blocks;
/** The outline as kinds, levels and names, nested. */
const outlineOf = (source: string): unknown => {
  const strip = (node: OutlineNode): unknown => ({ kind: node.kind, level: node.level, name: node.name, chars: node.chars, children: node.children.map(strip) });
  return buildOutline(parseArticle(source)).map(strip);
};

describe('normalize: headings stay headings', () => {
  it('the issue\'s notice: an <h2> without a section number stays a level-2 heading in the outline and the JSON', () => {
    const src = '9通知.txt\n<h2>总体要求</h2>\n<p>各地各部门要高度重视。</p>\n';
    const once = normalize(src);
    assert.equal(once, `9通知.txt\n<h2>总体要求</h2>${SPACER}${P('各地各部门要高度重视。')}\n`);
    assert.deepEqual(exported(once), [{ type: 'heading', level: 2, text: '总体要求' }, { type: 'paragraph', text: '各地各部门要高度重视。' }]);
    assert.deepEqual(exported(once), exported(src));
    assert.deepEqual(outlineOf(once), outlineOf(src));
    assert.equal(normalize(once), once, 'canonical: no further edit');
  });

  it('<h1>–<h6>, upper case, with attributes or a span inside: the element and its level are kept, the rest is canonical', () => {
    const src = `1标题.txt\n<H1 class="t">总则</H1><h3><span style='x'> 工作目标</span></h3>\n<h6 align="center">\n  附件\n</h6>${P('正文。')}`;
    assert.equal(normalize(src), `1标题.txt\n<h1>总则</h1>${SPACER}<h3>工作目标</h3>${SPACER}<h6>附件</h6>${SPACER}${P('正文。')}`);
    assert.deepEqual(exported(normalize(src)), exported(src));
  });

  it('numbered and wholly bold headings keep their level in the canonical paragraph form', () => {
    const src = `1标题.txt\n<p>（一）工作目标</p><p><strong>坚持人民至上</strong></p><p>正文。</p>`;
    assert.equal(normalize(src), `1标题.txt\n${P('（一）工作目标')}${P('<strong>坚持人民至上</strong>')}${P('正文。')}`);
    assert.deepEqual(exported(normalize(src)), exported(src));
  });

  it('the safety check compares block kinds and heading levels, not only texts', () => {
    const src = '9通知.txt\n<h2>总体要求</h2>\n<p>各地各部门要高度重视。</p>\n';
    const article = parseArticle(src);
    assert.equal(normalizeChecked(article, DEFAULT_NORMALIZE_OPTIONS, parseArticle).safe, true);
    // A result that kept every text but lost the heading (as normalizing used to) is refused.
    const flatten = (text: string): Article => {
      const parsed = parseArticle(text);
      return { ...parsed, blocks: parsed.blocks.map((b) => ({ ...b, heading: undefined })) };
    };
    assert.equal(normalizeChecked(article, DEFAULT_NORMALIZE_OPTIONS, flatten).safe, false);
    const relevel = (text: string): Article => {
      const parsed = parseArticle(text);
      return { ...parsed, blocks: parsed.blocks.map((b) => (b.heading ? { ...b, heading: { level: 3 } } : b)) };
    };
    assert.equal(normalizeChecked(article, DEFAULT_NORMALIZE_OPTIONS, relevel).safe, false);
    const dropImage = (text: string): Article => {
      const parsed = parseArticle(text);
      return { ...parsed, blocks: parsed.blocks.filter((b) => b.kind !== 'image') };
    };
    const withImage = parseArticle(`1标题.txt\n<p>甲&乙。</p>\n${PH}\n${P('丙。')}`);
    assert.equal(normalizeChecked(withImage, DEFAULT_NORMALIZE_OPTIONS, parseArticle).safe, true);
    assert.equal(normalizeChecked(withImage, DEFAULT_NORMALIZE_OPTIONS, dropImage).safe, false);
  });

  it('generated articles with <hN>, bold and numbered headings: the outline and the JSON export of the normalized article are the original\'s', () => {
    let headings = 0;
    for (let i = 0; i < 400; i++) {
      const g = generateArticle(mixSeed(0x4ead, i), { variant: 'I', paragraphs: 12 });
      const once = normalize(g.text);
      assert.deepEqual(exported(once), exported(g.text), `article ${i}`);
      assert.deepEqual(exported(once), g.expectedBlocks, `article ${i}: the generator's truth`);
      assert.deepEqual(outlineOf(once), outlineOf(g.text), `article ${i}: outline`);
      headings += g.expectedBlocks.filter((b) => b.type === 'heading').length;
    }
    assert.ok(headings > 400);
  });
});

describe('normalize: fine edits leave unchanged text alone', () => {
  it('block style: only the style changes, every paragraph text lies outside the edits', () => {
    const src = `标题\n<div><span style='${SEED_STYLE};display:block'> 　　甲。</span></div><div>&nbsp;</div><div><span style='${SEED_STYLE};display:block'> 　　乙。</span></div><div>&nbsp;</div>`;
    const result = normalizeChecked(parseArticle(src), DEFAULT_NORMALIZE_OPTIONS, parseArticle);
    assert.equal(result.edits.length, 1, 'merged for an editor');
    assert.deepEqual(result.fineEdits.map((e) => src.slice(e.start, e.end) + '→' + e.text), [';display:block→', ';display:block→']);
    assert.equal(applyEdits(src, result.fineEdits), result.text);
  });

  it('plain text: the text stays outside, the markup around it is inserted', () => {
    const src = '标题\n  　　第一段。\n  第二段。';
    const result = normalizeChecked(parseArticle(src), DEFAULT_NORMALIZE_OPTIONS, parseArticle);
    for (const text of ['　　第一段。', '第二段。']) {
      const at = src.indexOf(text);
      assert.ok(result.fineEdits.every((e) => e.end <= at || e.start >= at + text.length), text);
    }
    assert.equal(applyEdits(src, result.fineEdits), result.text);
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
  assert.deepEqual(toExportedArticle(after, 'a').blocks, toExportedArticle(before, 'a').blocks, 'block kinds, heading levels and texts unchanged');
  const checked = normalizeChecked(before, options, parseArticle);
  assert.ok(checked.safe, 'the safety check agrees');
  assert.equal(applyEdits(source, checked.fineEdits), once, 'fine edits make the same text');
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
