/**
 * Import benchmark: generates an RSS feed or WordPress export of N items (default 10,000, about 50 MB)
 * with prose, lists and code blocks, imports it end to end into a temp content folder, and prints MB/s
 * and peak memory. `npm run bench -- import [--items N] [--format rss|wxr] [--workers N]`
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../importer/index.ts';

/** One generated item's HTML body: about 5 KB of what ops posts contain. */
function body(n: number): string {
  const prose = `<p>Incident ${n}: the <strong>load average</strong> on <code>web-${n % 97}</code> climbed after a deploy. ` +
    `See <a href="/2015/0${(n % 9) + 1}/post-${n}/">the earlier notes</a> &amp; the <em>runbook</em>. `.repeat(4) + '</p>\n';
  const list = `<ul><li>check <code>dmesg</code></li><li>check <code>iostat -x 1</code></li><li>rotate logs &#8211; again</li></ul>\n`;
  const session = `<pre class="brush: bash">$ uptime\n 10:${String(n % 60).padStart(2, '0')}:01 up 12 days,  3 users,  load average: 7.${n % 10}, 5.10, 4.02\n$ ps -eo pid,pcpu,comm --sort=-pcpu | head -3\n  PID %CPU COMMAND\n ${1000 + n} 97.0 java\n</pre>\n`;
  const config = `<pre><code class="language-nginx">server {\n    listen 80;\n    server_name web-${n}.example.org;\n    location / { proxy_pass http://127.0.0.1:${8000 + (n % 100)}; }\n}</code></pre>\n`;
  const script = `<pre><code class="language-python">import os\n\ndef free_gb(path="/"):\n    st = os.statvfs(path)\n    return st.f_bavail * st.f_frsize / 2**30  # item ${n}\n</code></pre>\n`;
  const table = `<table><tr><th>host</th><th>load</th></tr><tr><td>web-${n % 97}</td><td>7.${n % 10}</td></tr><tr><td>db-${n % 13}</td><td>1.2</td></tr></table>\n`;
  return prose + list + session + prose + config + prose + table + script + prose + session + prose + list + prose;
}

function rssItem(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<item><title>Incident review ${n}: load &amp; latency</title><link>https://bench.example.org/2015/03/incident-${n}/</link>` +
    `<guid isPermaLink="false">https://bench.example.org/?p=${n}</guid><pubDate>Sun, ${day} Mar 2015 10:00:00 +0000</pubDate>` +
    `<dc:creator>Bench</dc:creator><category><![CDATA[Linux]]></category><category><![CDATA[tag-${n % 50}]]></category>` +
    `<description><![CDATA[Incident ${n} summary.]]></description><content:encoded><![CDATA[${body(n)}]]></content:encoded></item>\n`;
}

function wxrItem(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<item><title>Incident review ${n}: load &amp; latency</title><link>https://bench.example.org/2015/03/incident-${n}/</link>` +
    `<guid isPermaLink="false">https://bench.example.org/?p=${n}</guid><dc:creator><![CDATA[bench]]></dc:creator>` +
    `<content:encoded><![CDATA[${body(n)}\n[code lang="bash"]\ndf -h /var\n[/code]]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>` +
    `<wp:post_id>${n}</wp:post_id><wp:post_date_gmt><![CDATA[2015-03-${day} 10:00:00]]></wp:post_date_gmt>` +
    `<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>` +
    `<category domain="category" nicename="linux"><![CDATA[Linux]]></category><category domain="post_tag" nicename="t${n % 50}"><![CDATA[tag-${n % 50}]]></category></item>\n`;
}

/** Writes a generated feed of `items` items into `dir` and returns its path. */
export async function generateFeed(dir: string, format: 'rss' | 'wxr', items: number): Promise<string> {
  const head = format === 'rss'
    ? '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://bench.example.org/</link>\n'
    : '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title><link>https://bench.example.org</link><wp:wxr_version>1.2</wp:wxr_version>\n';
  const parts = [head];
  for (let n = 0; n < items; n += 1) parts.push(format === 'rss' ? rssItem(n) : wxrItem(n));
  parts.push('</channel></rss>\n');
  const path = join(dir, `bench.${format}.xml`);
  await writeFile(path, parts.join(''));
  return path;
}

/** Runs the benchmark with command-line style arguments and prints its figures. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string', default: '10000' },
      format: { type: 'string', default: 'rss' },
      workers: { type: 'string' },
    },
  });
  const format = values.format === 'wxr' ? 'wxr' : 'rss';
  const items = Number(values.items);
  const dir = await mkdtemp(join(tmpdir(), 'opsdeck-bench-import-'));
  try {
    const input = await generateFeed(dir, format, items);
    const bytes = (await stat(input)).size;
    const started = performance.now();
    const report = await runImport({
      inputs: [input],
      contentDir: join(dir, 'content'),
      ...(values.workers !== undefined ? { workers: Number(values.workers) } : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    const megabytes = bytes / 1048576;
    // maxRSS covers the whole process, worker threads included (they share it).
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const { summary } = report;
    console.log(`import ${format}: ${items} items, ${megabytes.toFixed(1)} MB in ${seconds.toFixed(1)} s`);
    console.log(`  ${(megabytes / seconds).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB`);
    console.log(`  new ${summary.new}, failed ${summary.failed}, skipped ${summary.skipped}, failed inputs ${summary.failedInputs}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run directly (`tsx scripts/bench/import.ts`) as well as through the bench dispatcher.
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
