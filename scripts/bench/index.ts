/**
 * `npm run bench -- <name> [options]`: runs one benchmark, or all of them with no name.
 * Each benchmark module exports `main(args)` and prints its own figures.
 */
const BENCHES = {
  build: () => import('./build.ts'),
  import: () => import('./import.ts'),
  snippets: () => import('./snippets.ts'),
  cards: () => import('./cards.ts'),
  search: () => import('./search.ts'),
} as const;

type BenchName = keyof typeof BENCHES;

function isBenchName(name: string): name is BenchName {
  return Object.hasOwn(BENCHES, name);
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name !== undefined && !name.startsWith('-') && !isBenchName(name)) {
    throw new Error(`unknown benchmark "${name}": choose one of ${Object.keys(BENCHES).join(', ')}`);
  }
  const names: BenchName[] = name !== undefined && isBenchName(name) ? [name] : (Object.keys(BENCHES) as BenchName[]);
  const rest = name !== undefined && isBenchName(name) ? args : argv;
  for (const bench of names) {
    console.log(`\n== bench: ${bench} ==`);
    const mod = (await BENCHES[bench]()) as { main: (args: string[]) => Promise<void> };
    await mod.main(rest);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
