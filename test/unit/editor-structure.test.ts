/**
 * The Article Editor's block operations keep the file's structure: every operation on every kind
 * of block, in every layout, leaves a file that parses back to exactly the blocks it should.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Article } from '../../src/core/model';
import { applyEdits, DEFAULT_NORMALIZE_OPTIONS, normalizeEdits, type TextEdit } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { deleteBlock, editText, insertParagraph, mergeParagraphs, splitParagraph, swapBlocks, viewIndex } from '../../src/core/edits';
import { generateArticle, IMAGE_PLACEHOLDER, mixSeed, type GenerateOptions } from '../support/generate';
import { readSeed } from '../support/seeds';

/** One shown block as a reader checks it: an image, or a paragraph's clean text and heading level. */
interface Shown {
  readonly kind: 'image' | 'paragraph';
  readonly text: string;
  /** The heading level; `null` for none; `undefined` where the operation may change it (edited text). */
  readonly heading?: number | null;
}

function shown(article: Article): Shown[] {
  return viewIndex(article).map((i) => {
    const block = article.blocks[i]!;
    return block.kind === 'image' ? { kind: 'image', text: '' } : { kind: 'paragraph', text: block.text.trim(), heading: block.heading?.level ?? null };
  });
}

/** The file's lines that hold a placeholder line glued to something else. */
function gluedPlaceholders(source: string): string[] {
  return source.split(/\r?\n/).filter((line) => /-{10,}/.test(line) && !IMAGE_PLACEHOLDER.includes(line));
}

function assertShows(article: Article, expected: readonly Shown[], what: string): void {
  // Plain text has empty paragraphs only where they carry an indent (a blank line is no paragraph: FORMAT.md, variant D).
  const now = article.layout === 'plain' ? shown(article).filter((b) => b.kind === 'image' || b.text !== '') : shown(article);
  const model = article.layout === 'plain' ? expected.filter((b) => b.kind === 'image' || b.text !== '') : expected;
  const comparable = now.map((b, k) => (model[k] && model[k].heading === undefined ? { kind: b.kind, text: b.text } : b));
  assert.deepEqual(comparable, model.map((b) => (b.heading === undefined ? { kind: b.kind, text: b.text } : b)), what);
  assert.deepEqual(gluedPlaceholders(article.source), [], `${what}: placeholder lines stand alone`);
}

describe('Article Editor: moving an image block (seed 006)', () => {
  const source = readSeed('006_variant-ae-image-placeholder-html.txt');
  const article = parseArticle(source);
  const index = viewIndex(article);
  const before = shown(article);
  const image = before.findIndex((b) => b.kind === 'image');

  it('the seed shows paragraph, paragraph, image, paragraph, paragraph', () => {
    assert.deepEqual(before.map((b) => b.kind), ['paragraph', 'paragraph', 'image', 'paragraph', 'paragraph']);
  });

  it('moving the image up keeps the placeholder on lines of its own and every paragraph as it was', () => {
    const after = parseArticle(applyEdits(source, [swapBlocks(article, index[image - 1]!, index[image]!)]));
    assertShows(after, [before[0]!, before[2]!, before[1]!, before[3]!, before[4]!], 'image up');
    assert.ok(!after.source.includes('</div>-'), 'no dash line glued to a paragraph');
    // Moving it back down gives the file it came from.
    const back = parseArticle(applyEdits(after.source, [swapBlocks(after, viewIndex(after)[image - 1]!, viewIndex(after)[image]!)]));
    assert.equal(back.source, source);
  });

  it('moving the image down, and moving the paragraph above it down past it, keep the file whole', () => {
    const down = parseArticle(applyEdits(source, [swapBlocks(article, index[image]!, index[image + 1]!)]));
    assertShows(down, [before[0]!, before[1]!, before[3]!, before[2]!, before[4]!], 'image down');
    assert.ok(!down.source.includes('</div>-') && !/- <div/.test(down.source), 'no dash line glued to a paragraph');
    const paragraphDown = parseArticle(applyEdits(source, [swapBlocks(article, index[image - 1]!, index[image]!)]));
    assertShows(paragraphDown, [before[0]!, before[2]!, before[1]!, before[3]!, before[4]!], 'paragraph down past the image');
  });

  it('deleting the paragraph before the image, or inserting one before it, keeps the placeholder on its own lines', () => {
    const deleted = parseArticle(applyEdits(source, [deleteBlock(article, index[image - 1]!)]));
    assertShows(deleted, [before[0]!, before[2]!, before[3]!, before[4]!], 'delete');
    const second = parseArticle(applyEdits(source, [deleteBlock(article, index[0]!)]));
    const first = parseArticle(applyEdits(second.source, [deleteBlock(second, viewIndex(second)[0]!)]));
    assertShows(first, [before[2]!, before[3]!, before[4]!], 'image first');
    const inserted = parseArticle(applyEdits(first.source, [insertParagraph(first, -1)!]));
    assertShows(inserted, [{ kind: 'paragraph', text: '', heading: null }, before[2]!, before[3]!, before[4]!], 'insert before the image');
  });
});

