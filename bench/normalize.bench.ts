/**
 * What normalizing costs on the generated 15 MB article: once in the seed's own (canonical) form,
 * where the answer is "no edit", and once in block style (`;display:block` on every span), where
 * every paragraph changes. Parsing is included, as the command does it; the safety re-parse of
 * the result (normalizeChecked) is measured too.
 */
import { normalizeChecked, normalizeEdits, DEFAULT_NORMALIZE_OPTIONS } from '../src/core/normalize';
import { parseArticle } from '../src/core/parse';
import { bigArticle, megabytes } from './fixtures';
import { registerBench } from './harness';

registerBench({
  name: 'normalize the generated big article',
  run(ctx) {
    if (!['normalize.canonical', 'normalize.block', 'normalize.checked'].some((id) => ctx.selected(id))) return;
    const canonical = bigArticle().text;
    // Every span's style differs from the canonical one: every paragraph gets an edit.
    const block = canonical.replace(/text-indent:30px'/g, "text-indent:30px;display:block'");
    ctx.note(`normalize: canonical ${megabytes(canonical)}, block style ${megabytes(block)}`);
    ctx.measure({
      id: 'normalize.canonical',
      label: 'parse + normalizeEdits, already canonical (no edit)',
      run: () => normalizeEdits(parseArticle(canonical)),
      warmup: 1,
      reps: 5,
    });
    ctx.measure({
      id: 'normalize.block',
      label: 'parse + normalizeEdits, every paragraph changes',
      run: () => normalizeEdits(parseArticle(block)),
      warmup: 1,
      reps: 5,
    });
    ctx.measure({
      id: 'normalize.checked',
      label: 'parse + normalizeChecked (with the safety re-parse)',
      run: () => normalizeChecked(parseArticle(block), DEFAULT_NORMALIZE_OPTIONS, parseArticle),
      warmup: 1,
      reps: 5,
    });
  },
});
