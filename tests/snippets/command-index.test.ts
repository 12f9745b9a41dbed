import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandIndex, groupByProgram, programName } from '../../src/lib/command-index.ts';

const fixtures = join(import.meta.dirname, '../fixtures/snippets');
const posts = ['mdadm-paste', 'glusterfs', 'long-block', 'other-languages'].map((name) => ({
  id: name,
  title: `Fixture ${name}`,
  body: readFileSync(join(fixtures, name, 'input.md'), 'utf8'),
}));

describe('command index', () => {
  const groups = commandIndex(posts);
  const byProgram = new Map(groups.map((g) => [g.program, g.commands]));

  it('groups every shell command by program, alphabetically', () => {
    expect(groups.map((g) => g.program)).toEqual([...groups.map((g) => g.program)].sort((a, b) => a.localeCompare(b)));
    for (const program of ['mdadm', 'paste', 'iptables', 'yum', 'glusterfs', 'gem', 'mkdir', 'cat']) expect(byProgram.has(program)).toBe(true);
  });

  it('lists a pipeline under each of its programs and links it to its snippet', () => {
    const paste = byProgram.get('paste')!;
    expect(paste.map((c) => [c.text, c.postId, c.anchor])).toEqual([
      ['mdadm --brief --verbose --detail /dev/md0 | paste - -', 'mdadm-paste', 'snippet-2'],
      ['mdadm --brief --verbose --detail /dev/md0 | paste -d"*" - -', 'mdadm-paste', 'snippet-3'],
    ]);
    expect(byProgram.get('mdadm')).toHaveLength(3);
  });

  it('names programs given by path after their file, and says how each command runs', () => {
    expect(programName('/etc/init.d/iptables')).toBe('iptables');
    const iptables = byProgram.get('iptables')!;
    expect(iptables.map((c) => [c.text, c.execution])).toEqual([
      ['iptables -F', 'host'],
      ['/etc/init.d/iptables save', 'replay'],
    ]);
  });

  it('leaves non-shell code out', () => {
    expect(byProgram.has('require')).toBe(false);
    expect(groups.flatMap((g) => g.commands).some((c) => c.postId === 'other-languages')).toBe(false);
  });

  it('puts daemons and -suffixed tools in their family when the family exists', () => {
    const command = { text: 'x', postId: 'p', postTitle: 'P', anchor: 'snippet-1', execution: 'host' as const };
    const grouped = groupByProgram([
      { command, programs: ['glusterfs'] },
      { command, programs: ['glusterfsd'] },
      { command, programs: ['glusterfs-volgen'] },
      { command, programs: ['sshd'] },
    ]);
    expect(grouped.map((g) => [g.program, g.commands.length])).toEqual([
      ['glusterfs', 3],
      ['sshd', 1],
    ]);
  });
});