/** The layouts of FORMAT.md the editor must keep: one line, block per line, plain text, CRLF, markup. */
const LAYOUTS: readonly { name: string; options: GenerateOptions; blockPerLine?: boolean }[] = [
  { name: 'one line (A, images, empty paragraphs)', options: { variant: 'A', images: 2, emptyParagraphs: 2 } },
  { name: 'block style (B, images)', options: { variant: 'B', images: 2, emptyParagraphs: 1 } },
  { name: 'block per line', options: { variant: 'A', images: 2, emptyParagraphs: 1 }, blockPerLine: true },
  { name: 'plain text (D, images)', options: { variant: 'D', images: 2 } },
  { name: 'CRLF one line', options: { variant: 'A', images: 2, emptyParagraphs: 1, crlf: true } },
  { name: 'CRLF plain text', options: { variant: 'D', images: 1, crlf: true } },
  { name: 'CRLF block per line', options: { variant: 'A', images: 1, crlf: true }, blockPerLine: true },
  { name: 'hand-edited markup (I)', options: { variant: 'I' } },
  { name: 'title running into the body (C)', options: { variant: 'C', emptyParagraphs: 1 } },
];

function articleFor(layout: (typeof LAYOUTS)[number], seed: number): Article {
  const generated = generateArticle(mixSeed(0x5ec7, seed), { paragraphs: 3 + (seed % 5), ...layout.options });
  let text = generated.text;
  if (layout.blockPerLine) {
    const article = parseArticle(text);
    text = applyEdits(text, normalizeEdits(article, { ...DEFAULT_NORMALIZE_OPTIONS, layout: 'blockPerLine', removeEmptyParagraphs: false }));
  }
  return parseArticle(text);
}

const OPS = ['type', 'erase', 'split', 'merge', 'up', 'down', 'delete', 'insert', 'insertFirst'] as const;

