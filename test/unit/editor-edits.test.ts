import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Article } from '../../src/core/model';
import { applyEdits, type TextEdit } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { realTagEnd } from '../../src/core/text';
import { deleteBlock, editText, editTitle, insertParagraph, mergeParagraphs, splitParagraph, swapBlocks, viewIndex } from '../../src/core/edits';
import { editorView } from '../../src/editor/edits';
import { generateArticle, mixSeed } from '../support/generate';
import { readSeed } from '../support/seeds';

const paragraphs = (a: Article): string[] => a.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
const apply = (a: Article, edit: TextEdit | undefined): Article => {
  assert.ok(edit, 'an edit');
  return parseArticle(applyEdits(a.source, [edit]));
};

describe('Article Editor edits on the real seed', () => {
  const seed = parseArticle(readSeed('000_5edd2806a98033fb.txt'));
  const index = viewIndex(seed);
  const texts = paragraphs(seed);

  it('typing changes only that paragraph\'s text range, escaping markup characters', () => {
    const i = index[1]!;
    const block = seed.blocks[i]!;
    const edit = editText(seed, i, 2, 2, '新<b>&');
    assert.equal(edit.start, block.textStart + 2);
    assert.equal(edit.end, edit.start);
    assert.equal(edit.text, '新&lt;b&gt;&amp;');
    const after = apply(seed, edit);
    assert.deepEqual(paragraphs(after), [texts[0], texts[1]!.slice(0, 2) + '新<b>&' + texts[1]!.slice(2), ...texts.slice(2)]);
  });

  it('split, merge, move, delete, insert keep every other paragraph as it was', () => {
    const split = apply(seed, splitParagraph(seed, index[0]!, 10));
    // The second half starts with the paragraph's indent, as every paragraph of the seed does.
    assert.deepEqual(paragraphs(split), [texts[0]!.slice(0, 10), '　　' + texts[0]!.slice(10), ...texts.slice(1)]);
    assert.deepEqual(split.blocks.slice(0, 4).map((b) => b.kind), ['paragraph', 'spacer', 'paragraph', 'spacer']);

    const merged = apply(split, mergeParagraphs(split, viewIndex(split)[0]!, viewIndex(split)[1]!));
    assert.equal(merged.source, seed.source, 'merge undoes split byte for byte');

    const moved = apply(seed, swapBlocks(seed, index[2]!, index[3]!));
    assert.deepEqual(paragraphs(moved), [texts[0], texts[1], texts[3], texts[2], ...texts.slice(4)]);

    const deleted = apply(seed, deleteBlock(seed, index[7]!));
    assert.deepEqual(paragraphs(deleted), texts.slice(0, 7));
    assert.ok(!deleted.source.endsWith('</div><div>&nbsp;</div><div>&nbsp;</div>'));

    const inserted = apply(seed, insertParagraph(seed, index[0]!));
    assert.deepEqual(paragraphs(inserted), [texts[0], '', ...texts.slice(1)]);
    assert.equal(editorView(inserted).blocks[1]!.text, '　　', 'the new paragraph carries the seed’s indent');
  });

  it('the title changes, its list index and .txt stay', () => {
    const after = apply(seed, editTitle(seed, 0, 3, '湖北省'));
    assert.equal(after.titleLine.raw, '227湖北省“不忘初心、牢记使命”主题教育工作会议召开.txt');
    assert.equal(after.listIndex, 227);
  });

  it('a title edit that would make line 1 run into the body (a typed <div>) is refused', () => {
    assert.equal(editTitle(seed, 2, 2, '<div>'), undefined);
    assert.equal(editTitle(seed, 2, 2, '<p class=x>'), undefined);
    assert.ok(editTitle(seed, 2, 2, '<注>'), 'tag-like text that is no block stays possible');
  });

  it('the view lists paragraphs and images with their counts', () => {
    const view = editorView(seed);
    assert.equal(view.blocks.length, 8);
    assert.equal(view.blocks[0]!.chars, 153);
    assert.ok(view.blocks.every((b) => b.simple));
  });
});

