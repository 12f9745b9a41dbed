/**
 * The import benchmark's input: a deterministic RSS feed or WordPress export of N ops-blog posts, built to look
 * like the seeds (long prose paragraphs with WordPress entities, a few links, bold terms and inline code, lists,
 * images, headings, rhetorical questions, and `<pre>` blocks of shell sessions, config files, program output and
 * scripts), about 5 KB of HTML per post. One post in fifty is an interview-questions post, so the flashcard path
 * does real work too. The same N always gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Formats the benchmark can generate. */
export type BenchFormat = 'rss' | 'wxr';

/** A small deterministic PRNG (mulberry32), seeded per item so items do not depend on each other. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function between(rng: Rng, low: number, high: number): number {
  return low + Math.floor(rng() * (high - low + 1));
}

const HOSTS = ['web', 'db', 'cache', 'lb', 'mq', 'build', 'mail', 'nfs'];
const SERVICES = ['nginx', 'MySQL', 'Postgres', 'memcached', 'HAProxy', 'RabbitMQ', 'Jenkins', 'Postfix', 'GlusterFS', 'Varnish'];
const METRICS = ['load average', 'iowait', 'latency', 'swap usage', 'context switches', 'packet loss', 'queue depth', 'GC pauses'];
const TERMS = ['noatime', 'vm.swappiness', 'keepalive_timeout', 'innodb_buffer_pool_size', 'net.core.somaxconn', 'ulimit -n'];
const COMMANDS = ['iostat -x 1', 'vmstat 1 5', 'ss -tanp', 'dmesg -T', 'strace -p', 'tcpdump -ni eth0', 'lsof -nP', 'sar -n DEV 1'];

/** Sentence templates; `{h}` host, `{s}` service, `{m}` metric, `{t}` term, `{c}` command, `{n}` a number. */
const SENTENCES = [
  'The {m} on {h} climbed to {n} within minutes of the deploy, and nobody had touched the box in weeks.',
  'We had seen this pattern before with {s}, but this time the graphs told a different story.',
  'It&#8217;s tempting to blame the network first, because that&#8217;s what everybody else does.',
  'After an hour of staring at dashboards we finally ran {c} and the answer was right there.',
  'The fix itself was boring: a one-line change to {t} and a rolling restart of {s}.',
  'What surprised me was how long the problem had been hiding behind the averages.',
  'Percentiles matter more than means; the 99th percentile of {m} was {n} times the median.',
  'I&#8217;ve written about {s} tuning before, so I&#8217;ll keep the background short here.',
  'Most of the &#8220;best practices&#8221; you find online were written for hardware from another decade.',
  'If you run more than a handful of servers, you need to know what normal looks like before things break.',
  'The vendor&#8217;s documentation says one thing and the source code says another &#8211; trust the source.',
  'Our monitoring caught the symptom, not the cause, which is the usual state of affairs.',
  'A colleague pointed out that {h} was the only machine still running the old kernel.',
  'None of this is new, but it&#8217;s worth writing down because we forgot it twice already.',
  'We rolled the change out to one node first and watched {m} for a full day before touching the rest.',
  'Capacity planning is mostly about admitting how little you know about next quarter&#8217;s traffic.',
];
const QUESTIONS = [
  'So why did {s} fall over when the traffic was lower than last week?',
  'Is {t} really worth tuning on a machine with this much memory?',
  'Who decided that {h} should also run the nightly backups?',
  'Why does the {m} graph look fine while users complain?',
];

function fill(rng: Rng, template: string, n: number): string {
  return template
    .replace(/\{h\}/g, () => `${pick(rng, HOSTS)}-${(n % 40) + 1}`)
    .replace(/\{s\}/g, () => pick(rng, SERVICES))
    .replace(/\{m\}/g, () => pick(rng, METRICS))
    .replace(/\{t\}/g, () => pick(rng, TERMS))
    .replace(/\{c\}/g, () => pick(rng, COMMANDS))
    .replace(/\{n\}/g, () => String(between(rng, 2, 40)));
}

