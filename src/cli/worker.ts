/**
 * The CLI's worker threads: batches of jobs in, their results out, until the pool ends it. The
 * work is the core's export job (src/cli/exportWorker.ts), `normalize --check`
 * (src/cli/normalizeWorker.ts) or {@link runLintJob} over Node's file system. Export and check
 * workers run dist/worker.js (src/cli/workerMain.ts), a lint worker the CLI's own script (dist/cli.js); either is started with `workerData.articleBatchWorker`
 * naming the job kind (src/cli/pool.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runLintJob, type LintJob } from '../core/batch/lint';
import { nodeFs } from '../node/batchFs';
import { encodeText } from '../node/encode';
import { serveExportJobs } from './exportWorker';
import { runRecordJob, type RecordJob } from './fromJsonl';
import { serveNormalizeChecks } from './normalizeWorker';
import type { BatchKind } from './pool';

export function batchKind(): BatchKind | undefined {
  if (isMainThread) return undefined;
  const data = workerData as { articleBatchWorker?: unknown } | undefined;
  const kind = data?.articleBatchWorker;
  return kind === 'export' || kind === 'lint' || kind === 'normalize' || kind === 'mapper' ? kind : undefined;
}

export function isBatchWorker(): boolean {
  return batchKind() !== undefined;
}

export function serveBatchJobs(): void {
  if (batchKind() === 'mapper') {
    // `export --from-jsonl`: blocks of JSON lines in, their output lines out (src/cli/fromJsonl.ts).
    parentPort!.on('message', (jobs: RecordJob[]) => parentPort!.postMessage(jobs.map(runRecordJob)));
    return;
  }
  if (batchKind() === 'export') {
    serveExportJobs();
    return;
  }
  if (batchKind() === 'normalize') {
    serveNormalizeChecks();
    return;
  }
  parentPort!.on('message', (jobs: LintJob[]) => {
    void (async () => {
      const results = [];
      for (const job of jobs) results.push(await runLintJob(nodeFs, job, encodeText));
      parentPort!.postMessage(results);
    })();
  });
}
