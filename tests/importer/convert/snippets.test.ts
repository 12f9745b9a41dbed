import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMarkdown } from 'mdast-util-to-markdown';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCode, type CodeHint } from '../../../scripts/importer/snippets.ts';
import { isPromptLine, isSession, parseSession, sessionCommands, splitPrompt } from '../../../src/lib/shell-session.ts';
import { expectFile, fixtureCases, readOptional } from '../../fixture-files.ts';

describe('classifyCode fixtures (tests/fixtures/code/<case>/{input.txt, hint.json?, expected.md})', () => {
  for (const { name, dir } of fixtureCases('code')) {
    it(name, () => {
      const input = readFileSync(join(dir, 'input.txt'), 'utf8');
      const hintText = readOptional(join(dir, 'hint.json'));
      const hint = hintText === undefined ? undefined : (JSON.parse(hintText) as CodeHint);
      const { lang, meta, code } = classifyCode(input, hint);
      expectFile(join(dir, 'expected.md'), toMarkdown({ type: 'code', lang, meta: meta ?? null, value: code }));
      // the folder name states the kind the case must be
      if (name.startsWith('session-')) expect(lang).toBe('console');
      if (/^(config|script|output|trace|http)-/.test(name)) expect(lang).not.toBe('console');
      // a session's first content line is always a command
      if (lang === 'console') expect(parseSession(code)[0]?.kind).toBe('command');
    });
  }
});

describe('splitPrompt', () => {
  it.each([
    ['$ ls -l', 'dollar', '$ ', 'ls -l'],
    ['# service nginx reload', 'hash', '# ', 'service nginx reload'],
    ['adrian@web1:~$ uptime', 'user-host', 'adrian@web1:~$ ', 'uptime'],
    ['root@web1:/etc/nginx# nginx -t', 'user-host', 'root@web1:/etc/nginx# ', 'nginx -t'],
    ['[root@db1 ~]# df -h', 'bracket', '[root@db1 ~]# ', 'df -h'],
    ['[adrian@db1 log]$ tail -f messages', 'bracket', '[adrian@db1 log]$ ', 'tail -f messages'],
    ['Mac-mini:~ admin$ sw_vers', 'host-cwd-user', 'Mac-mini:~ admin$ ', 'sw_vers'],
  ])('%s', (line, style, prompt, command) => {
    expect(splitPrompt(line)).toMatchObject({ style, prompt, command });
  });

  it('reads host and user from each style', () => {
    expect(splitPrompt('[root@db1 ~]# ls')).toMatchObject({ user: 'root', host: 'db1', root: true });
    expect(splitPrompt('adrian@web1:~$ ls')).toMatchObject({ user: 'adrian', host: 'web1', root: false });
    expect(splitPrompt('Mac-mini:~ admin$ ls')).toMatchObject({ user: 'admin', host: 'Mac-mini' });
  });

  it.each([
    '# This file is managed by Puppet',
    '# /etc/hosts',
    '# open the file and add the line below',
    '# host names go below',
    '#!/bin/bash',
    '$x = 1;',
    'total 12',
    '',
  ])('no prompt in %j', (line) => {
    expect(splitPrompt(line)).toBeNull();
    expect(isPromptLine(line)).toBe(false);
  });

  it('checks the style when asked', () => {
    expect(isPromptLine('$ ls', 'dollar')).toBe(true);
    expect(isPromptLine('$ ls', 'hash')).toBe(false);
  });
});

describe('sessions', () => {
  it('keeps the first prompt style: `# ` lines in a `$ ` session are output', () => {
    const lines = parseSession('$ cat /etc/hosts\n# static table\n127.0.0.1 localhost');
    expect(lines.map((l) => l.kind)).toEqual(['command', 'output', 'output']);
  });

  it('joins backslash and PS2 continuations into one command', () => {
    expect(sessionCommands('$ ./configure \\\n  --prefix=/usr\nchecking...\n$ cat <<EOF\n> hi\n> EOF\nhi')).toEqual([
      './configure \\\n  --prefix=/usr',
      'cat <<EOF\n> hi\n> EOF',
    ]);
  });

  it('a config file with # comments is not a session', () => {
    expect(isSession('# keep the socket here\nsocket = /tmp/mysql.sock')).toBe(false);
    expect(isSession('# yum install nginx\n# this installs it')).toBe(false);
  });
});

describe('classifyCode', () => {
  it('is deterministic and idempotent on its own output', () => {
    for (const { dir } of fixtureCases('code')) {
      const first = classifyCode(readFileSync(join(dir, 'input.txt'), 'utf8'));
      expect(classifyCode(first.code).lang).toBe(first.lang);
    }
  });

  it('keeps a hinted specific language even when the content looks like shell', () => {
    expect(classifyCode('$ ls', { lang: 'perl' }).lang).toBe('perl');
  });

  it('calls every JSON array or object json, and bracketed text that is not JSON something else', () => {
    const parses = (code: string) => { try { JSON.parse(code); return true; } catch { return false; } };
    const bracketed = fc.oneof(
      fc.json().filter((code) => /^[[{]/.test(code)),
      fc.tuple(fc.constantFrom('[', '{', '[ ', '{ ', '[\n', '{\n'), fc.string({ maxLength: 12 }), fc.constantFrom(']', '}', '')).map((parts) => parts.join('')),
    );
    fc.assert(fc.property(bracketed, (code) => {
      expect(classifyCode(code).lang === 'json').toBe(parses(code.trim()));
    }), { numRuns: 2000 });
    expect(classifyCode('[mysqld]\nmax_connections = 200').lang).toBe('ini');
  });

  it('strips quotes and control characters from a title', () => {
    expect(classifyCode('x', { lang: 'ini', title: 'a"b\u0007.conf' }).meta).toBe('title="ab.conf"');
  });
});
