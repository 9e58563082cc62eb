/**
 * Clean text on real pages (issue 8, section 3, and the line-end and list-index points of
 * section 2): the patterns real news pages show when the scrapers write them, each checked as a
 * reader of the export would check it.
 */
import * as assert from 'node:assert/strict';
import { exportArticle, toExportedArticle } from '../../src/core/export';
import type { Article } from '../../src/core/model';
import { applyEdits, DEFAULT_NORMALIZE_OPTIONS, normalizeChecked, normalizeEdits, type NormalizeOptions } from '../../src/core/normalize';
import { buildOutline } from '../../src/core/outline';
import { parseArticle, rebuild } from '../../src/core/parse';
import { cleanText, hasVisible, indentLength, isTrimSpace, trailingLength } from '../../src/core/text';
import { parseTitleLine } from '../../src/core/title';

const STYLE = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';
const p = (text: string): string => `<div><span style='${STYLE}'> ${text}</span></div><div>&nbsp;</div>`;
const PH = ['---------------------------------------- ', '-------------------这里有图片------------ ', '---------------------------------------- '];
/** The JSON export's blocks: what a reader of the export gets. */
const blocks = (source: string): unknown[] => toExportedArticle(parseArticle(source), 'x.txt').blocks;
const paragraphs = (...texts: string[]): unknown[] => texts.map((text) => ({ type: 'paragraph', text }));

describe('clean text: white space of every kind at a paragraph\'s ends is not text', () => {
  it('isTrimSpace is exactly what trim() removes, over every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isTrimSpace(c), ch.trim() === '', `U+${c.toString(16).padStart(4, '0')}`);
    }
    assert.equal(indentLength('\u2003\u00a0 \u3000x\u3000'), 4);
    assert.equal(trailingLength('x \u00a0\u3000'), 3);
    assert.equal(cleanText('\u2003\u2003x y\u00a0'), 'x y');
    assert.equal(hasVisible('\u200b'), true, 'a zero-width space is not white space trim() removes');
    assert.equal(hasVisible('\u2003\u00a0\u3000 '), false);
  });

  const indents: Array<[string, string]> = [
    ['em spaces (news.cn)', '\u2003\u2003'],
    ['&nbsp; entities', '&nbsp;&nbsp;&nbsp;&nbsp;'],
    ['raw U+00A0', '\u00a0\u00a0\u00a0\u00a0'],
    ['ASCII spaces', '    '],
    ['mixed', '&nbsp;\u2003　 '],
  ];
  for (const [what, indent] of indents) {
    it(`an indent in ${what} is not exported; white space inside stays`, () => {
      const src = `1标题.txt\n${p(`${indent}第一段 有  空格。`)}${p(`${indent}Second paragraph.`)}`;
      assert.deepEqual(blocks(src), paragraphs('第一段 有  空格。', 'Second paragraph.'));
      assert.equal(exportArticle(parseArticle(src), 'x.txt', 'txt'), '标题\n\n第一段 有  空格。\n\nSecond paragraph.\n');
    });

    it(`a section heading after an indent in ${what} is recognised`, () => {
      const a = parseArticle(`1标题.txt\n${p(`${indent}一、总体要求`)}${p(`${indent}正文。`)}${p(`${indent}（一）分项`)}`);
      assert.deepEqual(toExportedArticle(a, 'x').blocks, [
        { type: 'heading', level: 1, text: '一、总体要求' },
        { type: 'paragraph', text: '正文。' },
        { type: 'heading', level: 2, text: '（一）分项' },
      ]);
      const [root] = buildOutline(a);
      assert.deepEqual(root!.children.map((n) => n.kind), ['heading']);
      assert.equal(root!.children[0]!.name, '一、总体要求');
    });
  }

  it('trailing white space (spaces, U+00A0, U+3000, &nbsp;, tabs) is not exported', () => {
    const src = `1标题.txt\n${p('　　甲。 ')}${p('　　乙。\u00a0\u00a0')}${p('　　丙。　')}${p('　　丁。&nbsp;')}${p('　　戊。\t \u2003')}`;
    assert.deepEqual(blocks(src), paragraphs('甲。', '乙。', '丙。', '丁。', '戊。'));
    const [root] = buildOutline(parseArticle(src));
    assert.deepEqual(root!.children.map((n) => [n.name, n.chars]), [['甲。', 2], ['乙。', 2], ['丙。', 2], ['丁。', 2], ['戊。', 2]]);
  });

  it('plain text (variant D): indents and trailing white space of every kind', () => {
    assert.deepEqual(blocks('标题\n  \u2003\u2003甲。 \n  \u00a0\u00a0乙。\u3000\n    丙。'), paragraphs('甲。', '乙。', '丙。'));
  });

  it('a paragraph of nothing but white space of any kind is empty', () => {
    assert.deepEqual(blocks(`1标题.txt\n${p('&nbsp;\u2003\u3000 ')}${p('甲。')}`), paragraphs('甲。'));
  });

  it('the title line keeps none of it either', () => {
    const a = parseArticle(`\u2003227标题\u00a0.txt\u3000\n${p('甲。')}`);
    assert.equal(a.title, '标题');
    assert.equal(a.listIndex, 227);
  });
});

