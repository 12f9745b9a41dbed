/**
 * CPU time by kind of thread of this process (Linux /proc): the main thread, worker threads, and V8's own
 * background threads (concurrent compilers and garbage collection helpers), counted from when sampling starts.
 * Threads that end during the run keep the time of their last sample, so they are sampled several times a second.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A running sampler: stop() samples a last time and returns CPU seconds by thread name. */
export interface ThreadCpuSampler {
  stop(): Map<string, number>;
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux Node.js supports

/** Starts sampling; on a system without /proc/self/task, stop() returns an empty map. */
export function sampleThreadCpu(intervalMs = 200): ThreadCpuSampler {
  const byThread = new Map<string, { name: string; seconds: number }>();
  const atStart = new Map<string, number>();
  const sample = () => {
    let tids: string[];
    try {
      tids = readdirSync('/proc/self/task');
    } catch {
      return;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // `pid (name) state …`: the name may hold spaces and parentheses, so split after its last `)`.
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byThread.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND });
      } catch {
        // the thread ended between readdir and read: its last sample stands
      }
    }
  };
  sample();
  for (const [tid, { seconds }] of byThread) atStart.set(tid, seconds);
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const byName = new Map<string, number>();
      for (const [tid, { name, seconds }] of byThread) {
        byName.set(name, (byName.get(name) ?? 0) + seconds - (atStart.get(tid) ?? 0));
      }
      return byName;
    },
  };
}
