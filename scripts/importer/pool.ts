/**
 * A small fixed-size pool of worker threads running one task module. Tasks are queued and handed out in
 * batches, in order, to workers with room for more; results come back per task, matched by batch id.
 */
import { Worker } from 'node:worker_threads';

/** The outcome of one task, as a worker reports it. */
export type TaskReply<Out> = { result: Out } | { error: string };

/** Message the pool sends a worker: a batch of tasks. */
export interface WorkerBatch<In> {
  id: number;
  tasks: In[];
}

/** Message a pool worker sends back for one batch: one reply per task, in the batch's order. */
export interface WorkerReply<Out> {
  id: number;
  replies: TaskReply<Out>[];
}

/** Message a pool worker sends as it starts task `started` of batch `id`, so the pool can time each task. */
export interface WorkerStart {
  id: number;
  started: number;
}

interface Pending<Out> {
  resolve: (value: Out) => void;
  reject: (error: Error) => void;
}

/** Most tasks in one message: enough that messaging costs little per task, few enough to balance the workers. */
const MAX_BATCH = 16;
/** Batches a worker may hold at once: the next is already there when it finishes one, so it never waits. */
const BATCHES_PER_WORKER = 2;

/**
 * Young-generation size of each worker's heap. Conversions allocate fast and keep almost nothing. V8's default lets
 * each worker's heap grow by hundreds of MB (the 10,000-item bench peaked at ~850 MB RSS); 16 MB kept it near
 * 550 MB but scavenged so often that it cost ~10% more CPU than 48 MB, which peaks at about the same RSS (bench
 * runs: 534–556 MB). The old generation keeps its default limit, so a 5 MB item still fits.
 */
const YOUNG_GENERATION_MB = 48;

/** How long one task may run before its worker is replaced and the task fails. */
const DEFAULT_TASK_TIME_LIMIT_MS = 60_000;

/**
 * Runs tasks on `size` worker threads started from `script` (see convert-worker.ts for the protocol). A task that
 * runs longer than the time limit (hostile markup can drive a library into quadratic work) fails alone: its
 * worker is terminated and replaced, and the other tasks it held are queued again.
 */
export class WorkerPool<In, Out> {
  private readonly workers: Worker[] = [];
  private readonly queue: Array<{ task: In; pending: Pending<Out> }> = [];
  /** Batches sent and not answered, by id: the worker holding them, their tasks and their tasks' promises. */
  private readonly sent = new Map<number, { worker: Worker; tasks: In[]; pending: Pending<Out>[] }>();
  private readonly load = new Map<Worker, number>();
  /** The task each busy worker is running, and since when. */
  private readonly running = new Map<Worker, { id: number; index: number; since: number }>();
  /** Workers terminated for a task over the limit: their exit is no failure of the pool. */
  private readonly retired = new WeakSet<Worker>();
  private readonly watchdog: NodeJS.Timeout;
  private nextId = 0;
  private dispatchQueued = false;
  private failure: Error | undefined;

  private readonly script: URL;
  private readonly timeLimitMs: number;

  constructor(script: URL, size: number, timeLimitMs = DEFAULT_TASK_TIME_LIMIT_MS) {
    this.script = script;
    this.timeLimitMs = timeLimitMs;
    for (let index = 0; index < size; index += 1) this.addWorker();
    this.watchdog = setInterval(() => this.stopOverdue(), Math.min(1000, timeLimitMs / 4));
    this.watchdog.unref();
  }

