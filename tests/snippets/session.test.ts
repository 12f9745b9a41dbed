import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptText } from '../../src/lib/snippet-script.ts';
import { copyText, snippetCommands, snippetHosts, snippetKind, snippetLines } from '../../src/lib/snippets.ts';

const fixtures = join(import.meta.dirname, '../fixtures/snippets');
const seed = readFileSync(join(import.meta.dirname, '../../content/sources/000_3cbe4b6aeaa5defa.txt'), 'utf8');

/** The code blocks of a fixture post. */
function blocks(name: string): { lang: string; code: string }[] {
  const md = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
  return [...md.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)\n```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

describe('fixture posts are the seed text', () => {
  it('every line of the mdadm and GlusterFS sessions appears in the seed', () => {
    for (const { code } of [...blocks('mdadm-paste'), ...blocks('glusterfs')]) {
      for (const line of code.split('\n')) expect(seed).toContain(line);
    }
  });
});

describe('snippetKind', () => {
  it('tells sessions, scripts and other code apart by language', () => {
    expect(snippetKind('console')).toBe('session');
    expect(snippetKind('bash')).toBe('script');
    expect(snippetKind('sh')).toBe('script');
    expect(snippetKind('shell')).toBe('script');
    expect(snippetKind('ini')).toBe('code');
    expect(snippetKind(undefined)).toBe('code');
  });
});

describe('session parsing', () => {
  it('splits the mdadm session into a command and its two output lines', () => {
    const [first] = blocks('mdadm-paste');
    expect(snippetLines('session', first!.code).map((l) => l.role)).toEqual(['command', 'output', 'output']);
    expect(snippetCommands('session', first!.code)).toEqual([
      {
        text: 'mdadm --brief --verbose --detail /dev/md0',
        line: 0,
        output: ['ARRAY /dev/md0 level=raid1 num-devices=2 metadata=00.90 UUID=7bea4601:d5a02f5c:2da69848:3184a367', '   devices=/dev/sda1,/dev/sdb1'],
      },
    ]);
  });

  it('reads hosts from bracketed prompts, in order', () => {
    const gluster = blocks('glusterfs').at(-1)!;
    expect(snippetHosts('session', gluster.code)).toEqual(['gluster1', 'gluster2']);
    const lines = snippetLines('session', gluster.code);
    expect(lines[0]).toEqual({ role: 'command', prompt: '[root@gluster1 ~]# ', host: 'gluster1', text: `echo "We're testing GlusterFS" > /mnt/glusterfs/test.txt` });
  });

  it('keeps backslash continuations and strips PS2 prompts of here-documents', () => {
    const [session] = blocks('continuation');
    const lines = snippetLines('session', session!.code);
    expect(lines.map((l) => l.role)).toEqual(['command', 'continuation', 'command', 'continuation', 'continuation', 'command', 'output']);
    expect(lines[3]).toEqual({ role: 'continuation', prompt: '> ', text: '10.0.0.1 gluster1' });
    expect(snippetCommands('session', session!.code).map((c) => c.text)).toEqual([
      'iptables -A INPUT -s 10.0.0.0/8 \\\n    -p tcp --dport 24007 -j ACCEPT',
      'cat <<EOF > /tmp/hosts\n10.0.0.1 gluster1\nEOF',
      'wc -l /tmp/hosts',
    ]);
  });

  it('splits a script into logical commands, skipping comments and blank lines', () => {
    const code = '# update first\nyum -y update\n\ncp a \\\n  b\n';
    expect(snippetCommands('script', code).map((c) => [c.text, c.line])).toEqual([
      ['yum -y update', 1],
      ['cp a \\\n  b', 3],
    ]);
  });
});

describe('copy text', () => {
  it('gives a session\'s commands without prompts or output', () => {
    const gluster = blocks('glusterfs').at(-1)!;
    expect(copyText('session', gluster.code)).toBe(`echo "We're testing GlusterFS" > /mnt/glusterfs/test.txt\ncat /mnt/glusterfs/test.txt`);
  });

  it('keeps a script as written', () => {
    const script = blocks('glusterfs')[2]!;
    expect(copyText('script', script.code)).toBe('mkdir -p /mnt/glusterfs\nglusterfs /mnt/glusterfs/');
  });

  it('wraps commands in a strict bash script', () => {
    expect(scriptText('mkdir -p /mnt/glusterfs\n\n')).toBe('#!/usr/bin/env bash\nset -euo pipefail\n\nmkdir -p /mnt/glusterfs\n');
  });
});
