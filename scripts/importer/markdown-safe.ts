/**
 * A faster `safe` for mdast-util-to-markdown that returns exactly what its own returns.
 *
 * The library makes a string safe (a text node, a link destination, an image's alt text) by running every
 * "unsafe" pattern in scope (about fifty regular expressions) over it, one after another: four fifths of
 * serialising a post. Most prose needs no escape at all. This first looks for the characters those patterns
 * escape, runs only the patterns of the characters it finds, and hands the string to the library only when one
 * of them matches; otherwise the library would have returned the string unchanged, which is what this returns.
 */
import type { Root } from 'mdast';
import { defaultHandlers, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';

/** For one construct stack: each character some pattern in scope escapes, with the patterns' expressions joined. */
type Checks = Array<{ character: string; expression: RegExp }>;

/**
 * Checks by construct stack, for each list of patterns. toMarkdown copies its list on every call, but the patterns
 * in it are the same objects call after call, so the lists are told apart by the ids of their patterns.
 */
const checksByPatterns = new Map<string, Map<string, Checks | null>>();
const patternIds = new WeakMap<Unsafe, number>();
let nextPatternId = 0;
const listKeys = new WeakMap<State['unsafe'], string>();

/** Deeper construct stacks (nested lists, quotes) are left to the library, so the cache stays small. */
const MAX_CACHED_DEPTH = 12;

function listKey(patterns: State['unsafe']): string {
  let key = listKeys.get(patterns);
  if (key === undefined) {
    key = patterns.map((pattern) => {
      let id = patternIds.get(pattern);
      if (id === undefined) patternIds.set(pattern, (id = nextPatternId++));
      return id;
    }).join(',');
    listKeys.set(patterns, key);
  }
  return key;
}

/** Whether a pattern applies inside the construct stack (the library's patternInScope). */
function inScope(stack: State['stack'], pattern: Unsafe): boolean {
  const any = (list: Unsafe['inConstruct'], none: boolean) => {
    const names = typeof list === 'string' ? [list] : list;
    return names === null || names === undefined || names.length === 0 ? none : names.some((name) => stack.includes(name));
  };
  return any(pattern.inConstruct, true) && !any(pattern.notInConstruct, false);
}

/** A pattern as the library compiles it, without its capture group. */
function patternSource(pattern: Unsafe): string {
  const before = (pattern.atBreak ? '[\\r\\n][\\t ]*' : '') + (pattern.before ? `(?:${pattern.before})` : '');
  const character = (/[$()*+.?[\\\]^{|}]/.test(pattern.character) ? '\\' : '') + pattern.character;
  return `${before ? `(?:${before})` : ''}${character}${pattern.after ? `(?:${pattern.after})` : ''}`;
}

/**
 * The checks for the state's construct stack, or null when the stack is deep or a pattern in scope depends on
 * neighbouring nodes or needs the `u` flag (the library's own handler deals with those).
 */
function checksFor(state: State): Checks | null {
  if (state.stack.length > MAX_CACHED_DEPTH) return null;
  const key = listKey(state.unsafe);
  let byStack = checksByPatterns.get(key);
  if (byStack === undefined) {
    byStack = new Map();
    checksByPatterns.set(key, byStack);
  }
  const stack = state.stack.join(' ');
  let checks = byStack.get(stack);
  if (checks === undefined) {
    const patterns = state.unsafe.filter((pattern) => inScope(state.stack, pattern));
    if (patterns.some((pattern) => pattern.beforeNode || pattern.afterNode || pattern.unicode)) checks = null;
    else {
      const characters = [...new Set(patterns.map((pattern) => pattern.character))];
      checks = characters.map((character) => ({
        character,
        expression: new RegExp(patterns.filter((p) => p.character === character).map(patternSource).join('|')),
      }));
    }
    byStack.set(stack, checks);
  }
  return checks;
}

/**
 * Whether the library could escape something in value: a pattern escapes its character, so only the patterns of
 * characters in value count, matched with the text around it (before and after) as the library does.
 */
function mayEscape(checks: Checks, value: string, before: string, after: string): boolean {
  let subject: string | undefined;
  for (const { character, expression } of checks) {
    if (!value.includes(character)) continue;
    subject ??= before + value + after;
    if (expression.test(subject)) return true;
  }
  return false;
}

/**
 * The library's `safe` for one serialisation: the value itself when nothing in it could be escaped, else the
 * library's answer. `safe` leaves a value alone when no pattern matches in it and it holds no backslash (a
 * backslash before punctuation, even one that follows the value, gets escaped); in an autolink it
 * percent-encodes instead. Its `encode` option only picks how a match is escaped, so it changes nothing here.
 * The library's own is called as a method: it reads the state from `this`.
 */
function fasterSafe(state: State, librarySafe: State['safe']): State['safe'] {
  return (input, config) => {
    const value = input ?? '';
    const before = config.before ?? '';
    const after = config.after ?? '';
    const checks = checksFor(state);
    if (
      checks === null ||
      value.includes('\\') ||
      after.includes('\\') ||
      state.stack.includes('autolink') ||
      mayEscape(checks, value, before, after)
    ) {
      return librarySafe.call(state, input, config);
    }
    return value;
  };
}

/**
 * The library's `root` handler, after swapping the state's `safe` for {@link fasterSafe}: every text, link and
 * image destination, image alt and code-fence info string then goes through it.
 */
export const root: Handle = (node: Root, parent, state, info) => {
  state.safe = fasterSafe(state, state.safe);
  return defaultHandlers.root(node, parent, state, info);
};
