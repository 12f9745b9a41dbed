import { getCommandNames } from 'just-bash';

/**
 * Programs the in-page sandbox (just-bash, browser build) runs, for build-time planning. Commands that need
 * Node.js or the network are not available in the browser and are left out (see just-bash's README, "Browser
 * Support"); `gzip` family commands use node:zlib, which the browser bundle lacks.
 */
const NOT_IN_BROWSER = new Set(['python', 'python3', 'sqlite3', 'js-exec', 'curl', 'html-to-markdown', 'gzip', 'gunzip', 'zcat']);

/** The sandbox's programs by name. */
export const sandboxCommands: ReadonlySet<string> = new Set(getCommandNames().filter((name) => !NOT_IN_BROWSER.has(name)));
