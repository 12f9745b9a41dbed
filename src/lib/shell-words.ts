/**
 * A small shell-word reader: enough of bash's quoting rules to find the simple commands of a command line, their
 * program and their argument words. Used by the build (command index, run plan) and by the in-page runner (replay),
 * so it is pure and dependency-free.
 */

/** One simple command of a command line: `mdadm --detail /dev/md0` in `mdadm --detail /dev/md0 | paste - -`. */
export interface SimpleCommand {
  /** Words with quotes and escapes removed, leading `VAR=value` assignments included. */
  words: string[];
  /** True when the command has a redirection (`>`, `<`, `2>&1`, here-document), whose targets are not in `words`. */
  redirected: boolean;
  /** True when the command is one stage of a pipeline (`|`). */
  piped: boolean;
}

/** Operators that end a simple command; `|` also marks both sides as piped. */
const SEPARATORS = ['&&', '||', ';;', '|&', '|', ';', '&', '\n'];
/** Redirection operators, longest first; each is followed by a target word (except `>&`-style duplications). */
const REDIRECTIONS = /^(?:\d*(?:>>|>&|<&|<<<|<<-|<<|<>|>\||>|<)|&>>|&>)/;

/**
 * Splits a command line (continuations `\` + newline included) into simple commands. Command and arithmetic
 * substitutions stay inside the word they appear in; comments are dropped.
 */
export function splitCommandLine(line: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirected: false, piped: false };
  let word: string | undefined;
  let skipNextWord = false;
  /** Set after `<<`: the next word is a here-document delimiter, not a redirection target. */
  let heredocNext = false;
  /** Delimiters of here-documents whose bodies start after the current line. */
  const heredocs: string[] = [];
  const endWord = () => {
    if (word === undefined) return;
    if (heredocNext) heredocs.push(word);
    heredocNext = false;
    if (skipNextWord) skipNextWord = false;
    else current.words.push(word);
    word = undefined;
  };
  const endCommand = (piped: boolean) => {
    endWord();
    if (current.words.length > 0 || current.redirected) commands.push(current);
    current = { words: [], redirected: false, piped };
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '\n') {
      i += 2; // a line continuation joins the lines
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
      continue;
    }
    if (ch === '#' && word === undefined) {
      while (i < line.length && line[i] !== '\n') i++; // a comment runs to the end of the line
      continue;
    }
    const separator = word === undefined || !/\d$/.test(word) ? SEPARATORS.find((s) => line.startsWith(s, i)) : undefined;
    if (separator !== undefined) {
      const piped = separator === '|' || separator === '|&';
      if (piped) current.piped = true;
      endCommand(piped);
      i += separator.length;
      if (separator === '\n') i = skipHeredocBodies(line, i, heredocs.splice(0));
      continue;
    }
    const redirection = word === undefined || /^\d+$/.test(word) ? REDIRECTIONS.exec(line.slice(i)) : null;
    if (redirection !== null) {
      word = undefined; // a file-descriptor number before the operator belongs to the redirection
      current.redirected = true;
      i += redirection[0].length;
      // `2>&1`: the duplicated descriptor is glued to the operator and is not a separate target word
      const duplicated = /&$/.test(redirection[0]) && /\d|-/.test(line[i] ?? '');
      if (duplicated) while (/[\d-]/.test(line[i] ?? '')) i++;
      else skipNextWord = true;
      heredocNext = redirection[0].endsWith('<<') || redirection[0].endsWith('<<-');
      continue;
    }
    const [text, next] = readWordPart(line, i);
    word = (word ?? '') + text;
    i = next;
  }
  endCommand(false);
  return commands;
}

/** Skips the bodies of here-documents that start at `start`, in order; returns the index after the last one. */
function skipHeredocBodies(line: string, start: number, delimiters: string[]): number {
  let i = start;
  for (const delimiter of delimiters) {
    while (i < line.length) {
      const end = line.indexOf('\n', i);
      const body = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end + 1;
      if (body.replace(/^\t+/, '') === delimiter) break;
    }
  }
  return i;
}

/** Reads one quoted or unquoted piece of a word starting at `start`; returns its text and the index after it. */
function readWordPart(line: string, start: number): [string, number] {
  const ch = line[start]!;
  if (ch === "'") {
    const end = line.indexOf("'", start + 1);
    return end === -1 ? [line.slice(start + 1), line.length] : [line.slice(start + 1, end), end + 1];
  }
  if (ch === '"') {
    let text = '';
    let i = start + 1;
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\' && /["\\$`\n]/.test(line[i + 1] ?? '')) {
        if (line[i + 1] !== '\n') text += line[i + 1];
        i += 2;
      } else text += line[i++];
    }
    return [text, i + 1];
  }
  if (ch === '\\') return [line[start + 1] ?? '', start + 2];
  if (ch === '$' && line[start + 1] === '(') {
    // $( … ) and $(( … )): kept verbatim, balanced on parentheses
    let depth = 0;
    let i = start + 1;
    do {
      if (line[i] === '(') depth++;
      else if (line[i] === ')') depth--;
      i++;
    } while (i < line.length && depth > 0);
    return [line.slice(start, i), i];
  }
  if (ch === '`') {
    const end = line.indexOf('`', start + 1);
    return end === -1 ? [line.slice(start), line.length] : [line.slice(start, end + 1), end + 1];
  }
  let i = start;
  while (i < line.length && !/[\s'"\\|&;<>`]/.test(line[i]!) && !(line[i] === '$' && line[i + 1] === '(')) i++;
  // a lone operator character that no rule consumed (`>` after a word ending in a digit is handled above)
  if (i === start) return [ch, start + 1];
  return [line.slice(start, i), i];
}

/** Words that run the command after them; their own options are skipped too. */
const WRAPPERS = new Set(['sudo', 'nohup', 'time', 'exec', 'nice', 'command', 'builtin', 'env', 'xargs', 'watch']);

/**
 * The program a simple command runs: its first word after `VAR=value` assignments and wrappers such as `sudo`.
 * Undefined for a bare assignment.
 */
export function programOf(command: SimpleCommand): string | undefined {
  let i = 0;
  const isAssignment = (w: string) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w);
  while (i < command.words.length) {
    const w = command.words[i]!;
    if (isAssignment(w)) i++;
    else if (WRAPPERS.has(w) && i + 1 < command.words.length) {
      i++;
      while (i < command.words.length && command.words[i]!.startsWith('-')) i++;
    } else return w;
  }
  return undefined;
}

/** Every program a command line runs, in order, without repeats. */
export function programsOf(line: string): string[] {
  const programs = splitCommandLine(line).flatMap((c) => programOf(c) ?? []);
  return [...new Set(programs)];
}