/** One sentence, sometimes with inline markup the way WordPress posts have it. */
function sentence(rng: Rng, n: number): string {
  const text = fill(rng, rng() < 0.08 ? pick(rng, QUESTIONS) : pick(rng, SENTENCES), n);
  const roll = rng();
  if (roll < 0.08) return text.replace(/^(\S+ \S+)/, '<strong>$1</strong>');
  if (roll < 0.14) return text.replace(/(\S+ \S+)([.?])$/, '<em>$1</em>$2');
  if (roll < 0.22) return `${text} See <a href="/${2008 + (n % 8)}/0${between(rng, 1, 9)}/${pick(rng, SERVICES).toLowerCase()}-notes/">my earlier notes</a>.`;
  if (roll < 0.3) return `${text} The setting is <code>${pick(rng, TERMS)}</code>.`;
  return text;
}

function paragraph(rng: Rng, n: number, sentences = between(rng, 2, 5)): string {
  return Array.from({ length: sentences }, () => sentence(rng, n)).join(' ');
}

/** A `<pre>` block like the seeds': a session, a config file, program output or a script. */
function codeBlock(rng: Rng, n: number): string {
  const host = `${pick(rng, HOSTS)}${(n % 40) + 1}`;
  switch (between(rng, 0, 5)) {
    case 0:
      return `<pre>[root@${host} ~]# uptime\n 10:${String(n % 60).padStart(2, '0')}:01 up ${n % 300} days,  3 users,  load average: 7.${n % 10}, 5.10, 4.02\n[root@${host} ~]# free -m\n             total       used       free     shared    buffers     cached\nMem:         16034      15811        223          0        310       9120\n-/+ buffers/cache:       6381       9653\nSwap:         2047         12       2035</pre>`;
    case 1:
      return `<pre class="brush: bash">$ ps -eo pid,pcpu,comm --sort=-pcpu | head -4\n  PID %CPU COMMAND\n ${1000 + (n % 9000)} 97.0 java\n ${2000 + (n % 7000)} 12.5 ${pick(rng, SERVICES).toLowerCase()}\n  911  3.1 rsyslogd\n$ sudo service ${pick(rng, SERVICES).toLowerCase()} restart</pre>`;
    case 2:
      return `<pre><code class="language-nginx">upstream app {\n    server 127.0.0.1:${8000 + (n % 100)};\n    keepalive 32;\n}\n\nserver {\n    listen 80;\n    server_name ${host}.example.org;\n    location / {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n    }\n}</code></pre>`;
    case 3:
      return `<pre>[mysqld]\ninnodb_buffer_pool_size = ${between(rng, 1, 24)}G\ninnodb_log_file_size = 256M\nmax_connections = ${between(rng, 100, 900)}\n# keep the slow log on, it is cheap\nslow_query_log = 1</pre>`;
    case 4:
      return `<pre>Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        20G   ${between(rng, 5, 19)}G  4.0G  ${between(rng, 30, 99)}% /\ntmpfs           7.9G     0  7.9G   0% /dev/shm\n/dev/sdb1       917G  ${between(rng, 100, 900)}G  ${between(rng, 10, 500)}G  61% /var/lib/mysql</pre>`;
    default:
      return `<pre><code class="language-bash">#!/bin/bash\n# rotate and compress logs older than a week\nfind /var/log/${pick(rng, SERVICES).toLowerCase()} -name '*.log' -mtime +7 -print0 |\n  xargs -0 -r gzip -9\nif [ "$(df --output=pcent /var | tail -1 | tr -d ' %')" -gt ${between(rng, 70, 95)} ]; then\n  echo "disk still &gt; threshold on $(hostname)" | mail -s alert ops@example.org\nfi</code></pre>`;
  }
}

