/**
 * `normalize --check`'s side of a worker thread (src/cli/worker.ts): batches of
 * {@link NormalizeCheckJob}s in, whether each file would change (or why it may not be normalized)
 * out. Part of dist/worker.js (src/cli/workerMain.ts), with the export.
 */
import { parentPort } from 'node:worker_threads';
import { runNormalizeCheckJob, type NormalizeCheckJob, type NormalizeCheckResult } from '../core/batch/normalize';
import { nodeFs } from '../node/batchFs';

export function serveNormalizeChecks(): void {
  parentPort!.on('message', (jobs: NormalizeCheckJob[]) => {
    void (async () => {
      const results: NormalizeCheckResult[] = [];
      for (const job of jobs) results.push(await runNormalizeCheckJob(nodeFs, job));
      parentPort!.postMessage(results);
    })();
  });
}
