/**
 * Where a benchmark's CPU goes: runs a function under V8's sampling profiler (node:inspector, this thread only)
 * and sums the samples' self time by where the code lives: an npm package, a file of this project, a Node.js
 * built-in, or the engine itself (garbage collector, idle, program). Native code (system calls, compiled regular
 * expressions) counts for the place that called it.
 */
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';

/** Self time of one place the code lives. */
export interface CpuShare {
  where: string;
  seconds: number;
}

/** What {@link profileCpu} measured: fn's result, and the sampled time by place, largest first. */
export interface CpuProfile<T> {
  result: T;
  shares: CpuShare[];
  totalSeconds: number;
}

/** Runs fn under the sampling profiler. Only this thread is sampled: run the code under test inline. */
export async function profileCpu<T>(fn: () => Promise<T>): Promise<CpuProfile<T>> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await fn();
    const { profile } = await session.post('Profiler.stop');
    const shares = selfTimeByPlace(profile);
    return { result, shares, totalSeconds: shares.reduce((sum, share) => sum + share.seconds, 0) };
  } finally {
    session.disconnect();
  }
}

function selfTimeByPlace(profile: Profiler.Profile): CpuShare[] {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const placeOf = new Map<number, string>();
  // Parents first (V8 numbers a node after its parent), so a native call can take its caller's place.
  for (const node of [...profile.nodes].sort((a, b) => a.id - b.id)) {
    const parent = parentOf.get(node.id);
    placeOf.set(node.id, placeOfFrame(node.callFrame) ?? (parent === undefined ? undefined : placeOf.get(parent)) ?? '(program)');
  }
  const micros = new Map<string, number>();
  profile.samples?.forEach((id, index) => {
    const place = placeOf.get(id) ?? '(program)';
    micros.set(place, (micros.get(place) ?? 0) + (profile.timeDeltas?.[index] ?? 0));
  });
  return [...micros]
    .map(([where, total]) => ({ where, seconds: total / 1e6 }))
    .sort((a, b) => b.seconds - a.seconds);
}

/**
 * `parse5`, `@scope/name`, `scripts/importer/cards.ts`, `node:fs`, `(garbage collector)`; undefined for native
 * code (fs bindings, compiled regular expressions), whose time goes to the place that called it.
 */
function placeOfFrame(frame: Profiler.ProfileNode['callFrame']): string | undefined {
  const { url, functionName } = frame;
  const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage) return inPackage[1]!;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/').replace(/^node:internal\//, 'node:');
  const inProject = /\/(scripts|src)\/(.+)$/.exec(url);
  if (inProject) return `${inProject[1]}/${inProject[2]}`;
  if (url !== '') return url;
  return ['(garbage collector)', '(idle)', '(program)'].includes(functionName) ? functionName : undefined;
}
