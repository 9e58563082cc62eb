import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { escapeMarkdownLine, exportArticle, markdownHeadingText, markdownText, type ExportFormat, type ExportOptions } from '../../src/core/export';
import { parseArticle } from '../../src/core/parse';
import { generateArticle, mixSeed, VARIANTS, type ExpectedBlock } from '../support/generate';

const p = (text: string): string => `<div><span style='x'> ${text}</span></div><div>&nbsp;</div>`;
const PH = '---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- ';
const sample = parseArticle(`7会议召开.txt\n${p('　　一、总体要求')}${p('　　第一段。')}\n${PH}\n${p('　　第二段<br>第二行。')}${p('')}`);

describe('exportArticle', () => {
  it('txt: title, blank line, blocks separated by blank lines, no indent by default', () => {
    assert.equal(exportArticle(sample, 'a.txt', 'txt'), '会议召开\n\n一、总体要求\n\n第一段。\n\n[图片]\n\n第二段\n第二行。\n');
  });

  it('txt: the indent and image settings', () => {
    const options: ExportOptions = { indent: 'fullwidth', images: 'drop', imageMarker: '[图片]' };
    assert.equal(exportArticle(sample, 'a.txt', 'txt', options), '会议召开\n\n一、总体要求\n\n　　第一段。\n\n　　第二段\n第二行。\n');
    assert.match(exportArticle(sample, 'a.txt', 'txt', { indent: 'none', images: 'marker', imageMarker: '（图）' }), /\n\n（图）\n\n/);
  });

  it('md: # title, headings one level down, hard line breaks, escaped marker', () => {
    assert.equal(exportArticle(sample, 'a.txt', 'md'), '# 会议召开\n\n## 一、总体要求\n\n第一段。\n\n\\[图片\\]\n\n第二段\\\n第二行。\n');
  });

  it('json and jsonl: the FORMAT.md shape', () => {
    const expected = {
      path: 'dir/a.txt',
      title: '会议召开',
      titleLine: '7会议召开.txt',
      listIndex: 7,
      blocks: [
        { type: 'heading', level: 1, text: '一、总体要求' },
        { type: 'paragraph', text: '第一段。' },
        { type: 'image' },
        { type: 'paragraph', text: '第二段\n第二行。' },
      ],
    };
    assert.deepEqual(JSON.parse(exportArticle(sample, 'dir/a.txt', 'json')), expected);
    const line = exportArticle(sample, 'dir/a.txt', 'jsonl');
    assert.equal(line.indexOf('\n'), line.length - 1, 'one line');
    assert.deepEqual(JSON.parse(line), expected);
  });
});

