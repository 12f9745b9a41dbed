import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Tags drawn for synthetic posts: mixed case, punctuation and Cyrillic, like the real imports. */
const TAGS = ['Linux', 'linux', 'Cloud', 'CTO/CIO', 'best practices', 'Best Practices', 'Xen', 'mdadm', 'iptables', 'GlusterFS', 'Облака', 'Администрирование', 'C++', 'performance', 'Backup', 'DNS'];

/** Code blocks of the kinds posts carry: shell sessions, scripts and config files. */
const CODE_BLOCKS = [
  '```console\n[root@gluster1 ~]# mkdir -p /mnt/glusterfs\n[root@gluster1 ~]# mount -t glusterfs gluster1:/gv0 /mnt/glusterfs\n[root@gluster1 ~]# df -h /mnt/glusterfs\nFilesystem      Size  Used Avail Use% Mounted on\ngluster1:/gv0    20G  1.1G   19G   6% /mnt/glusterfs\n```',
  '```bash\n#!/usr/bin/env bash\nset -euo pipefail\nfor host in web1 web2 db1; do\n  ssh "$host" "uptime && df -h /" | tee -a "/var/log/check-$host.log"\ndone\n```',
  '```sh\niptables -A INPUT -p tcp --dport 22 -m state --state NEW -m recent --set\niptables -A INPUT -p tcp --dport 22 -m state --state NEW -m recent --update --seconds 60 --hitcount 4 -j DROP\n```',
  '```yaml\nservices:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n```',
  '```python\nimport statistics\n\ndef p99(samples: list[float]) -> float:\n    return statistics.quantiles(samples, n=100)[98]\n```',
];

const SENTENCES = [
  'Latency, not bandwidth, decides how fast an interactive page feels.',
  'Every change to production goes through the same pipeline, including the urgent ones.',
  'Measure before tuning: the bottleneck is rarely where the team expects it.',
  'RAID is not a backup, and a backup that was never restored is only a hope.',
  'Small, boring, well-understood tools tend to outlive clever ones.',
  'Write the runbook while the incident is fresh, then test it on a quiet afternoon.',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same posts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Markdown text of synthetic post `index`: frontmatter valid under PostSchema, paragraphs, a list and code blocks. */
function syntheticPost(index: number): string {
  const next = random(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const approximate = index % 10 === 9;
  const when = new Date(Date.UTC(2005, 0, 1) + Math.floor(next() * 20 * 365) * 86_400_000);
  const frontmatter = {
    title: `Synthetic post ${index}: ${pick(SENTENCES).slice(0, 40).trim()}`,
    ...(approximate ? { approxDate: String(when.getUTCFullYear()) } : { date: when.toISOString() }),
    tags: Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TAGS)),
    summary: pick(SENTENCES),
    ...(approximate && { source: { id: `synthetic-${index}`, order: index, hash: '0'.repeat(64) } }),
  };
  const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => pick(SENTENCES)).join(' '));
  const body = [
    paragraphs[0],
    '## Steps',
    `- ${pick(SENTENCES)}\n- ${pick(SENTENCES)}\n- ${pick(SENTENCES)}`,
    pick(CODE_BLOCKS),
    paragraphs[1],
    pick(CODE_BLOCKS),
    paragraphs[2],
    pick(CODE_BLOCKS),
    `See [the archive](/archive/) and \`man ${pick(['mdadm', 'iptables', 'gluster'])}\`.`,
    paragraphs[3],
  ].join('\n\n');
  return `---\n${stringify(frontmatter)}---\n\n${body}\n`;
}

/** Writes `count` synthetic posts (`synthetic-0000.md`, …) into `dir`. */
export async function writeSyntheticPosts(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const width = String(count).length;
  for (let index = 0; index < count; index++) {
    await writeFile(join(dir, `synthetic-${String(index).padStart(width, '0')}.md`), syntheticPost(index));
  }
}
