/**
 * The export's worker thread: batches of jobs in, their results out, until the pool ends it. The
 * work is the core's {@link runExportJob} over Node's file system. The worker is the CLI's own
 * script (dist/cli.js), started with `workerData.articleExportWorker`.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runExportJob, type ExportJob } from '../core/batch/export';
import { nodeFs } from '../node/batchFs';

export function isExportWorker(): boolean {
  return !isMainThread && (workerData as { articleExportWorker?: boolean } | undefined)?.articleExportWorker === true;
}

export function serveExportJobs(): void {
  parentPort!.on('message', (jobs: ExportJob[]) => {
    void (async () => {
      const results = [];
      for (const job of jobs) results.push(await runExportJob(nodeFs, job));
      parentPort!.postMessage(results);
    })();
  });
}