  private addWorker(): void {
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on('message', (message: WorkerReply<Out> | WorkerStart) => {
      // a replaced worker's last messages may still arrive: its tasks are already failed or queued again
      if (this.retired.has(worker)) return;
      if ('started' in message) this.running.set(worker, { id: message.id, index: message.started, since: performance.now() });
      else this.settle(worker, message);
    });
    // A worker that dies (out of memory, a crash in native code) fails its tasks and the pool.
    worker.on('error', (error) => {
      if (!this.retired.has(worker)) this.fail(error);
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !this.retired.has(worker)) this.fail(new Error(`worker exited with code ${code}`));
    });
    this.workers.push(worker);
    this.load.set(worker, 0);
  }

  /** Replaces every worker whose current task has run over the limit; that task fails, the worker's others requeue. */
  private stopOverdue(): void {
    if (this.failure) return;
    const now = performance.now();
    for (const [worker, task] of this.running) {
      if (now - task.since <= this.timeLimitMs) continue;
      this.retired.add(worker);
      void worker.terminate();
      this.workers.splice(this.workers.indexOf(worker), 1);
      this.load.delete(worker);
      this.running.delete(worker);
      const again: Array<{ task: In; pending: Pending<Out> }> = [];
      for (const [id, batch] of this.sent) {
        if (batch.worker !== worker) continue;
        this.sent.delete(id);
        batch.tasks.forEach((item, index) => {
          if (id === task.id && index === task.index) {
            batch.pending[index]!.reject(new Error(`took longer than ${this.timeLimitMs / 1000} s to convert; skipped`));
          } else again.push({ task: item, pending: batch.pending[index]! });
        });
      }
      this.queue.unshift(...again);
      this.addWorker();
    }
    this.dispatch();
  }

  /** Queues a task; resolves with the worker's result or rejects with its error message. */
  run(task: In): Promise<Out> {
    if (this.failure) return Promise.reject(this.failure);
    const promise = new Promise<Out>((resolve, reject) => this.queue.push({ task, pending: { resolve, reject } }));
    // Dispatch once the caller has queued everything it has at hand, so batches can be full.
    if (!this.dispatchQueued) {
      this.dispatchQueued = true;
      queueMicrotask(() => {
        this.dispatchQueued = false;
        this.dispatch();
      });
    }
    return promise;
  }

  /** Stops every worker. Pending tasks are rejected. */
  async close(): Promise<void> {
    clearInterval(this.watchdog);
    this.failure ??= new Error('worker pool closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.rejectAll(this.failure);
  }

  /** Batch size for the queue as it is: smaller near the end, so the last tasks are shared between workers. */
  private batchSize(): number {
    return Math.max(1, Math.min(MAX_BATCH, Math.floor(this.queue.length / (this.workers.length * BATCHES_PER_WORKER))));
  }

  private dispatch(): void {
    if (this.failure) return;
    for (let sentOne = true; sentOne && this.queue.length > 0; ) {
      sentOne = false;
      for (const worker of this.workers) {
        if (this.queue.length === 0) break;
        if (this.load.get(worker)! >= BATCHES_PER_WORKER) continue;
        const jobs = this.queue.splice(0, this.batchSize());
        const id = this.nextId++;
        const tasks = jobs.map((job) => job.task);
        this.sent.set(id, { worker, tasks, pending: jobs.map((job) => job.pending) });
        this.load.set(worker, this.load.get(worker)! + 1);
        const batch: WorkerBatch<In> = { id, tasks };
        worker.postMessage(batch);
        sentOne = true;
      }
    }
  }

  private settle(worker: Worker, reply: WorkerReply<Out>): void {
    if (this.running.get(worker)?.id === reply.id) this.running.delete(worker);
    const batch = this.sent.get(reply.id);
    this.sent.delete(reply.id);
    this.load.set(worker, this.load.get(worker)! - 1);
    batch?.pending.forEach((pending, index) => {
      const outcome = reply.replies[index];
      if (outcome === undefined) pending.reject(new Error('worker sent no reply for a task'));
      else if ('error' in outcome) pending.reject(new Error(outcome.error));
      else pending.resolve(outcome.result);
    });
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.rejectAll(error);
  }

  private rejectAll(error: Error): void {
    for (const { pending } of this.sent.values()) for (const { reject } of pending) reject(error);
    this.sent.clear();
    for (const { pending } of this.queue) pending.reject(error);
    this.queue.length = 0;
  }
}
