import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxCommands } from '../../src/lib/sandbox-commands.ts';
import { planCommand, recordedRuns } from '../../src/lib/snippet-plan.ts';
import { programsOf, splitCommandLine } from '../../src/lib/shell-words.ts';
import { snippetCommands, snippetKind } from '../../src/lib/snippets.ts';
import { PostSandbox } from '../../src/scripts/snippet-sandbox.ts';
import type { PostSnippet } from '../../src/scripts/snippet-sandbox-protocol.ts';

const fixtures = join(import.meta.dirname, '../fixtures/snippets');

/** The shell snippets of a fixture post, as the page hands them to the sandbox. */
function post(name: string): PostSnippet[] {
  const md = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
  return [...md.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)\n```$/gm)].flatMap((m) => {
    const kind = snippetKind(m[1]);
    return kind === 'code' ? [] : [{ kind, code: m[2]! }];
  });
}

/** The commands the Run button of a snippet runs, in order. */
function runList(snippet: PostSnippet): string[] {
  return snippet.kind === 'session' ? snippetCommands('session', snippet.code).map((c) => c.text) : [snippet.code];
}

describe('shell words', () => {
  it('finds the programs of pipelines, lists, wrappers and assignments', () => {
    expect(programsOf('mdadm --brief --verbose --detail /dev/md0 | paste - -')).toEqual(['mdadm', 'paste']);
    expect(programsOf('FOO=1 sudo -E yum install "a b" 2>&1 | tee log && echo done')).toEqual(['yum', 'tee', 'echo']);
    expect(programsOf("cat <<'EOF' > /etc/hosts\n10.0.0.1 gluster1\nEOF\nhostname")).toEqual(['cat', 'hostname']);
  });

  it('removes quotes and keeps redirection targets out of the words', () => {
    expect(splitCommandLine(`echo "We're testing GlusterFS" > /mnt/glusterfs/test.txt`)).toEqual([
      { words: ['echo', "We're testing GlusterFS"], redirected: true, piped: false },
    ]);
  });
});

describe('run plan', () => {
  const mdadm = post('mdadm-paste');
  const recorded = recordedRuns(mdadm, sandboxCommands);

  it('records only plain invocations of programs the sandbox lacks, with their output', () => {
    expect(recorded).toEqual([
      {
        argv: ['mdadm', '--brief', '--verbose', '--detail', '/dev/md0'],
        stdout: 'ARRAY /dev/md0 level=raid1 num-devices=2 metadata=00.90 UUID=7bea4601:d5a02f5c:2da69848:3184a367\n   devices=/dev/sda1,/dev/sdb1\n',
      },
    ]);
  });

  it('replays recorded programs, runs the rest, and sends unrecorded ones to a real host', () => {
    expect(planCommand('mdadm --brief --verbose --detail /dev/md0 | paste - -', sandboxCommands, recorded)).toEqual({ execution: 'replay', replayed: ['mdadm'], hostOnly: [] });
    expect(planCommand('mdadm --detail /dev/md1', sandboxCommands, recorded)).toEqual({ execution: 'host', replayed: [], hostOnly: ['mdadm'] });
    expect(planCommand('iptables -F', sandboxCommands, recorded).execution).toBe('host');
    expect(planCommand('mkdir -p /mnt/glusterfs && cd /mnt/glusterfs', sandboxCommands, recorded).execution).toBe('sandbox');
  });
});

describe('post sandbox', () => {
  it('runs mdadm | paste with the real paste on mdadm\'s recorded output, printing what the post shows', async () => {
    const snippets = post('mdadm-paste');
    const sandbox = new PostSandbox(snippets);
    for (const [i, snippet] of snippets.entries()) {
      const [command] = snippetCommands('session', snippet.code);
      const result = await sandbox.run(i, command!.text);
      expect(result).toMatchObject({ exitCode: 0, stderr: '', replayed: ['mdadm'], hostOnly: [] });
      expect(result.stdout).toBe(`${command!.output.join('\n')}\n`);
    }
  });

  it('shares one session across the GlusterFS snippets, in order', async () => {
    const snippets = post('glusterfs');
    const sandbox = new PostSandbox(snippets);
    const results = [];
    for (const snippet of snippets) for (const command of runList(snippet)) results.push(await sandbox.run(results.length, command));
    const [flush, save, yum, mount, echo, cat] = results;
    expect(flush).toMatchObject({ exitCode: 127, hostOnly: ['iptables'] });
    expect(save).toMatchObject({ exitCode: 0, replayed: ['/etc/init.d/iptables'], stdout: 'iptables: Saving firewall rules to /etc/sysconfig/iptables:        [  OK  ]\n' });
    expect(yum).toMatchObject({ exitCode: 127, hostOnly: ['yum'] });
    expect(yum!.stderr).toContain('needs a real Linux host');
    expect(mount).toMatchObject({ hostOnly: ['glusterfs'] }); // mkdir ran; the glusterfs mount says it needs a host
    expect(echo).toMatchObject({ exitCode: 0, stdout: '' });
    expect(cat).toMatchObject({ exitCode: 0, stdout: "We're testing GlusterFS\n" });
  });

  it('carries the directory and variables from one run to the next', async () => {
    const sandbox = new PostSandbox([]);
    await sandbox.run(1, 'mkdir -p /srv/www && cd /srv/www && export SITE=opsdeck');
    expect((await sandbox.run(2, 'pwd; echo $SITE')).stdout).toBe('/srv/www\nopsdeck\n');
  });

  it('stops runaway scripts', async () => {
    const result = await new PostSandbox([]).run(1, 'while true; do :; done');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).not.toBe('');
  });

  it('has no network', async () => {
    const result = await new PostSandbox([]).run(1, 'curl -s https://example.org/');
    expect(result.exitCode).toBe(127);
  });
});
