/**
 * The CLI's worker threads: batches of jobs in, their results out, until the pool ends it. The
 * work is the core's {@link runExportJob} or {@link runLintJob} over Node's file system. The worker
 * is the CLI's own script (dist/cli.js), started with `workerData.articleBatchWorker` (src/cli/pool.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runExportJob, type ExportJob } from '../core/batch/export';
import { runLintJob, type LintJob } from '../core/batch/lint';
import { nodeFs } from '../node/batchFs';
import { encodeText } from '../node/encode';
import { runRecordJob, type RecordJob } from './fromJsonl';
import type { BatchKind } from './pool';

function kind(): BatchKind | undefined {
  if (isMainThread) return undefined;
  const data = workerData as { articleBatchWorker?: unknown } | undefined;
  const job = data?.articleBatchWorker;
  return job === 'export' || job === 'lint' || job === 'mapper' ? job : undefined;
}

export function isBatchWorker(): boolean {
  return kind() !== undefined;
}

export function serveBatchJobs(): void {
  if (kind() === 'mapper') {
    // `export --from-jsonl`: blocks of JSON lines in, their output lines out (src/cli/fromJsonl.ts).
    parentPort!.on('message', (jobs: RecordJob[]) => parentPort!.postMessage(jobs.map(runRecordJob)));
    return;
  }
  const lint = kind() === 'lint';
  parentPort!.on('message', (jobs: (ExportJob | LintJob)[]) => {
    void (async () => {
      const results = [];
      for (const job of jobs) results.push(lint ? await runLintJob(nodeFs, job as LintJob, encodeText) : await runExportJob(nodeFs, job as ExportJob));
      parentPort!.postMessage(results);
    })();
  });
}
