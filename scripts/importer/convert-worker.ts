/**
 * Worker-thread entry point of the conversion pool (pool.ts): receives a batch `{ id, tasks }`, says
 * `{ id, started }` as it starts each task (the pool times them), and replies with `{ id, replies }`, one
 * `{ result }` or `{ error }` per task in the batch's order, so one failing entry fails alone. Loaded by Node
 * directly, so it uses only erasable TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { convertForSync, type ConvertTask, type SyncReadyOutcome } from './convert-task.ts';
import { describeError } from './errors.ts';
import type { TaskReply, WorkerBatch, WorkerReply, WorkerStart } from './pool.ts';

const port = parentPort;
if (!port) throw new Error('convert-worker.ts must be started as a worker thread');

port.on('message', ({ id, tasks }: WorkerBatch<ConvertTask>) => {
  const replies = tasks.map((task, index): TaskReply<SyncReadyOutcome> => {
    const start: WorkerStart = { id, started: index };
    port.postMessage(start);
    try {
      return { result: convertForSync(task) };
    } catch (error) {
      return { error: describeError(error) };
    }
  });
  const reply: WorkerReply<SyncReadyOutcome> = { id, replies };
  port.postMessage(reply);
});
