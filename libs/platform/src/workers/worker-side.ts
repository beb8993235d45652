import { parentPort } from 'node:worker_threads';
import type { WorkerJobMessage, WorkerReplyMessage } from './worker-pool.js';

/**
 * The worker's side of a `WorkerPool`: answers each job with `work`'s result, or with the error
 * it threw (its name and message), and then says it is ready. Call it once the worker has
 * loaded what it needs.
 */
export function serveWorkerJobs<J, R>(work: (job: J) => R | Promise<R>): void {
  const port = parentPort;
  if (port === null) throw new Error('This module runs as a worker thread only');
  port.on('message', (message: WorkerJobMessage<J>) => {
    void (async (): Promise<WorkerReplyMessage<R>> => {
      try {
        return { id: message.id, result: await work(message.job) };
      } catch (error) {
        const { name, message: text } = error instanceof Error ? error : new Error(String(error));
        return { id: message.id, error: { name, message: text } };
      }
    })().then((reply) => port.postMessage(reply));
  });
  port.postMessage({ ready: true });
}
