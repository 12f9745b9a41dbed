/**
 * Snippet classification: gives every imported code block the language of opsdeck's snippet Markdown form.
 *
 * The form (documented in the README, rendered by src/markdown, emitted by every importer path):
 * - a fenced code block whose info string is `<lang>` or `<lang> <meta>`;
 * - `console` — a shell session: prompt lines (commands) followed by their output. The first prompt line fixes
 *   the session's prompt style; later lines are commands only when they use that same style (see parseSession);
 * - `bash` — commands or a shell script without prompts, runnable as written;
 * - any other Shiki language id for code and config files (`http`, `ini`, `yaml`, `nginx`, `apache`, `json`, …);
 * - `text` — program output, traces and anything unrecognised. Never runnable, never a session;
 * - meta is only `title="…"`, when the source named the file (a shortcode `title`).
 */

import { isSession, looksLikeCommand } from '../../src/lib/shell-session.ts';

/** Result of classifyCode. */
export interface ClassifiedCode {
  /** Language of the fence: a Shiki language id, `console`, `bash` or `text`. */
  lang: string;
  /** Meta string after the language, e.g. `title="nginx.conf"`. */
  meta?: string;
  /** The code, line endings normalised, surrounding blank lines removed. */
  code: string;
}

/** Hints the source gave about a block's language. */
export interface CodeHint {
  /** The class attribute of `<pre>`/`<code>`: `language-bash`, `lang-sh`, `brush: bash; gutter: false`. */
  className?: string;
  /** A language named by a shortcode (`[code lang=bash]`) or a Gutenberg attribute. */
  lang?: string;
  /** A file name named by the source (`[code title="nginx.conf"]`). */
  title?: string;
}

/** True when a line is shell syntax: a command, a comment, a keyword, an assignment or a continuation. */
function looksLikeShellLine(line: string): boolean {
  return (
    looksLikeCommand(line) ||
    /^\s*#/.test(line) ||
    /^\s*(export|if|then|else|elif|fi|for|do|done|while|until|case|esac|function)\b|^\s*[A-Za-z_]\w*=|\\$|^\s*[{}]\s*$/.test(line)
  );
}

/** Language names sources use, mapped to opsdeck's (Shiki) ids. */
const LANG_ALIASES: Record<string, string> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', ksh: 'bash', bash: 'bash',
  console: 'console', shellsession: 'console', 'shell-session': 'console', terminal: 'console',
  plain: 'text', plaintext: 'text', txt: 'text', text: 'text', none: 'text', output: 'text', log: 'text',
  js: 'javascript', javascript: 'javascript', jscript: 'javascript', ts: 'typescript', typescript: 'typescript',
  py: 'python', python: 'python', python3: 'python', rb: 'ruby', ruby: 'ruby', pl: 'perl', perl: 'perl',
  php: 'php', sql: 'sql', mysql: 'sql', pgsql: 'sql', postgresql: 'sql', xml: 'xml', xhtml: 'html', html: 'html',
  yml: 'yaml', yaml: 'yaml', json: 'json', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'properties',
  nginx: 'nginx', apache: 'apache', apacheconf: 'apache', httpd: 'apache', http: 'http', diff: 'diff',
  patch: 'diff', c: 'c', cpp: 'cpp', 'c++': 'cpp', csharp: 'csharp', 'c#': 'csharp', java: 'java', go: 'go',
  golang: 'go', rust: 'rust', css: 'css', powershell: 'powershell', ps: 'powershell', ps1: 'powershell',
  bat: 'bat', batch: 'bat', cmd: 'bat', dockerfile: 'dockerfile', docker: 'dockerfile', make: 'make',
  makefile: 'make', lua: 'lua', erlang: 'erlang', vb: 'vb', vbnet: 'vb', toml: 'toml', awk: 'awk',
};

/** Languages a hint may name that say "shell" without saying whether the block is a session. */
const SHELL_LANGS = new Set(['bash', 'console', 'text']);

