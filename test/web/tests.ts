/**
 * What the web tier runs in the web worker extension host: the integration suite's files in the
 * order the Node run takes them (by name), then the web tier's own checks. The one Node-only test
 * (normalize.test.ts: modes and links on this machine) skips itself there.
 */
import '../integration/corpus.test';
import '../integration/editor.test';
import '../integration/export.test';
import '../integration/feedback.test';
import '../integration/language.test';
import '../integration/lint.test';
import '../integration/markup.test';
import '../integration/normalize.test';
import '../integration/outline.test';
import '../integration/settings.test';
import '../integration/smoke.test';
import '../integration/symbols.test';
import '../integration/walkthrough.test';
import './web.test';
