/**
 * A small fixed-size pool of worker threads running one task module. Tasks are queued and handed to the
 * first idle worker; results come back in whatever order they finish, matched by task id.
 */
import { Worker } from 'node:worker_threads';

/** Message a pool worker sends back for one task. */
export type WorkerReply<Out> = { id: number; result: Out } | { id: number; error: string };

interface Pending<Out> {
  resolve: (value: Out) => void;
  reject: (error: Error) => void;
}

/** Runs tasks on `size` worker threads started from `script` (see convert-worker.ts for the protocol). */
export class WorkerPool<In, Out> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; task: In }> = [];
  private readonly pending = new Map<number, Pending<Out>>();
  private readonly running = new Map<Worker, number>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(script: URL, size: number) {
    for (let index = 0; index < size; index += 1) {
      const worker = new Worker(script);
      worker.on('message', (reply: WorkerReply<Out>) => this.settle(worker, reply));
      // A worker that dies (out of memory, a crash in native code) fails its task and the pool.
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(worker, new Error(`worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Queues a task; resolves with the worker's result or rejects with its error message. */
  run(task: In): Promise<Out> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const promise = new Promise<Out>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task });
    this.dispatch();
    return promise;
  }

  /** Stops every worker. Pending tasks are rejected. */
  async close(): Promise<void> {
    this.failure ??= new Error('worker pool closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job.id);
      worker.postMessage(job);
    }
  }

  private settle(worker: Worker, reply: WorkerReply<Out>): void {
    this.running.delete(worker);
    this.idle.push(worker);
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('error' in reply) pending?.reject(new Error(reply.error));
    else pending?.resolve(reply.result);
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    this.failure ??= error;
    const id = this.running.get(worker);
    if (id !== undefined) {
      this.pending.get(id)?.reject(error);
      this.pending.delete(id);
    }
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    this.queue.length = 0;
  }
}
