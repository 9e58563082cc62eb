import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articleCounts, countChars, readingMinutes, selectionCounts } from '../../src/core/corpus/counts';
import { compareRows, findConflicts, indexEntry, isFresh, matchesFilter, planRefresh, type ArticleEntry, type ArticleRow, type FileStamp } from '../../src/core/corpus/entry';
import { parseArticle } from '../../src/core/parse';
import { readSeed, seedNames, seedPath } from '../support/seeds';

const SEED = '000_5edd2806a98033fb.txt';
const SEED_TITLE = '河南省“不忘初心、牢记使命”主题教育工作会议召开';

function entryOf(name: string): ArticleEntry {
  const entry = indexEntry(readFileSync(seedPath(name)));
  assert.equal(entry.kind, 'article', `${name} is indexed as an article`);
  return entry;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('corpus index entry', () => {
  it('the real seed: title, list index and counts from its bytes', () => {
    const entry = entryOf(SEED);
    assert.equal(entry.title, SEED_TITLE);
    assert.equal(entry.listIndex, 227);
    assert.equal(entry.titleLine, `227${SEED_TITLE}.txt`);
    assert.equal(entry.paragraphs, 8);
    assert.equal(entry.encoding, 'utf-8');
    // The same numbers as the outline's paragraph counts, summed.
    const article = parseArticle(readSeed(SEED));
    const sum = article.blocks.filter((b) => b.kind === 'paragraph' && b.text.trim() !== '').reduce((n, b) => n + b.chars, 0);
    assert.equal(entry.chars, sum);
    assert.ok(entry.cjk > 0.8 * entry.chars && entry.cjk < entry.chars, `${entry.cjk} of ${entry.chars}`);
  });

  it('every seed is indexed, and its title is the core’s title', () => {
    for (const name of seedNames()) {
      const entry = entryOf(name);
      const article = parseArticle(readSeed(name));
      assert.equal(entry.title, article.title, name);
      assert.equal(entry.listIndex, article.listIndex, name);
    }
  });

  it('a GB18030 file is read in its encoding', () => {
    const entry = entryOf('013_variant-j-gb18030.txt');
    assert.equal(entry.encoding, 'gb18030');
    assert.equal(entry.title, '青禾县举行2023年度“最美家乡人”颁奖典礼');
    assert.equal(entry.listIndex, 5);
  });

  it('a title that runs into the first <div> is cut where the markup starts', () => {
    const entry = entryOf('003_variant-c-title-runs-into-body.txt');
    assert.ok(!entry.title.includes('<'), entry.title);
  });

  it('section headings are indexed with their line and column', () => {
    const name = '017_speech-sections-outline.txt';
    const entry = entryOf(name);
    assert.ok(entry.headings.length >= 3, JSON.stringify(entry.headings));
    const first = entry.headings[0]!;
    assert.equal(first.text, '一、客观认识当前经济形势');
    assert.equal(first.level, 1);
    const lines = readSeed(name).split('\n');
    assert.ok(lines[first.line]!.slice(first.character).startsWith('　　一、客观认识') || lines[first.line]!.slice(first.character).startsWith('一、客观认识'), lines[first.line]!.slice(first.character, first.character + 20));
  });

  it('files that cannot be read are failed entries with the reason; other text files are not articles', () => {
    assert.deepEqual(indexEntry(new Uint8Array()), { kind: 'failed', problem: 'empty' });
    assert.deepEqual(indexEntry(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2])), { kind: 'failed', problem: 'binary' });
    assert.deepEqual(indexEntry(utf8('shopping list\nmilk\neggs\n')), { kind: 'other' });
  });
});

describe('corpus index cache', () => {
  const stamp = (mtime: number, size: number): FileStamp => ({ mtime, size });

  it('an entry is fresh only while modification time and size are both unchanged', () => {
    assert.equal(isFresh(stamp(10, 100), stamp(10, 100)), true);
    assert.equal(isFresh(stamp(10, 100), stamp(11, 100)), false);
    assert.equal(isFresh(stamp(10, 100), stamp(10, 101)), false);
    assert.equal(isFresh(undefined, stamp(10, 100)), false);
  });

  it('plans to read new and changed files only, and to drop deleted ones', () => {
    const cache = new Map([
      ['a', stamp(1, 10)],
      ['b', stamp(2, 20)],
      ['gone', stamp(3, 30)],
    ]);
    const files = new Map([
      ['a', stamp(1, 10)],
      ['b', stamp(5, 20)],
      ['new', stamp(1, 1)],
    ]);
    assert.deepEqual(planRefresh(cache, files), { reuse: ['a'], read: ['b', 'new'], removed: ['gone'] });
  });
});

