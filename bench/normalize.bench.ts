/**
 * What normalizing costs on the generated 15 MB article: once in the seed's own (canonical) form,
 * where the answer is "no edit", and once in block style (`;display:block` on every span), where
 * every paragraph changes. Parsing is included, as the command does it; the safety re-parse of
 * the result (normalizeChecked) is measured too. Then what writing the result back in the file's
 * own bytes costs (spliceEncoded: the edits spliced into the original bytes, verified by decoding
 * them again), in UTF-8 and in GB18030, next to what encoding the whole text anew costs.
 */
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/core/decode';
import { spliceEncoded } from '../src/core/encode';
import { normalizeChecked, normalizeEdits, DEFAULT_NORMALIZE_OPTIONS, type TextEdit } from '../src/core/normalize';
import { parseArticle } from '../src/core/parse';
import { bigArticle, megabytes } from './fixtures';
import { registerBench } from './harness';

const SPLICE_IDS = ['normalize.splice.utf8', 'normalize.splice.gb18030', 'normalize.encode.gb18030'];

registerBench({
  name: 'normalize the generated big article',
  run(ctx) {
    if (!['normalize.canonical', 'normalize.block', 'normalize.checked', ...SPLICE_IDS].some((id) => ctx.selected(id))) return;
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
    if (!SPLICE_IDS.some((id) => ctx.selected(id))) return;
    // The edits a byte-preserving write takes (normalizeChecked's fineEdits): one per paragraph here.
    const edits: TextEdit[] = normalizeEdits(parseArticle(block), DEFAULT_NORMALIZE_OPTIONS, true);
    const utf8Bytes = new TextEncoder().encode(block);
    const gbBytes = iconv.encode(block, 'gb18030');
    const utf8 = decodeBytes(utf8Bytes);
    const gb = decodeBytes(gbBytes);
    if (!utf8.ok || !gb.ok) throw new Error('bench: the big article does not decode');
    ctx.note(`splice: ${edits.length} edits, ${(utf8Bytes.length / 1e6).toFixed(1)} MB UTF-8, ${(gbBytes.length / 1e6).toFixed(1)} MB GB18030`);
    const encoder = new TextEncoder();
    ctx.measure({
      id: 'normalize.splice.utf8',
      label: 'spliceEncoded, every paragraph changes, UTF-8 (with the read-back check)',
      run: () => spliceEncoded(utf8Bytes, utf8, edits, (text) => encoder.encode(text)),
      warmup: 1,
      reps: 5,
    });
    ctx.measure({
      id: 'normalize.splice.gb18030',
      label: 'spliceEncoded, every paragraph changes, GB18030 (with the read-back check)',
      run: () => spliceEncoded(gbBytes, gb, edits, (text) => iconv.encode(text, 'gb18030')),
      warmup: 1,
      reps: 5,
    });
    ctx.measure({
      id: 'normalize.encode.gb18030',
      label: 'for comparison: iconv-lite encodes the whole normalized text anew, GB18030',
      run: () => iconv.encode(block, 'gb18030'),
      warmup: 1,
      reps: 5,
    });
  },
});
