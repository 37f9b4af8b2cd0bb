/**
 * Runs the benchmarks under bench/ one after another, each in its own process: every one, or those
 * named (`npm run bench -- first-view list` runs first-view.bench.ts and list.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const named = process.argv.slice(2);
const unknown = named.filter((name) => !all.includes(`${name}.bench.ts`));
if (unknown.length) {
  console.error(
    `No such bench: ${unknown.join(', ')}. There are: ${all.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')}.`,
  );
  process.exit(1);
}
const files = named.length ? named.map((name) => `${name}.bench.ts`) : all;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
