/**
 * Parsing and outlining, against parse5 with source locations as the baseline: on the real seed
 * (microseconds: many calls a sample) and on the generated 15 MB article, plus the outline alone
 * and, after a one-character edit, what keeps the outline current while typing: the cached
 * article updated in place (core/incremental) and the outline built from it.
 */
import { parseFragment } from 'parse5';
import { buildOutline } from '../src/core/outline';
import { updateArticle } from '../src/core/incremental';
import { parseArticle } from '../src/core/parse';
import { bigArticle, bigGenerationMs, bigParagraphCount, megabytes, SEED_NAME, seedText } from './fixtures';
import { registerBench } from './harness';

/** What the editor does on every (debounced) change. */
function parseAndOutline(text: string): unknown {
  return buildOutline(parseArticle(text));
}

/** The baseline: a spec-compliant HTML parser that also records where every node is. */
function parse5WithLocations(text: string): unknown {
  return parseFragment(text, { sourceCodeLocationInfo: true });
}

/** The wanted speed-up over parse5. */
const PARSE5_RATIO = 7;

registerBench({
  name: `seed ${SEED_NAME}`,
  run(ctx) {
    if (!ctx.selected('seed.parse5') && !ctx.selected('seed.parse+outline')) return;
    const text = seedText();
    ctx.note(`seed: seeds/${SEED_NAME}, ${Buffer.byteLength(text, 'utf8')} bytes`);
    const base = ctx.measure({
      id: 'seed.parse5',
      label: 'parse5.parseFragment, with locations',
      run: () => parse5WithLocations(text),
      inner: 'auto',
      warmup: 100,
      reps: 60,
    });
    const ours = ctx.measure({
      id: 'seed.parse+outline',
      label: 'parseArticle + buildOutline',
      run: () => parseAndOutline(text),
      inner: 'auto',
      warmup: 500,
      reps: 60,
      targetMs: 0.05,
    });
    ctx.ratio('parse5 / ours, seed', base, ours, PARSE5_RATIO);
  },
});

registerBench({
  name: 'generated big article (15 MB by default)',
  run(ctx) {
    if (!['big.parse+outline', 'big.outline', 'big.edit', 'big.parse5'].some((id) => ctx.selected(id))) return;
    const big = bigArticle();
    const text = big.text;
    const headings = big.expectedHeadings.filter((h) => h !== null).length;
    ctx.note(
      `big: generateBigArticle(${bigParagraphCount()}), ${megabytes(text)}, ${big.expectedParagraphs.length} paragraphs ` +
        `(${headings} headings) on one line 2; generated in ${bigGenerationMs().toFixed(0)} ms`,
    );

    const ours = ctx.measure({
      id: 'big.parse+outline',
      label: 'parseArticle + buildOutline',
      run: () => parseAndOutline(text),
      warmup: 2,
      reps: 10,
      targetMs: 50,
    });

    const article = parseArticle(text);
    ctx.measure({
      id: 'big.outline',
      label: 'buildOutline alone',
      run: () => buildOutline(article),
      warmup: 3,
      reps: 15,
    });

    // Typing: one character inserted inside a paragraph's text, a different paragraph each time;
    // the edited text is built (and flattened) outside the timed region.
    const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph' && b.textEnd - b.textStart > 2);
    ctx.measure({
      id: 'big.edit',
      label: 'one-character edit: updateArticle + buildOutline',
      setup: (rep) => {
        const block = paragraphs[(Math.imul(rep + 7, 0x9e3779b1) >>> 0) % paragraphs.length]!;
        const at = (block.textStart + block.textEnd) >> 1;
        return { start: at, end: at, text: '改' };
      },
      // As the extension does it: the editor has the new text; the article is updated in place.
      run: (edit) => buildOutline(updateArticle(article, edit, () => text) ?? parseArticle(text.slice(0, edit.start) + edit.text + text.slice(edit.end))),
      warmup: 2,
      reps: 10,
      targetMs: 50,
    });

    // The baseline last: it is the slowest, and what matters for typing is measured by then.
    const base = ctx.measure({
      id: 'big.parse5',
      label: 'parse5.parseFragment, with locations',
      run: () => parse5WithLocations(text),
      warmup: 1,
      reps: 3,
      budgetMs: 15_000,
    });
    ctx.ratio('parse5 / ours, big article', base, ours, PARSE5_RATIO);
  },
});