function list(rng: Rng, n: number): string {
  const tag = rng() < 0.7 ? 'ul' : 'ol';
  const items = Array.from({ length: between(rng, 3, 6) }, () => {
    const text = fill(rng, pick(rng, ['check {c} on {h}', 'raise {t} gradually', 'graph {m} per host, not per cluster', 'restart {s} one node at a time', 'write down what normal {m} looks like']), n);
    return `<li>${rng() < 0.3 ? `<strong>${text.split(' ')[0]}</strong> ${text.split(' ').slice(1).join(' ')}` : text}</li>`;
  });
  return `<${tag}>\n${items.join('\n')}\n</${tag}>`;
}

function image(rng: Rng, n: number): string {
  const id = 100 + (n % 900);
  const img = `<img class="alignright size-medium wp-image-${id}" title="${pick(rng, SERVICES)} graph" src="/wp-content/uploads/${2008 + (n % 8)}/0${between(rng, 1, 9)}/graph-${id}.png" alt="${pick(rng, METRICS)} on ${pick(rng, HOSTS)}" width="300" height="${between(rng, 120, 240)}" />`;
  return rng() < 0.5 ? `<a href="/wp-content/uploads/${2008 + (n % 8)}/graph-${id}-full.png">${img}</a>` : img;
}

/** An ordinary post: the blocks of one, in the order posts have them. */
function articleBlocks(rng: Rng, n: number): string[] {
  const blocks = [`<p>${rng() < 0.4 ? image(rng, n) : ''}${paragraph(rng, n, between(rng, 3, 5))}</p>`];
  const sections = between(rng, 3, 4);
  for (let s = 0; s < sections; s += 1) {
    if (s > 0 || rng() < 0.3) blocks.push(`<h3>${fill(rng, pick(rng, ['What {m} was telling us', 'Tuning {t}', 'The {s} side', 'Lessons from {h}', 'Measuring {m}']), n)}</h3>`);
    blocks.push(`<p>${paragraph(rng, n)}</p>`);
    const roll = rng();
    if (roll < 0.55) blocks.push(`<p>${paragraph(rng, n, 1)}</p>`, codeBlock(rng, n));
    else if (roll < 0.85) blocks.push(list(rng, n));
    else blocks.push(`<blockquote><p>${paragraph(rng, n, 2)}</p></blockquote>`);
    blocks.push(`<p>${paragraph(rng, n)}</p>`);
  }
  if (rng() < 0.1) {
    blocks.push(`<table>\n<tr><th>host</th><th>${pick(rng, METRICS)}</th></tr>\n<tr><td>${pick(rng, HOSTS)}-${n % 40}</td><td>${between(rng, 1, 99)}</td></tr>\n<tr><td>${pick(rng, HOSTS)}-${(n + 7) % 40}</td><td>${between(rng, 1, 99)}</td></tr>\n</table>`);
  }
  blocks.push(`<p>${paragraph(rng, n, between(rng, 2, 3))}</p>`);
  return blocks;
}

/** An interview-questions post: question headings with short answers, which becomes a flashcard deck. */
function interviewBlocks(rng: Rng, n: number): string[] {
  const blocks = [`<p>Questions I ask in ${pick(rng, SERVICES)} interviews, with the answers I hope to hear.</p>`];
  const questions = ['What does {t} change?', 'How would you find what is using {m} on {h}?', 'Why restart {s} one node at a time?', 'What does {c} show you?', 'When is {m} a symptom rather than a cause?'];
  for (const question of questions) {
    blocks.push(`<h3>${fill(rng, question, n)}</h3>`, `<p>${paragraph(rng, n, between(rng, 1, 2))}</p>`);
  }
  return blocks;
}

/** The title and HTML body of post n. */
export function post(n: number): { title: string; html: string; interview: boolean } {
  const rng = random(n + 1);
  const interview = n % 50 === 49;
  const title = interview
    ? `${pick(rng, SERVICES)} interview questions, part ${n}`
    : fill(rng, pick(rng, ['When {m} lies: notes from {h}', 'Tuning {t} for {s}', 'Another night with {s} &amp; {m}', 'What {c} taught me about {s}']), n) + ` (#${n})`;
  const blocks = interview ? interviewBlocks(rng, n) : articleBlocks(rng, n);
  return { title, html: blocks.join('\n'), interview };
}

