/**
 * The sandbox worker: runs a post's snippets in a PostSandbox, off the page. A worker has no DOM, and the network
 * and storage APIs are removed below before any snippet runs, so a snippet reaches neither the page nor the network.
 */
import { PostSandbox } from './snippet-sandbox.ts';
import type { SandboxRequest, SandboxResult } from './snippet-sandbox-protocol.ts';

for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'BroadcastChannel', 'indexedDB', 'caches', 'importScripts']) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // already non-configurable in this browser: the interpreter still has no command that uses it
  }
}

let sandbox: PostSandbox | undefined;

// Requests are handled one at a time, in order: a snippet's commands, then the next snippet's.
let queue = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  queue = queue
    .then(async () => {
      if (request.type === 'init') sandbox = new PostSandbox(request.snippets);
      else if (!sandbox) throw new Error('the sandbox was not initialised');
      else self.postMessage(await sandbox.run(request.id, request.command));
    })
    .catch((error: unknown) => {
      const id = request.type === 'run' ? request.id : -1;
      const message = error instanceof Error ? error.message : String(error);
      self.postMessage({ type: 'result', id, stdout: '', stderr: `sandbox error: ${message}\n`, exitCode: 1, replayed: [], hostOnly: [], truncated: false, ms: 0 } satisfies SandboxResult);
    });
});
