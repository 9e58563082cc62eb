/**
 * The web tier's entry point: loaded by the web worker extension host as `extensionTestsPath`
 * (scripts/vscode-host.mjs `test web`, the extension forced into that host with
 * `extensionDevelopmentKind: web`). No Node there: mocha is its browser build, bundled in, and the
 * counts go back as one console line (`ARTICLE_WEB_RESULT {...}`) that the host script reads from
 * the page and writes to test-results/web.json.
 */
import 'mocha/mocha.js';

export const RESULT_PREFIX = 'ARTICLE_WEB_RESULT ';

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  return import('./tests').then(
    () =>
      new Promise<void>((resolve, reject) => {
        // Mocha's own run, not the browser build's wrapper, which reads the page's location.search
        // (a worker has none) for a grep.
        const runner = Mocha.prototype.run.call(mocha, (failures) => {
          const { passes = 0, pending = 0 } = runner.stats ?? {};
          console.log(RESULT_PREFIX + JSON.stringify({ passed: passes, failed: failures, pending }));
          if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
          else resolve();
        });
      }),
    (error: unknown) => {
      // A test file that throws while loading.
      console.log(RESULT_PREFIX + JSON.stringify({ passed: 0, failed: 1, pending: 0 }));
      throw error instanceof Error ? error : new Error(String(error));
    },
  );
}