describe('Article Editor: every block operation keeps the blocks it should (property)', () => {
  for (const layout of LAYOUTS) {
    it(`${layout.name}: random operations on random blocks`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000 }),
          fc.array(fc.tuple(fc.constantFrom(...OPS), fc.nat(), fc.nat(), fc.nat(), fc.string({ unit: fc.constantFrom(...'字文<>&a'.split('')), minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 10 }),
          (seed, ops) => {
            let article = articleFor(layout, seed);
            let model = shown(article);
            for (const [op, which, p, q, typed] of ops) {
              const index = viewIndex(article);
              if (index.length === 0 && op !== 'insertFirst') break;
              const v = index.length > 0 ? which % index.length : 0;
              const block = article.blocks[index[v] ?? 0];
              const paragraph = block?.kind === 'paragraph';
              const text = paragraph ? block.text : '';
              let next: Shown[] = model.slice();
              const before = article.source;
              /** The edit the operation gave (`undefined`: refused), or 'not tried' where it does not apply to this block. */
              let attempt: TextEdit | undefined | 'not tried' = 'not tried';
              const edited = (t: string): Shown => ({ kind: 'paragraph', text: t.trim() });
              if (op === 'type' && paragraph) {
                const at = p % (text.length + 1);
                attempt = editText(article, index[v]!, at, at, typed);
                next[v] = edited(text.slice(0, at) + typed + text.slice(at));
              } else if (op === 'erase' && paragraph && text.length > 0) {
                const from = p % text.length;
                const to = from + 1 + (q % (text.length - from));
                attempt = editText(article, index[v]!, from, to, '');
                next[v] = edited(text.slice(0, from) + text.slice(to));
              } else if (op === 'split' && paragraph) {
                const at = p % (text.length + 1);
                attempt = splitParagraph(article, index[v]!, at);
                const blank = (t: string): boolean => t.trim() === '';
                // A blank half is a new empty paragraph; the other half keeps its text and its heading.
                const head = blank(text.slice(0, at)) ? { kind: 'paragraph' as const, text: '', heading: null } : edited(text.slice(0, at));
                const tail = blank(text.slice(at)) && !blank(text.slice(0, at)) ? { kind: 'paragraph' as const, text: '', heading: null } : edited(text.slice(at));
                if (blank(text.slice(0, at))) next.splice(v, 1, head, model[v]!);
                else if (blank(text.slice(at))) next.splice(v, 1, model[v]!, tail);
                else next.splice(v, 1, head, tail);
              } else if (op === 'merge' && paragraph && v > 0 && article.blocks[index[v - 1]!]!.kind === 'paragraph') {
                attempt = mergeParagraphs(article, index[v - 1]!, index[v]!);
                // The second paragraph's indent does not go into the middle of the joined text.
                const first = article.blocks[index[v - 1]!]!.text;
                next.splice(v - 1, 2, edited(first + (first.trim() === '' ? text : text.trimStart())));
              } else if (op === 'up' && v > 0) {
                attempt = swapBlocks(article, index[v - 1]!, index[v]!);
                next.splice(v - 1, 2, model[v]!, model[v - 1]!);
              } else if (op === 'down' && v + 1 < index.length) {
                attempt = swapBlocks(article, index[v]!, index[v + 1]!);
                next.splice(v, 2, model[v + 1]!, model[v]!);
              } else if (op === 'delete' && index.length > 0) {
                attempt = deleteBlock(article, index[v]!);
                next.splice(v, 1);
              } else if (op === 'insert' && index.length > 0) {
                attempt = insertParagraph(article, index[v]!);
                next.splice(v + 1, 0, { kind: 'paragraph', text: '', heading: null });
              } else if (op === 'insertFirst') {
                attempt = insertParagraph(article, -1);
                next.splice(0, 0, { kind: 'paragraph', text: '', heading: null });
              }
              if (attempt === 'not tried') continue;
              const edit = attempt;
              if (!edit) {
                // Only what a plain-text article cannot hold is refused: an empty paragraph.
                assert.ok(article.layout === 'plain' && next.some((b) => b.kind === 'paragraph' && b.text === '') && (op === 'split' || op.startsWith('insert')), `${op} refused`);
                continue;
              }
              article = parseArticle(applyEdits(before, [edit]));
              if (article.layout === 'plain') next = next.filter((b) => b.kind === 'image' || b.text !== '');
              assertShows(article, next, `${op} on block ${v} of\n${JSON.stringify(before)}\ngave\n${JSON.stringify(article.source)}`);
              assert.equal(article.titleLine.raw, parseArticle(before).titleLine.raw, `${op}: line 1 stays`);
              model = shown(article);
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
