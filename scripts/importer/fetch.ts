/**
 * The importer's only network code: GET an http(s) URL with a timeout, a size cap and a redirect limit.
 * Everything else receives a {@link Fetcher}, so tests can point it at a local server or replace it.
 */
import { ImportError } from './errors.ts';

/** A downloaded resource. */
export interface FetchedResource {
  /** The final URL after redirects; the base for relative links. */
  url: string;
  bytes: Uint8Array;
  /** The Content-Type header, which may carry the charset. */
  contentType?: string;
}

/** Limits for one download. */
export interface FetchOptions {
  /** Whole-request timeout in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. @default 64 MiB */
  maxBytes?: number;
  /** Redirects followed before giving up. @default 5 */
  maxRedirects?: number;
}

/** Downloads one URL; the signature every caller depends on instead of the network. */
export type Fetcher = (url: string, options?: FetchOptions) => Promise<FetchedResource>;

const DEFAULTS: Required<FetchOptions> = { timeoutMs: 30_000, maxBytes: 64 * 1024 * 1024, maxRedirects: 5 };

/**
 * GETs `url`, following at most `maxRedirects` http(s) redirects.
 * @throws ImportError naming the URL and the reason: bad scheme, HTTP status, timeout, size, redirects.
 */
export const fetchUrl: Fetcher = async (url, options = {}) => {
  const limits = { ...DEFAULTS, ...options };
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = requireHttp(url, url);
  for (let redirects = 0; ; redirects += 1) {
    const response = await request(current, signal, limits.timeoutMs);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirects >= limits.maxRedirects) throw new ImportError(`${url}: more than ${limits.maxRedirects} redirects`);
      current = requireHttp(new URL(location, current).href, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImportError(`${current}: HTTP ${response.status} ${response.statusText}`.trim());
    }
    const bytes = await readCapped(response, current, limits, signal);
    const contentType = response.headers.get('content-type');
    return contentType ? { url: current, bytes, contentType } : { url: current, bytes };
  }
};

function requireHttp(target: string, original: string): string {
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    throw new ImportError(`${original}: not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ImportError(`${original}: only http and https URLs are fetched, not ${parsed.protocol}`);
  }
  return parsed.href;
}

async function request(url: string, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': 'opsdeck-importer' } });
  } catch (error) {
    throw networkError(url, error, timeoutMs);
  }
}

/** Reads the body chunk by chunk so an oversized or endless response is cut off, not buffered whole. */
async function readCapped(response: Response, url: string, limits: Required<FetchOptions>, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new ImportError(`${url}: ${declared} bytes is over the ${limits.maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new ImportError(`${url}: response is over the ${limits.maxBytes}-byte limit`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw networkError(url, signal.aborted ? signal.reason : error, limits.timeoutMs);
  }
  return Buffer.concat(chunks);
}

function networkError(url: string, error: unknown, timeoutMs: number): ImportError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new ImportError(`${url}: timed out after ${timeoutMs / 1000} s`);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new ImportError(`${url}: ${cause ?? message}`);
}
