/**
 * `npm run import -- [options] <file|folder|url>...` — parses the command line and runs the importer.
 */
import { parseArgs } from 'node:util';
import { hasFailures, runImport } from './importer/index.ts';
import { formatReport } from './importer/report.ts';

const USAGE = `usage: npm run import -- [options] <file | folder | http(s) URL>...

Imports RSS 2.0, RSS 1.0, Atom, WordPress exports (WXR) and blog archive pages into content/.

options:
  --out <dir>         content folder to write to (default: content)
  --dry-run           print what would change, write nothing
  --force             overwrite posts that were edited by hand
  --drafts            import WordPress drafts as draft: true posts
  --report <file>     also write the report as JSON
  --download-images   save images under public/ and rewrite their links
  --follow-pages      follow "older posts" links of HTML archive pages
  -h, --help          show this help`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        drafts: { type: 'boolean', default: false },
        report: { type: 'string' },
        'download-images': { type: 'boolean', default: false },
        'follow-pages': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  const report = await runImport({
    inputs: positionals,
    contentDir: values.out,
    dryRun: values['dry-run'],
    force: values.force,
    drafts: values.drafts,
    downloadImages: values['download-images'],
    followPages: values['follow-pages'],
    ...(values.report ? { reportFile: values.report } : {}),
  });
  console.log(formatReport(report));
  return hasFailures(report) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