describe('Article Editor edits: plain text and markup paragraphs', () => {
  it('plain text (D): split and merge by lines', () => {
    const a = parseArticle('标题\n  第一段文字。\n  第二段。');
    const split = apply(a, splitParagraph(a, viewIndex(a)[0]!, 3));
    assert.equal(split.source, '标题\n  第一段\n  文字。\n  第二段。');
    const merged = apply(split, mergeParagraphs(split, viewIndex(split)[0]!, viewIndex(split)[1]!));
    assert.equal(merged.source, a.source);
  });

  it('a paragraph with markup is rewritten as plain text, its text as typed', () => {
    const a = parseArticle("标题\n<div><span style='x'> 甲<strong>乙</strong>丙</span></div>");
    const after = apply(a, editText(a, viewIndex(a)[0]!, 3, 3, '丁'));
    assert.deepEqual(paragraphs(after), ['甲乙丙丁']);
  });
});

describe('Article Editor edits: random sequences of operations', () => {
  it('the document always holds the paragraphs the operations say (300 sequences)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.tuple(fc.constantFrom('type', 'split', 'merge', 'move', 'delete', 'insert'), fc.nat(), fc.nat(), fc.string({ unit: fc.constantFrom(...'字文<>&a '.split('')), maxLength: 4 })), { maxLength: 12 }), (seed, ops) => {
        let article = parseArticle(generateArticle(mixSeed(0xed17, seed), { variant: seed % 2 === 0 ? 'A' : 'D', headings: false }).text);
        // The model: the texts of the shown paragraphs as written (no images in these variants);
        // for HTML the source text itself, so that a paragraph of spaces is not taken for empty.
        const written = (a: Article): string[] => (a.layout === 'plain' ? paragraphs(a) : a.blocks.filter((b) => b.kind === 'paragraph').map((b) => a.source.slice(b.textStart, b.textEnd)));
        let model = written(article);
        for (const [op, a, b, typed] of ops) {
          const index = viewIndex(article);
          if (index.length === 0) break;
          const v = a % index.length;
          const text = model[v]!;
          let edit: TextEdit | undefined;
          if (op === 'type') {
            const from = b % (text.length + 1);
            edit = editText(article, index[v]!, from, from, typed);
            model[v] = text.slice(0, from) + (article.layout === 'plain' ? typed : typed) + text.slice(from);
          } else if (op === 'split') {
            const at = b % (text.length + 1);
            edit = splitParagraph(article, index[v]!, at);
            // A blank half is a new empty paragraph (none in plain text); the other half keeps the paragraph as it was.
            const blank = (t: string): boolean => t.trim() === '';
            if (!edit) continue;
            // A new paragraph and a second half start with the paragraph's indent (an empty one's white space).
            const indent = article.layout === 'plain' ? '' : /^\s*/.exec(text)![0];
            if (blank(text.slice(0, at))) model.splice(v, 0, indent);
            else if (blank(text.slice(at))) model.splice(v + 1, 0, indent);
            else model.splice(v, 1, text.slice(0, at), (/^\s/.test(text.slice(at)) ? '' : indent) + text.slice(at));
          } else if (op === 'merge' && v > 0) {
            edit = mergeParagraphs(article, index[v - 1]!, index[v]!);
            // The second paragraph's indent does not go into the middle of the joined text.
            const joined = model[v - 1]!.trim() === '' ? text : text.replace(/^\s*/, '');
            model.splice(v - 1, 2, model[v - 1]! + joined);
          } else if (op === 'move' && v + 1 < index.length) {
            edit = swapBlocks(article, index[v]!, index[v + 1]!);
            model.splice(v, 2, model[v + 1]!, text);
          } else if (op === 'delete' && index.length > 1) {
            edit = deleteBlock(article, index[v]!);
            model.splice(v, 1);
          } else if (op === 'insert') {
            edit = insertParagraph(article, index[v]!);
            if (edit) model.splice(v + 1, 0, article.layout === 'plain' ? '' : /^\s*/.exec(text)![0]);
          }
          if (!edit) continue;
          article = parseArticle(applyEdits(article.source, [edit]));
          // Plain text: leading/trailing spaces of a line are not kept apart from text; compare trimmed there.
          // Plain text: a line's surrounding spaces are not kept apart from the text; compare trimmed.
          const norm = (list: string[]): string[] => (article.layout === 'plain' ? list.map((t) => t.trim()).filter((t) => t !== '') : list);
          const now = written(article).map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
          assert.deepEqual(norm(now), norm(model), `${op} ${v}`);
          model = now;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Article Editor edits in paragraphs with inline markup', () => {
  const source = "标题\n<div><span style='x'> 甲<strong>乙乙</strong>丙&amp;丁<br>戊</span></div><div>&nbsp;</div>";
  const article = parseArticle(source);
  const i = viewIndex(article)[0]!;

  it('typing goes into the literal text, the tags around it kept', () => {
    assert.equal(applyEdits(source, [editText(article, i, 1, 1, '新')]), source.replace('甲<strong>', '甲新<strong>'));
    assert.equal(applyEdits(source, [editText(article, i, 2, 2, '新')]), source.replace('<strong>乙', '<strong>乙新').replace('乙新乙', '乙新乙'));
    assert.equal(applyEdits(source, [editText(article, i, 3, 3, '新')]), source.replace('乙乙</strong>', '乙乙新</strong>'));
    assert.equal(applyEdits(source, [editText(article, i, 5, 5, '<')]), source.replace('&amp;丁', '&amp;&lt;丁'));
    assert.equal(applyEdits(source, [editText(article, i, 5, 6, '')]), source.replace('丁<br>', '<br>'));
  });

  it('Enter between elements splits there and keeps the markup on both sides', () => {
    const after = parseArticle(applyEdits(source, [splitParagraph(article, i, 3)!]));
    assert.deepEqual(paragraphs(after), ['甲乙乙', '丙&丁\n戊']);
    assert.match(after.source, /甲<strong>乙乙<\/strong><\/span><\/div><div>&nbsp;<\/div><div><span style='x'> 丙&amp;丁<br>戊/);
  });

  it('random typing in generated markup paragraphs keeps the text right and, where it can, every tag', () => {
    let keptMarkup = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.nat(), fc.nat(), fc.string({ unit: fc.constantFrom(...'字<&a'.split('')), minLength: 1, maxLength: 3 }), (seed, which, offset, typed) => {
        const a = parseArticle(generateArticle(mixSeed(0x7a95, seed), { variant: seed % 2 === 0 ? 'I' : 'F' }).text);
        const shown = viewIndex(a).filter((k) => a.blocks[k]!.kind === 'paragraph' && a.blocks[k]!.text !== '');
        if (shown.length === 0) return;
        const k = shown[which % shown.length]!;
        const text = a.blocks[k]!.text;
        const at = offset % (text.length + 1);
        const edit = editText(a, k, at, at, typed);
        const after = parseArticle(applyEdits(a.source, [edit]));
        const block = after.blocks[k]!;
        assert.equal(block.text, text.slice(0, at) + typed + text.slice(at));
        // Real tags only: `x<5` with an `a` typed after `<` is text, not a tag.
        const tags = (t: string): number => [...t.matchAll(/</g)].filter((m) => realTagEnd(t, m.index) > 0).length;
        if (edit.end - edit.start < a.blocks[k]!.textEnd - a.blocks[k]!.textStart || edit.text === '') {
          keptMarkup++;
          assert.equal(tags(after.source.slice(block.textStart, block.textEnd)), tags(a.source.slice(a.blocks[k]!.textStart, a.blocks[k]!.textEnd)), 'tags kept');
        }
      }),
      { numRuns: 500 },
    );
    assert.ok(keptMarkup > 300, `markup kept in ${keptMarkup} of 500 edits`);
  });
});

describe('a new paragraph’s markup', () => {
  const insertAfterFirst = (source: string, style?: string): string => {
    const article = parseArticle(source);
    const edit = insertParagraph(article, viewIndex(article)[0]!, 'after', style);
    assert.ok(edit);
    return applyEdits(source, [edit]);
  };

  it('takes the style of article.normalize.style when its neighbour has no span markup to copy', () => {
    const after = insertAfterFirst('1标题.txt\n<p>第一段。</p>', 'font-size:18px');
    assert.ok(after.includes("<div><span style='font-size:18px'> </span></div>"), after);
    assert.equal(parseArticle(after).blocks.filter((b) => b.kind === 'paragraph').length, 2);
  });

  it('copies its neighbour’s span markup whatever the setting', () => {
    const after = insertAfterFirst("1标题.txt\n<div><span style='color:red'> 第一段。</span></div>", 'font-size:18px');
    assert.ok(after.includes("<div><span style='color:red'> </span></div>"), after);
  });
});
