/**
 * Runs the benchmarks under bench/ one after another, each in its own process: every one, or those
 * named (`npm run bench -- first-view list` runs first-view.bench.ts and list.bench.ts).
 *
 * The list and import benches measure PostgreSQL beside SQLite. With neither `BENCH_POSTGRES_URL` nor
 * `PORTICO_TEST_POSTGRES` set, this runs itself again under `scripts/with-postgres.mjs`, which starts a
 * throw-away PostgreSQL server for the run, when PostgreSQL's `initdb` is installed; when it is not,
 * those benches run on SQLite alone and say why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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

/** Whether `scripts/with-postgres.mjs` can start a server: it looks for initdb as this does. */
function initdbInstalled(): boolean {
  if (spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()) return true;
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')));
}

const wantsPostgres = files.some((f) => f === 'list.bench.ts' || f === 'import.bench.ts');
if (wantsPostgres && !process.env.BENCH_POSTGRES_URL && !process.env.PORTICO_TEST_POSTGRES) {
  if (initdbInstalled()) {
    const script = join(import.meta.dirname, '..', 'scripts', 'with-postgres.mjs');
    const self = [process.execPath, '--import', 'tsx', join(import.meta.dirname, 'run.ts'), ...named];
    const { status } = spawnSync(process.execPath, [script, ...self], { stdio: 'inherit' });
    process.exit(status ?? 1);
  }
  process.env.BENCH_POSTGRES_SKIPPED =
    "no BENCH_POSTGRES_URL, and PostgreSQL's initdb was not found to start a server (install Debian's postgresql package)";
}

for (const file of files) {
  console.log(`\n=== ${file}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