describe('Articles view rows', () => {
  const row = (name: string, title: string, listIndex: number | null, folder = 'f'): ArticleRow => ({ key: `${folder}/${name}`, name, folder, title, listIndex });
  const rows = [row('c.txt', '乙', 2), row('a.txt', '甲', null), row('b.txt', '丙', 2), row('d.txt', 'alpha', 10), row('e.txt', 'Beta', 10)];

  it('sorts by list index then title (no index last), by title, by file name', () => {
    assert.deepEqual([...rows].sort(compareRows('index')).map((r) => r.name), ['b.txt', 'c.txt', 'd.txt', 'e.txt', 'a.txt']);
    assert.deepEqual([...rows].sort(compareRows('file')).map((r) => r.name), ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
    const byTitle = [...rows].sort(compareRows('title')).map((r) => r.title);
    assert.ok(byTitle.indexOf('alpha') < byTitle.indexOf('Beta'), 'Latin titles sort case-insensitively');
    assert.ok(byTitle.indexOf('丙') < byTitle.indexOf('乙'));
  });

  it('filters by a title substring, case-insensitive for Latin letters', () => {
    assert.equal(matchesFilter('5G基站建设提速', '5g'), true);
    assert.equal(matchesFilter('5G基站建设提速', '基站'), true);
    assert.equal(matchesFilter('5G基站建设提速', '  基站 '), true);
    assert.equal(matchesFilter('5G基站建设提速', '会议'), false);
    assert.equal(matchesFilter('anything', ''), true);
  });

  it('warns about the same title anywhere and the same list index in one folder', () => {
    const conflicts = findConflicts([row('a.txt', '同题', 1), row('b.txt', '同题', 2), row('c.txt', '别题', 1), row('d.txt', '另题', 1, 'g')]);
    assert.deepEqual(conflicts.get('f/a.txt')!.sameTitle.map((r) => r.name), ['b.txt']);
    assert.deepEqual(conflicts.get('f/a.txt')!.sameIndex.map((r) => r.name), ['c.txt']);
    assert.deepEqual(conflicts.get('f/b.txt')!.sameIndex, []);
    assert.equal(conflicts.has('g/d.txt'), false, 'the same index in another folder is no conflict');
  });
});

describe('status bar counts', () => {
  it('the seed: paragraphs, CJK characters, all characters, reading time', () => {
    const article = parseArticle(readSeed(SEED));
    const counts = articleCounts(article);
    const entry = entryOf(SEED);
    assert.deepEqual(counts, { paragraphs: entry.paragraphs, cjk: entry.cjk, chars: entry.chars });
    assert.equal(readingMinutes(counts.cjk, 400), Math.ceil(counts.cjk / 400));
    assert.equal(readingMinutes(counts.cjk, 1e9), 1, 'any text takes at least a minute');
    assert.equal(readingMinutes(0), 0);
  });

  it('counts CJK ideographs (supplementary planes too) apart from punctuation, digits and Latin', () => {
    assert.deepEqual(countChars('６月6日，河南𠀀A'), { cjk: 5, chars: 9 });
  });

  it('a selection counts only the selected part of the paragraphs it touches', () => {
    const text = '标题.txt\n<div><span> 　　第一段文字。</span></div><div><span> 　　第二段&amp;文字。</span></div>';
    const article = parseArticle(text);
    const first = article.blocks.find((b) => b.kind === 'paragraph')!;
    // Two characters of the first paragraph.
    const start = text.indexOf('第一');
    assert.deepEqual(selectionCounts(article, start, start + 2), { paragraphs: 1, cjk: 2, chars: 2 });
    // The whole first paragraph's text, indent not counted.
    assert.deepEqual(selectionCounts(article, first.textStart, first.textEnd), { paragraphs: 1, cjk: 5, chars: 6 });
    // Across both: the entity counts as one character.
    assert.deepEqual(selectionCounts(article, 0, text.length), articleCounts(article));
    assert.deepEqual(articleCounts(article), { paragraphs: 2, cjk: 10, chars: 13 });
    // Inside the markup only: nothing.
    assert.deepEqual(selectionCounts(article, text.indexOf('<div>'), text.indexOf('<div>') + 4), { paragraphs: 0, cjk: 0, chars: 0 });
  });
});