describe('normalize keeps every text of indented pages', () => {
  const settings: NormalizeOptions[] = [
    DEFAULT_NORMALIZE_OPTIONS,
    { ...DEFAULT_NORMALIZE_OPTIONS, indent: 'none' },
    { ...DEFAULT_NORMALIZE_OPTIONS, indent: 'fullwidth' },
  ];
  const src = `1标题.txt\n${p('\u2003\u2003甲。')}${p('&nbsp;&nbsp;&#160;乙。&nbsp;')}${p('    丙。')}${p('&#x3000;&#12288;丁。')}`;
  for (const options of settings) {
    it(`indent ${options.indent}: safe, texts kept, the indent as asked`, () => {
      const article = parseArticle(src);
      const result = normalizeChecked(article, options, parseArticle);
      assert.ok(result.safe);
      const after = parseArticle(result.text);
      assert.deepEqual(toExportedArticle(after, 'x').blocks, toExportedArticle(article, 'x').blocks);
      const texts = after.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
      if (options.indent === 'none') assert.ok(texts.every((t) => indentLength(t) === 0), JSON.stringify(texts));
      if (options.indent === 'fullwidth') assert.ok(texts.every((t) => t.startsWith('　　') && indentLength(t) === 2), JSON.stringify(texts));
      assert.deepEqual(normalizeEdits(after, options), [], 'canonical after one run');
    });
  }
  it('indent keep leaves the page\'s indent characters in the file', () => {
    const out = applyEdits(src, normalizeEdits(parseArticle(src)));
    assert.ok(out.includes('\u2003\u2003甲。'));
  });
});

describe('list index: digits that are not a safe integer are not an index', () => {
  it('a 20-digit run stays in the title, listIndex null', () => {
    assert.deepEqual(parseTitleLine('12345678901234567890标题.txt'), { title: '12345678901234567890标题', listIndex: null });
    assert.deepEqual(parseTitleLine('9007199254740993标题.txt'), { title: '9007199254740993标题', listIndex: null });
    assert.deepEqual(parseTitleLine('9007199254740991标题.txt'), { title: '标题', listIndex: 9007199254740991 });
    const a: Article = parseArticle(`12345678901234567890标题.txt\n${p('甲。')}`);
    assert.equal(a.listIndex, null);
    assert.equal(JSON.parse(exportArticle(a, 'x', 'json')).title, '12345678901234567890标题');
  });
});

describe('rebuild stays lossless on real-page patterns', () => {
  it('every pattern above rebuilds byte for byte', () => {
    for (const src of [`1标题.txt\n${p('\u2003\u2003甲。\u00a0')}`, `标题\r${p('甲')}\r${PH.join('\r')}\r${p('乙')}`]) assert.equal(rebuild(parseArticle(src)), src);
  });
});

