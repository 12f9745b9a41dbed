import { resolve } from 'node:path';

/** The built site a size benchmark reads: `--dist <dir>`, else `dist/`. Other arguments belong to other benchmarks. */
export function distDirOf(args: string[]): string {
  const flag = args.indexOf('--dist');
  const value = flag >= 0 ? args[flag + 1] : undefined;
  if (flag >= 0 && (value === undefined || value.startsWith('--'))) throw new Error('--dist needs the folder of a built site');
  return resolve(value ?? 'dist');
}
