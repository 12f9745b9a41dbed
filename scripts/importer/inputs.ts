/**
 * Command-line inputs → named byte sources. Folders are walked (sorted, hidden files skipped), URLs go
 * through the fetcher. Loading is lazy so a folder of large exports is never held in memory at once.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportError } from './errors.ts';
import type { Fetcher } from './fetch.ts';

/** Bytes of one input, with what is known about where they came from. */
export interface LoadedInput {
  bytes: Uint8Array;
  /** HTTP Content-Type, for URLs. */
  contentType?: string;
  /** Final URL, for URLs: the base for relative links. */
  url?: string;
}

/** One input to import: its name for messages and a way to load it. */
export interface NamedInput {
  name: string;
  load(): Promise<LoadedInput>;
}

/** An argument that could not become an input (missing path, unsupported URL scheme). */
export interface BadInput {
  name: string;
  error: ImportError;
}

/** Largest local file read. @default 128 MiB, like the XML cap. */
const MAX_FILE_BYTES = 128 * 1024 * 1024;

/** Expands arguments into inputs, in order; each argument that cannot be used becomes a BadInput. */
export async function expandInputs(args: string[], fetcher: Fetcher): Promise<Array<NamedInput | BadInput>> {
  const out: Array<NamedInput | BadInput> = [];
  for (const arg of args) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
      out.push(urlInput(arg, fetcher));
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (!info) out.push({ name: arg, error: new ImportError(`${arg}: no such file or folder`) });
    else if (info.isDirectory()) out.push(...(await folderInputs(arg)));
    else out.push(fileInput(arg));
  }
  return out;
}

/** An http(s) URL as an input, fetched when loaded; other schemes are a BadInput. */
export function urlInput(url: string, fetcher: Fetcher): NamedInput | BadInput {
  if (!/^https?:\/\//i.test(url)) {
    return { name: url, error: new ImportError(`${url}: only http and https URLs can be imported`) };
  }
  return {
    name: url,
    async load() {
      const fetched = await fetcher(url);
      return fetched.contentType
        ? { bytes: fetched.bytes, url: fetched.url, contentType: fetched.contentType }
        : { bytes: fetched.bytes, url: fetched.url };
    },
  };
}

function fileInput(path: string): NamedInput {
  return {
    name: path,
    async load() {
      const info = await stat(path);
      if (info.size > MAX_FILE_BYTES) {
        throw new ImportError(`${path}: ${(info.size / 1048576).toFixed(1)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit`);
      }
      return { bytes: await readFile(path) };
    },
  };
}

async function folderInputs(folder: string): Promise<NamedInput[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const inputs: NamedInput[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) inputs.push(...(await folderInputs(path)));
    else if (entry.isFile()) inputs.push(fileInput(path));
  }
  return inputs;
}

/** Narrows an expanded input. */
export function isBadInput(input: NamedInput | BadInput): input is BadInput {
  return 'error' in input;
}