describe('line ends: CR, LF and CRLF alike', () => {
  const html = (eol: string): string => `12标题.txt${eol}${p('　　甲。')}${eol}${PH.join(eol)}${eol}${p('　　乙。')}`;
  const plain = (eol: string): string => ['12标题.txt', '  甲，', '接着。', ...PH, '  乙。'].join(eol);
  for (const [name, eol] of [['CR', '\r'], ['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`${name}: title, paragraphs and placeholders of an HTML body`, () => {
      const a = parseArticle(html(eol));
      assert.equal(a.title, '标题');
      assert.equal(a.listIndex, 12);
      assert.equal(a.titleLine.raw, '12标题.txt');
      assert.equal(a.eol, eol);
      assert.deepEqual(toExportedArticle(a, 'x').blocks, [{ type: 'paragraph', text: '甲。' }, { type: 'image' }, { type: 'paragraph', text: '乙。' }]);
      assert.equal(rebuild(a), html(eol));
    });

    it(`${name}: plain-text paragraphs (variant D) with a continuation line and a placeholder`, () => {
      const a = parseArticle(plain(eol));
      assert.equal(a.layout, 'plain');
      assert.equal(a.title, '标题');
      assert.deepEqual(toExportedArticle(a, 'x').blocks, [{ type: 'paragraph', text: '甲，接着。' }, { type: 'image' }, { type: 'paragraph', text: '乙。' }]);
      assert.equal(exportArticle(a, 'x', 'md'), '# 标题\n\n甲，接着。\n\n\\[图片\\]\n\n乙。\n');
      assert.equal(rebuild(a), plain(eol));
    });
  }

  it('mixed line ends in one file', () => {
    const src = `12标题.txt\r\n  甲。\r  乙，\n接着。\r\n${PH[0]}\r${PH[1]}\n${PH[2]}\r\n  丙。`;
    const a = parseArticle(src);
    assert.deepEqual(toExportedArticle(a, 'x').blocks, [...paragraphs('甲。', '乙，接着。'), { type: 'image' }, ...paragraphs('丙。')]);
    assert.equal(rebuild(a), src);
  });

  it('a stray CR in line 1 ends it: it is in neither the title nor the Markdown heading', () => {
    const a = parseArticle(`标题\r\n${p('甲。')}`.replace('标题', '河南\r标题'));
    assert.equal(a.title, '河南');
    assert.ok(!exportArticle(a, 'x', 'md').split('\n')[0]!.includes('\r'));
    assert.equal(exportArticle(a, 'x', 'md').split('\n')[0], '# 河南');
    const md = exportArticle(parseArticle(`7标题.txt\r${p('甲。')}`), 'x', 'md');
    assert.equal(md, '# 标题\n\n甲。\n');
  });
});

describe('image placeholders glued to the line before', () => {
  it('HTML: the first dash line right after <div>&nbsp;</div> is part of the placeholder', () => {
    const src = `1标题.txt\n${p('　　甲。')}${PH.join('\n')}\n${p('　　乙。')}`;
    const a = parseArticle(src);
    assert.deepEqual(toExportedArticle(a, 'x').blocks, [...paragraphs('甲。'), { type: 'image' }, ...paragraphs('乙。')]);
    const image = a.blocks.find((b) => b.kind === 'image')!;
    assert.equal(src.slice(image.start, image.end), PH.join('\n'));
    assert.equal(rebuild(a), src);
  });

  it('HTML: glued after a paragraph without spacer, and with CRLF', () => {
    const src = `1标题.txt\r\n<div><span style='x'> 甲。</span></div>${PH.join('\r\n')}\r\n${p('乙。')}`;
    assert.deepEqual(blocks(src), [...paragraphs('甲。'), { type: 'image' }, ...paragraphs('乙。')]);
  });

  it('plain text: the first dash line after a paragraph\'s text on its line', () => {
    const src = ['1标题.txt', '  甲。' + PH[0], PH[1], PH[2], '  乙。'].join('\n');
    const a = parseArticle(src);
    assert.deepEqual(toExportedArticle(a, 'x').blocks, [...paragraphs('甲。'), { type: 'image' }, ...paragraphs('乙。')]);
    assert.equal(rebuild(a), src);
  });

  it('dash lines alone, with no picture line, are text as before', () => {
    assert.deepEqual(blocks(`1标题.txt\n  甲。\n  ----------\n  乙。`), paragraphs('甲。', '----------', '乙。'));
  });
});

