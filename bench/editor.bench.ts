/**
 * The Article Editor's host side on the generated 15 MB article, per keystroke: turning the
 * page's edit message into a source edit, then bringing the parsed article and the page's block
 * list up to date (incremental update and the splice of changed blocks). VS Code's own cost of
 * applying the edit to the TextDocument is not in here. Target: at most 16 ms in all.
 */
import { updateArticle } from '../src/core/incremental';
import type { Article } from '../src/core/model';
import { applyEdits } from '../src/core/normalize';
import { parseArticle } from '../src/core/parse';
import { diffView, editorView, editText, viewIndex } from '../src/editor/edits';
import { bigArticle } from './fixtures';
import { registerBench } from './harness';

registerBench({
  name: 'Article Editor, one keystroke in the 15 MB article',
  run(ctx) {
    if (!['editor.edit', 'editor.update', 'editor.keystroke'].some((id) => ctx.selected(id))) return;
    let article: Article = parseArticle(bigArticle().text);
    let view = editorView(article);
    const target = Math.floor(viewIndex(article).length / 2);
    let typed = 0;
    /** One keystroke: the message → a source edit → the article and the view brought up to date. */
    const keystroke = (): number => {
      const index = viewIndex(article);
      const edit = editText(article, index[target]!, 2, 2, typed++ % 2 === 0 ? '新' : '闻');
      // As in the extension: the new text comes from the editor's document when (if) it is needed.
      const before = new WeakRef(article);
      const next = updateArticle(article, edit, () => applyEdits(before.deref()!.source, [edit])) ?? parseArticle(applyEdits(article.source, [edit]));
      const change = diffView(article, view, next);
      article = next;
      view = change.view;
      return change.from;
    };
    ctx.measure({
      id: 'editor.edit',
      label: 'edit message → source edit',
      run: () => editText(article, viewIndex(article)[target]!, 2, 2, '新'),
      inner: 'auto',
      warmup: 20,
      reps: 20,
    });
    ctx.measure({
      id: 'editor.keystroke',
      label: 'keystroke: source edit + article update + block splice',
      run: keystroke,
      warmup: 5,
      reps: 30,
      targetMs: 16,
    });
  },
});