describe('escapeMarkdownLine', () => {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  /** What a reader sees of one Markdown paragraph: the rendered HTML's text. */
  const rendered = (markdown: string): string =>
    md
      .render(markdown)
      // A hard break in a paragraph is `<br>` and a line end; in a heading, `<br>` alone.
      .replace(/<br>\n?/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/^[ \t\n]+|[ \t\n]+$/g, '');

  for (const [text, escaped] of [
    ['#标题', '#标题'], // no space after #: not a heading, nothing to escape
    ['# 标题', '\\# 标题'],
    ['## 二级', '\\## 二级'],
    ['1. 第一', '1\\. 第一'],
    ['2) 第二', '2\\) 第二'],
    ['- 列表', '\\- 列表'],
    ['> 引用', '\\> 引用'],
    ['*强调* 与 _下划线_', '\\*强调\\* 与 \\_下划线\\_'],
    ['[图片]', '\\[图片\\]'],
    ['<注>说明', '\\<注\\>说明'],
    ['A&B公司', 'A&B公司'],
    ['&amp; 与 &#8220;', '\\&amp; 与 \\&#8220;'],
    ['1.5亿元', '1.5亿元'],
    ['`代码`', '\\`代码\\`'],
  ] as const) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(escaped)}`, () => {
      assert.equal(escapeMarkdownLine(text), escaped);
      assert.equal(rendered(escaped), text.trim());
    });
  }

  it('any line renders back to itself (markdown-it, 2,000 random lines)', () => {
    const unit = fc.constantFrom(...'#*_-+>[]()<>&;!`|~\\=.1234567890 aZ中文，。“”　'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 24 }), (line) => {
        fc.pre(line.trim() !== '' && !/^[ ]|[ ]$/.test(line) && !/ {2}/.test(line));
        assert.equal(rendered(escapeMarkdownLine(line)), line);
      }),
      { numRuns: 2000 },
    );
  });

  // The lines of a clean text: a <br> is a line break, so every line but the first may start
  // with anything, every line but the last may end with anything, and each must come back.
  const lineUnit = fc.constantFrom(...'#*_-+>[]()<>&;!`|~\\=.1234567890 \taZ中文，。“”　'.split(''));
  const markers = fc.constantFrom('==', '--', '=', '-', '---', '- ', '+ ', '> ', '# ', '## ', '1. ', '2) ', '10. ', ' #', ' ##', '\\', '    ', '\t', '***', '```', '<div>', '&amp;', '&#32;', '标题 #', '第一行');
  const line = fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: lineUnit, maxLength: 8 }) }, { weight: 2, arbitrary: markers }), { maxLength: 4 }).map((parts) => parts.join(''));
  const cleanTextArb = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')).filter((t) => t !== '' && t === t.trim());

  it('any clean text renders back to itself as a paragraph, line breaks and all (markdown-it, 3,000 texts)', () => {
    fc.assert(
      fc.property(cleanTextArb, (text) => {
        assert.equal(rendered(markdownText(text)), text, JSON.stringify(markdownText(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('any clean text renders back to itself as a heading or the title (markdown-it, 3,000 texts)', () => {
    fc.assert(
      fc.property(cleanTextArb, fc.integer({ min: 1, max: 6 }), (text, level) => {
        const markdown = '#'.repeat(level) + ' ' + markdownHeadingText(text);
        assert.equal(md.render(markdown).split('\n').filter((l) => l !== '').length, 1, `one heading: ${JSON.stringify(markdown)}`);
        assert.equal(rendered(markdown), text, JSON.stringify(markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it('the real-page cases: <br> at the end, a setext underline after a break, a title ending in " #"', () => {
    const p = (text: string): string => `<div><span style='x'> ${text}</span></div><div>&nbsp;</div>`;
    const a = parseArticle(`1标题 #.txt\n${p('　　第一行<br>==')}${p('　　末尾换行。<br>')}${p('第一行<br>--')}`);
    const out = exportArticle(a, 'x', 'md');
    assert.equal(out, '# 标题 \\#\n\n第一行\\\n\\==\n\n末尾换行。\n\n第一行\\\n\\--\n');
    const html = md.render(out);
    assert.ok(!/<h[2-6]>/.test(html), html);
    assert.match(html, /<h1>标题 #<\/h1>/);
    assert.match(html, /<p>第一行<br>\n==<\/p>/);
    assert.match(html, /<p>末尾换行。<\/p>/);
  });
});

/** The txt export FORMAT.md asks for, from the generator's oracle. */
function expectedTxt(title: string, blocks: readonly ExpectedBlock[]): string {
  return [title, ...blocks.map((b) => (b.type === 'image' ? '[图片]' : b.text))].join('\n\n') + '\n';
}

/** Markdown back to the plain text: heading marks, escapes and hard breaks removed. */
function unmarkdown(md: string): string {
  return md
    .split('\n\n')
    .map((block) => block.replace(/^#{1,6} /, '').replace(/\\\n/g, '\n').replace(/\\([\\`*_[\]<>|~&!#+\-=.)])/g, '$1'))
    .join('\n\n');
}

describe('nothing lost in any format (generated articles of every variant)', function () {
  this.timeout(120000);
  const formats: ExportFormat[] = ['txt', 'md', 'json', 'jsonl'];
  for (const variant of VARIANTS) {
    it(`variant ${variant}: every paragraph's text, in order, in txt, md, json and jsonl`, () => {
      for (let i = 0; i < 60; i++) {
        const g = generateArticle(mixSeed(0xe4907, i * 13 + variant.charCodeAt(0)), { variant });
        const article = parseArticle(g.text);
        const out = Object.fromEntries(formats.map((f) => [f, exportArticle(article, 'x.txt', f)])) as Record<ExportFormat, string>;
        const where = `variant ${variant} #${i}`;
        const txt = expectedTxt(g.expectedTitle, g.expectedBlocks);
        assert.equal(out.txt, txt, where);
        assert.equal(unmarkdown(out.md), txt, where);
        for (const f of ['json', 'jsonl'] as const) {
          const parsed = JSON.parse(out[f]);
          assert.equal(parsed.title, g.expectedTitle, where);
          assert.deepEqual(parsed.blocks, g.expectedBlocks, where);
        }
      }
    });
  }
});
