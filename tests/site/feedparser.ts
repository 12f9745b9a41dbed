import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** What feedparser makes of the feed: the fields the test checks, as JSON. */
const PARSE_FEED = `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"), "link": d.feed.get("link"),
  "entries": [{
    "title": e.get("title"), "link": e.get("link"), "id": e.get("id"),
    "published": e.get("published"), "published_parsed": list(e.published_parsed[:6]) if e.get("published_parsed") else None,
    "author": e.get("author"), "tags": [t["term"] for t in e.get("tags", [])],
    "content": e.content[0].value if e.get("content") else None,
  } for e in d.entries],
}))
`;

export interface ParsedFeed {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  title: string;
  link: string;
  entries: {
    title: string;
    link: string;
    id: string;
    published: string | null;
    published_parsed: number[] | null;
    author: string | null;
    tags: string[];
    content: string | null;
  }[];
}

/** Parses feed bytes with Debian's python3-feedparser (a real feed reader's parser, not ours). */
export async function parseFeed(xml: Buffer): Promise<ParsedFeed> {
  const child = promisify(execFile)('/usr/bin/python3', ['-c', PARSE_FEED], { maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin!.end(xml);
  return JSON.parse((await child).stdout) as ParsedFeed;
}