describe('tag-like text that is not markup', () => {
  it('a scraped paragraph mentioning <div> stays one paragraph, <div> in its text', () => {
    const src = `1标题.txt\n${p('　　The page said an empty <div> was illegible, and <p> too.')}${p('　　下一段。')}`;
    assert.deepEqual(blocks(src), paragraphs('The page said an empty <div> was illegible, and <p> too.', '下一段。'));
    assert.equal(rebuild(parseArticle(src)), src);
  });

  it('a<b>c exports as a<b>c, in txt, JSON and Markdown', () => {
    const a = parseArticle(`1标题.txt\n${p('a<b>c')}`);
    assert.equal(exportArticle(a, 'x', 'txt'), '标题\n\na<b>c\n');
    assert.deepEqual(toExportedArticle(a, 'x').blocks, paragraphs('a<b>c'));
    assert.equal(exportArticle(a, 'x', 'md'), '# 标题\n\na\\<b\\>c\n');
  });

  it('a stray closing tag is text; a tag whose element closes inside the paragraph is markup', () => {
    assert.deepEqual(blocks(`1标题.txt\n${p('x</b>y')}${p('<b>粗</b>与<STRONG>强</strong>，<span style="color:red">红</span>')}`), paragraphs('x</b>y', '粗与强，红'));
  });

  it('a tag-like <span> inside the scraper\'s span is text; a closed inline span is markup', () => {
    assert.deepEqual(blocks(`1标题.txt\n${p('　　甲<span>内的文字。')}${p('　　<span style="color:red">红</span>字。')}`), paragraphs('甲<span>内的文字。', '红字。'));
    assert.deepEqual(blocks('1标题.txt\n<p><span style="color:red">红</span>字<span>蓝</span></p>'), paragraphs('红字蓝'));
  });

  it('void elements are markup wherever they stand', () => {
    assert.deepEqual(blocks(`1标题.txt\n${p('第一行<br>第二行<img src="a.png">，<hr>完<wbr>。')}`), paragraphs('第一行\n第二行，完。'));
  });

  it('tag-like text in <p> paragraphs: an opening block tag that never closes there is text', () => {
    const src = '1标题.txt\n<p>an empty <div> was illegible</p>\n<p>next</p>';
    assert.deepEqual(blocks(src), paragraphs('an empty <div> was illegible', 'next'));
  });

  it('real paragraph markup still splits paragraphs', () => {
    assert.deepEqual(blocks('1标题.txt\n<div>\n<p>甲</p>\n<p>乙</p>\n</div>'), paragraphs('甲', '乙'));
    assert.deepEqual(blocks("1标题.txt\n<div><div><span style='x'> 甲</span></div><div>&nbsp;</div><div><span style='x'> 乙</span></div></div>"), paragraphs('甲', '乙'));
    const h = parseArticle('1标题.txt\n<h2>总体要求</h2><p>正文<b>粗</b>。</p><div><span style="x"> 丙</span></div>');
    assert.deepEqual(toExportedArticle(h, 'x').blocks, [{ type: 'heading', level: 2, text: '总体要求' }, ...paragraphs('正文粗。', '丙')]);
  });

  it('a scraper paragraph without its close does not swallow the next one', () => {
    const out = blocks(`1标题.txt\n<div><span style='x'> 甲 <div> 乙${p('丙')}`) as { text: string }[];
    assert.deepEqual(out[out.length - 1], { type: 'paragraph', text: '丙' });
    assert.match(out.map((b) => b.text).join(''), /甲.*乙/);
  });
});
