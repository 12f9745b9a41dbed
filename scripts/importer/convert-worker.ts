/**
 * Worker-thread entry point of the conversion pool (pool.ts): receives `{ id, task }`, replies with
 * `{ id, result }` or `{ id, error }`. Loaded by Node directly, so it uses only erasable TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { convertTask, type ConvertOutcome, type ConvertTask } from './convert-task.ts';
import { describeError } from './errors.ts';
import type { WorkerReply } from './pool.ts';

const port = parentPort;
if (!port) throw new Error('convert-worker.ts must be started as a worker thread');

port.on('message', ({ id, task }: { id: number; task: ConvertTask }) => {
  let reply: WorkerReply<ConvertOutcome>;
  try {
    reply = { id, result: convertTask(task) };
  } catch (error) {
    reply = { id, error: describeError(error) };
  }
  port.postMessage(reply);
});