/** Reads a language from a class attribute or an explicit hint; undefined when there is none. */
function hintedLang(hint: CodeHint | undefined): string | undefined {
  const candidates: string[] = [];
  if (hint?.lang) candidates.push(hint.lang);
  for (const token of (hint?.className ?? '').split(/[\s;]+/)) {
    const prefixed = /^(?:language|lang|highlight|sourceCode|brush:?)-?(.+)$/i.exec(token);
    if (prefixed?.[1]) candidates.push(prefixed[1]);
  }
  // SyntaxHighlighter writes `brush: bash; gutter: false`
  const brush = /\bbrush:\s*([\w#+-]+)/i.exec(hint?.className ?? '');
  if (brush?.[1]) candidates.unshift(brush[1]);
  for (const raw of candidates) {
    const name = raw.toLowerCase();
    const alias = LANG_ALIASES[name];
    if (alias) return alias;
  }
  return undefined;
}

/** Drops \r, trailing spaces at line ends, and blank lines before and after the code. */
function normaliseCode(code: string): string {
  return code
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

const SHEBANG_LANGS: [RegExp, string][] = [
  [/\b(ba|z|k|da)?sh\b/, 'bash'],
  [/\bpython[\d.]*\b/, 'python'],
  [/\bperl\b/, 'perl'],
  [/\bruby\b/, 'ruby'],
  [/\bnode(js)?\b/, 'javascript'],
  [/\bphp\b/, 'php'],
  [/\b[gm]?awk\b/, 'awk'],
];

/** Language of a script from its `#!` line. */
function shebangLang(firstLine: string): string | undefined {
  if (!firstLine.startsWith('#!')) return undefined;
  return SHEBANG_LANGS.find(([re]) => re.test(firstLine))?.[1] ?? 'text';
}

/** Content rules in order; the first that matches names the language. */
const CONTENT_RULES: { lang: string; test: (lines: string[], code: string) => boolean }[] = [
  { lang: 'http', test: (l) => /^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|CONNECT|TRACE) \S+ HTTP\/\d(\.\d)?$/.test(l[0] ?? '') || /^HTTP\/\d(\.\d)? \d{3}\b/.test(l[0] ?? '') },
  // tcpdump: "14:57:47.146665 IP 10.0.0.1.39556 > 10.0.0.2.80: ..."
  { lang: 'text', test: (l) => share(l, (x) => /^\d\d:\d\d:\d\d\.\d+ (IP6?|ARP|STP|LLDP)\b/.test(x)) >= 0.5 },
  { lang: 'json', test: (_l, c) => /^[[{]/.test(c) && isJson(c) },
  { lang: 'xml', test: (l) => /^<\?xml\b/.test(l[0] ?? '') },
  { lang: 'html', test: (l) => /^<(!doctype html|html\b)/i.test(l[0] ?? '') },
  { lang: 'php', test: (l) => /^<\?php\b/.test(l[0] ?? '') },
  { lang: 'apache', test: (l) => l.some((x) => /^\s*<(VirtualHost|Directory|Location|IfModule|Files)\b/.test(x)) || count(l, (x) => /^\s*(ServerName|ServerAlias|DocumentRoot|RewriteRule|RewriteEngine|LoadModule|Listen|AllowOverride|ErrorLog|CustomLog|Options|Require)\s/.test(x)) >= 2 },
  { lang: 'nginx', test: (l) => l.some((x) => /^\s*(server|http|events|upstream \S+|location \S.*)\s*\{\s*$/.test(x)) && l.some((x) => /;\s*(#.*)?$/.test(x)) },
  { lang: 'ini', test: (l) => l.some((x) => /^\[[^\]\s][^\]]*\]\s*$/.test(x)) && l.some((x) => /^[\w.-]+\s*=/.test(x)) && everyContent(l, (x) => /^(\[[^\]]+\]|[\w.-]+\s*=.*|[;#].*)$/.test(x.trim())) },
  // /etc/hosts and similar: address, names, comments
  { lang: 'text', test: (l) => everyContent(l, (x) => /^(#.*|(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*::[0-9a-f:]*)\s+\S.*)$/i.test(x.trim())) && l.some((x) => !x.startsWith('#')) },
  { lang: 'sql', test: (l) => l.some((x) => /^\s*(SELECT\b.+\bFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|DATABASE|INDEX|USER)|ALTER\s+TABLE|DROP\s+(TABLE|DATABASE)|GRANT\s+\S+.*\bON)\b/i.test(x)) },
  { lang: 'python', test: (l) => count(l, (x) => /^(\s*def \w+\(.*\)\s*(->.*)?:\s*$|import \w+|from [\w.]+ import |class \w+.*:\s*$|if __name__ == |\s*print\()/.test(x)) >= 1 && !l.some((x) => /^\s*end\s*$/.test(x)) },
  { lang: 'ruby', test: (l) => count(l, (x) => /^\s*(def \w+|require ['"]|puts |class \w+( < \w+)?$|module \w+$)|\bdo \|[\w, ]+\|\s*$/.test(x)) >= 1 && l.some((x) => /^\s*end\s*$/.test(x) || /^\s*(require|puts) /.test(x)) },
  { lang: 'perl', test: (l) => l.some((x) => /^\s*(use strict;|use warnings;|my [$@%]\w+)/.test(x)) },
  { lang: 'yaml', test: (l) => (l[0] === '---' || count(l, (x) => /^\s*[\w.-]+:(\s|$)/.test(x)) >= 2) && everyContent(l, (x) => /^(---|\s*#.*|\s*- .*|\s*-$|\s*[\w.-]+:(\s.*)?|\s+\S.*)$/.test(x)) },
  { lang: 'bash', test: (l) => everyContent(l, looksLikeShellLine) && l.some((x) => looksLikeCommand(x)) },
];

function share(lines: string[], test: (line: string) => boolean): number {
  const content = lines.filter((l) => l.trim() !== '');
  return content.length === 0 ? 0 : content.filter(test).length / content.length;
}

function count(lines: string[], test: (line: string) => boolean): number {
  return lines.filter(test).length;
}

function everyContent(lines: string[], test: (line: string) => boolean): boolean {
  return lines.filter((l) => l.trim() !== '').every(test);
}

/**
 * How a JSON array or object starts: `[` then `]` or a value, `{` then `"` or `}`. Code that starts otherwise
 * (`[mysqld]`, `{{ template }}`) is rejected without JSON.parse's costly throw.
 */
const JSON_START = /^[ \t\n\r]*(?:\[[ \t\n\r]*[\][{"\-0-9tfn]|\{[ \t\n\r]*["}])/;

function isJson(code: string): boolean {
  if (!JSON_START.test(code)) return false;
  try {
    JSON.parse(code);
    return true;
  } catch {
    return false;
  }
}

/**
 * A command line followed by its output, written without a prompt (`vmstat 1 5` then the table): the first
 * line is a command and the next non-blank line is not.
 */
function isCommandThenOutput(lines: string[]): boolean {
  const [first, ...rest] = lines;
  const next = rest.find((l) => l.trim() !== '');
  return first !== undefined && next !== undefined && looksLikeCommand(first) && !looksLikeShellLine(next);
}

/**
 * Gives a code block its snippet language (see the module comment for the form). The source's hint wins for
 * specific languages; for shell hints the content decides between `console` and `bash`.
 */
export function classifyCode(code: string, hint?: CodeHint): ClassifiedCode {
  const clean = normaliseCode(code);
  const meta = hint?.title ? `title=${JSON.stringify(sanitizeMeta(hint.title))}` : undefined;
  const withMeta = (lang: string, text = clean): ClassifiedCode => (meta ? { lang, meta, code: text } : { lang, code: text });
  const hinted = hintedLang(hint);
  if (hinted !== undefined && !SHELL_LANGS.has(hinted)) return withMeta(hinted);
  const lines = clean.split('\n');
  if (isSession(clean)) return withMeta('console');
  const shebang = shebangLang(lines[0] ?? '');
  if (shebang !== undefined) return withMeta(shebang);
  if (isCommandThenOutput(lines)) return withMeta('console', `$ ${clean}`);
  if (hinted === 'bash' || hinted === 'console') return withMeta('bash');
  const rule = CONTENT_RULES.find((r) => r.test(lines, clean));
  return withMeta(rule?.lang ?? 'text');
}

/** A file name safe inside a quoted meta value. */
function sanitizeMeta(title: string): string {
  return title.replace(/[\u0000-\u001f\u007f"\\`]/g, '').slice(0, 120);
}
