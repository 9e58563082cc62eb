/**
 * Properties over generated input: parsing never throws, the blocks tile the source, the source
 * rebuilds byte for byte, and generated articles of every variant parse to their known clean text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { toExportedArticle } from '../../src/core/export';
import { buildOutline, flattenOutline } from '../../src/core/outline';
import { parseArticle, rebuild, segments } from '../../src/core/parse';
import { generateArticle, mixSeed, VARIANTS } from '../support/generate';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10000);

const FRAGMENTS = [
  '<div>', '</div>', "<span style='font-size:16px;text-indent:30px'>", '</span>', '<div>&nbsp;</div>', '<p>', '</p>',
  '<P CLASS="x">', '<br>', '<br/>', '<strong>', '</STRONG>', '<b>', '</b>', '<a href="http://a/?x=1&y=2">', '</a>',
  '<h2>', '</h2>', '<DIV style="display:block">', '&amp;', '&nbsp;', '&#8220;', '&#x201D;', '&copy', '&', '<', '>',
  '<注>', '当a<b时', 'x<5', 'A&B公司', '<!--', '-->', "'", '"', '=', '\n', '\r\n', '\r', '\uFEFF', '  ', '　　', '\t',
  '---------------------------------------- ', '-------------------这里有图片------------ ', '12', '2020年', '.txt',
  '一、', '（一）', '1.', '（1）', '第一章', ' ',
];

const cjk = fc.string({ unit: fc.constantFrom(...'中文字符测试会议强调发展改革，。、；“”（）'.split('')), maxLength: 30 });
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: cjk },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('<', '>', '&', '/', 'd', 'i', 'v', 'p', ' ', '\n', "'", ';'), maxLength: 16 }) },
);
const articleLike = fc.oneof(
  { weight: 20, arbitrary: fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')) },
  // Now and then a huge line: a one-line body of many paragraphs, or a long run without markup.
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 200, max: 3000 }), cjk).map(([n, t]) => `1标题.txt\n${`<div><span style='x'> 　　${t}</span></div><div>&nbsp;</div>`.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 10000, max: 200000 }).map((n) => `标题\n  ${'字'.repeat(n)}`) },
);

describe('properties of parseArticle', function () {
  this.timeout(300000);

  it(`never throws; blocks tile the input; rebuilding gives it back (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(articleLike, (source) => {
        const article = parseArticle(source);
        assert.equal(rebuild(article), source);
        let at = 0;
        for (const segment of segments(article)) {
          assert.equal(segment.start, at, 'segments are contiguous');
          assert.ok(segment.end >= segment.start);
          if (segment.kind === 'gap') assert.match(source.slice(segment.start, segment.end), /^[ \t\r\n\f]+$/, 'gaps are white space');
          else if (segment.kind !== 'title') assert.ok(segment.end > segment.start, 'blocks are not empty');
          at = segment.end;
        }
        assert.equal(at, source.length, 'segments cover the input');
        for (const block of article.blocks) {
          assert.ok(block.start <= block.textStart && block.textStart <= block.textEnd && block.textEnd <= block.end, 'text inside its block');
          if (block.kind !== 'paragraph') assert.equal(block.text, '');
        }
        for (const node of flattenOutline(buildOutline(article))) {
          assert.ok(node.span.start <= node.selection.start && node.selection.end <= node.span.end, 'selection inside the node');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('no text is lost: every non-white-space character outside tags reaches some clean text or the title', () => {
    // Text made only of CJK characters and paragraph markup: every CJK character must come out.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('<div><span style=\'x\'> ', '<p>', '<DIV>', '  ', ''), cjk, fc.constantFrom('</span></div>', '</p>', '</DIV>', '', '\n')), { maxLength: 12 }), (parts) => {
        const body = parts.map(([open, text, close]) => open + text + close).join('');
        const article = parseArticle('标题\n' + body);
        // Every character of the text, in order (markup read as text in a plain body is not a loss).
        const visible = (t: string): string => t.replace(/[^\u3400-\u9fff，。、；“”（）]/g, '');
        const out = visible(article.blocks.map((b) => b.text).join(''));
        assert.equal(out, visible(parts.map(([, text]) => text).join('')));
      }),
      { numRuns: Math.max(1000, RUNS / 5) },
    );
  });
});

describe('generated articles of every variant parse to their known text', function () {
  this.timeout(300000);
  const PER_VARIANT = Math.max(20, Math.round(RUNS / 50));

  for (const variant of VARIANTS) {
    it(`variant ${variant}: ${PER_VARIANT} articles`, () => {
      for (let i = 0; i < PER_VARIANT; i++) {
        const generated = generateArticle(mixSeed(0xa11ce, i * 31 + variant.charCodeAt(0)), { variant });
        const article = parseArticle(generated.text);
        const where = `variant ${variant} #${i}`;
        assert.equal(rebuild(article), generated.text, where);
        assert.equal(article.titleLine.raw, generated.expectedTitleLine, where);
        assert.equal(article.title, generated.expectedTitle, where);
        assert.equal(article.listIndex, generated.expectedListIndex, where);
        assert.equal(article.eol, generated.eol, where);
        const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph' && b.text !== '');
        assert.deepEqual(paragraphs.map((b) => b.text), generated.expectedParagraphs, where);
        assert.deepEqual(article.blocks.filter((b) => b.kind === 'image').length, generated.images, where);
        assert.deepEqual(toExportedArticle(article, 'x').blocks, generated.expectedBlocks, where);
      }
    });
  }
});