/**
 * The body as the WordPress classic editor stores it: paragraphs separated by blank lines instead of `<p>`
 * (wpautop adds them on import), code in `[code]` shortcodes for some posts.
 */
function wordpressSource(html: string, n: number): string {
  const source = html.replace(/<p>([\s\S]*?)<\/p>/g, '$1\n');
  if (n % 3 !== 0) return source;
  return source.replace(/<pre><code class="language-(\w+)">([\s\S]*?)<\/code><\/pre>/, (_all, lang: string, code: string) =>
    `[code lang="${lang}"]${code.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')}[/code]`);
}

function categories(n: number, wxr: boolean): string {
  const names = ['Linux', pick(random(n * 7 + 3), SERVICES), `tag-${n % 50}`].slice(0, 2 + (n % 2));
  return names
    .map((name, index) => (wxr
      ? `<category domain="${index === 0 ? 'category' : 'post_tag'}" nicename="${name.toLowerCase()}"><![CDATA[${name}]]></category>`
      : `<category><![CDATA[${name}]]></category>`))
    .join('');
}

function rssItem(n: number): string {
  const { title, html } = post(n);
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<item><title>${title}</title><link>https://bench.example.org/${2008 + (n % 8)}/03/post-${n}/</link>` +
    `<guid isPermaLink="false">https://bench.example.org/?p=${n}</guid><pubDate>Sun, ${day} Mar ${2008 + (n % 8)} 10:00:00 +0000</pubDate>` +
    `<dc:creator>Bench</dc:creator>${categories(n, false)}` +
    `<description><![CDATA[${html.slice(0, 200).replace(/<[^>]*>/g, '')} [&#8230;]]]></description><content:encoded><![CDATA[${html}]]></content:encoded></item>\n`;
}

function wxrItem(n: number): string {
  const { title, html } = post(n);
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<item><title>${title}</title><link>https://bench.example.org/${2008 + (n % 8)}/03/post-${n}/</link>` +
    `<pubDate>Sun, ${day} Mar ${2008 + (n % 8)} 10:00:00 +0000</pubDate><dc:creator><![CDATA[bench]]></dc:creator>` +
    `<guid isPermaLink="false">https://bench.example.org/?p=${n}</guid><description></description>` +
    `<content:encoded><![CDATA[${wordpressSource(html, n)}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>` +
    `<wp:post_id>${n}</wp:post_id><wp:post_date><![CDATA[${2008 + (n % 8)}-03-${day} 10:00:00]]></wp:post_date>` +
    `<wp:post_date_gmt><![CDATA[${2008 + (n % 8)}-03-${day} 10:00:00]]></wp:post_date_gmt>` +
    `<wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[post-${n}]]></wp:post_name>` +
    `<wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type>` +
    `<wp:post_password><![CDATA[]]></wp:post_password>${categories(n, true)}</item>\n`;
}

const RSS_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://bench.example.org/</link>\n';
const WXR_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title><link>https://bench.example.org</link><wp:wxr_version>1.2</wp:wxr_version>\n' +
  '<wp:author><wp:author_login><![CDATA[bench]]></wp:author_login><wp:author_display_name><![CDATA[Bench Author]]></wp:author_display_name></wp:author>\n';

/** Writes a generated feed of `items` items into `dir` and returns its path. */
export async function generateFeed(dir: string, format: BenchFormat, items: number): Promise<string> {
  const parts = [format === 'rss' ? RSS_HEAD : WXR_HEAD];
  for (let n = 0; n < items; n += 1) parts.push(format === 'rss' ? rssItem(n) : wxrItem(n));
  parts.push('</channel></rss>\n');
  const path = join(dir, `bench.${format}.xml`);
  await writeFile(path, parts.join(''));
  return path;
}
