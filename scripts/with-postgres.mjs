// Runs a command beside a PostgreSQL server of its own: `node scripts/with-postgres.mjs <command…>`.
// Creates a cluster in a temporary directory (initdb, trust on loopback only, C collation so text sorts
// byte by byte as on SQLite), starts it on a free port (pg_ctl), runs the command with
// PORTICO_TEST_POSTGRES set to the server's URL (tests create a database of their own on it), then stops
// the server and removes the directory, and exits with the command's code. As root, the server runs as
// the `postgres` user, since PostgreSQL refuses to run as root. Needs Debian's `postgresql` package (or
// initdb and pg_ctl on PATH); `npm run test:all` installs it when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binary(name) {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const path = join(root, version, 'bin', name);
    if (existsSync(path)) return path;
  }
  console.error(`PostgreSQL's ${name} was not found: install Debian's postgresql package (npm run test:all does).`);
  process.exit(1);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command…>');
  process.exit(2);
}

const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'portico-pg-'));
const data = join(dir, 'data');
/** As root, run PostgreSQL's programs as the `postgres` user, who must own the directory. */
const run = (program, args) => {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${program} failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
};
// As root the server runs as `postgres`, which must own the directory (it stays private to that user).
if (asRoot && spawnSync('chown', ['postgres', dir]).status !== 0) {
  console.error(`Could not give ${dir} to the postgres user.`);
  process.exit(1);
}

run(binary('initdb'), ['-D', data, '-A', 'trust', '-U', 'portico', '--locale=C', '-E', 'UTF8', '--no-sync']);
const port = await freePort();
const pgCtl = binary('pg_ctl');
run(pgCtl, [
  '-D',
  data,
  '-l',
  join(dir, 'server.log'),
  '-w',
  '-o',
  `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
  'start',
]);

let stopped = false;
function stop() {
  if (stopped) return;
  stopped = true;
  spawnSync(
    asRoot ? 'runuser' : pgCtl,
    [...(asRoot ? ['-u', 'postgres', '--', pgCtl] : []), '-D', data, '-m', 'fast', 'stop'],
    {
      stdio: 'ignore',
    },
  );
  rmSync(dir, { recursive: true, force: true });
}

const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, PORTICO_TEST_POSTGRES: `postgres://portico@127.0.0.1:${port}/postgres` },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
