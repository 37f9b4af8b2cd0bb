/** `portico import customers|invoices FILE.csv [--dry-run] [--partial] [--errors FILE] [--database PATH]` */
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { systemClock } from '../clock';
import { openDb } from '../db/client';
import { IMPORT_CACHE_KIB } from '../domain/erp';
import { DomainError } from '../domain/errors';
import type { FileRowError, ImportKind } from './csv-columns';
import { CsvFileError, importCsvFile, type CsvImportSummary } from './csv-import';
import { importProgress } from './progress';
import { cliDatabase, UsageError, type CliDatabase } from './usage';

/** Problems printed to the terminal; all of them go to --errors. */
const PRINTED_ERRORS = 100;

interface ImportCommand {
  kind: ImportKind;
  file: string;
  database: CliDatabase;
  dryRun: boolean;
  partial: boolean;
  errorsFile: string | undefined;
}

function parseImport(argv: string[], env: NodeJS.ProcessEnv): ImportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        partial: { type: 'boolean', default: false },
        errors: { type: 'string' },
        database: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [kind, file, ...rest] = parsed.positionals;
  if (kind !== 'customers' && kind !== 'invoices') {
    throw new UsageError(`import what? Give "customers" or "invoices", got ${kind ? `"${kind}"` : 'nothing'}.`);
  }
  if (!file) throw new UsageError(`import ${kind} needs a CSV file.`);
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  try {
    if (!statSync(file).isFile()) throw new Error();
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file.`);
  }
  const { values } = parsed;
  if (values['dry-run'] && values.partial) throw new UsageError('--dry-run and --partial do not go together.');
  return {
    kind,
    file,
    database: cliDatabase(values.database, env),
    dryRun: values['dry-run'],
    partial: values.partial,
    errorsFile: values.errors,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

function outcome(c: ImportCommand, s: CsvImportSummary, seconds: number): string {
  const what = c.kind === 'customers' ? 'customers' : 'invoices';
  const tally =
    `${count(s.created)} created, ${count(s.updated)} updated, ${count(s.unchanged)} unchanged` +
    (c.kind === 'invoices' ? `, ${count(s.voided)} voided` : '');
  const pace = `${seconds.toFixed(1)} s, ${count(Math.round(s.rows / Math.max(seconds, 0.001)))} rows/s`;
  const read = `${count(s.rows)} rows, ${count(s.records)} ${what}`;
  if (s.errors > 0 && !c.partial) {
    return `${count(s.errors)} problem${s.errors === 1 ? '' : 's'} in ${c.file} (${read}); nothing was written.`;
  }
  if (c.dryRun) return `Dry run of ${c.file}: ${read}; would be ${tally}. Nothing was written (${pace}).`;
  const skipped =
    s.errors > 0 ? ` ${count(s.errors)} problem${s.errors === 1 ? '' : 's'}: those rows were skipped.` : '';
  return `Imported ${c.file} into ${c.database.label}: ${read}; ${tally} (${pace}).${skipped}`;
}

export async function runImport(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const command = parseImport(argv, env);
  const errorsOut = command.errorsFile
    ? stringify({ header: true, columns: ['line', 'column', 'code', 'message', 'external_id'] })
    : null;
  const errorsFile = command.errorsFile ? createWriteStream(command.errorsFile) : null;
  if (errorsOut && errorsFile) errorsOut.pipe(errorsFile);

  // The first problems are printed once the progress bar is done with the terminal.
  const shown: FileRowError[] = [];
  let problems = 0;
  const onError = (e: FileRowError) => {
    errorsOut?.write([e.line, e.column, e.code, e.message, e.externalId]);
    if (problems++ < PRINTED_ERRORS) shown.push(e);
  };
  const printProblems = () => {
    for (const e of shown) {
      process.stderr.write(`line ${e.line}${e.externalId ? ` (${e.externalId})` : ''}: ${e.message} [${e.code}]\n`);
    }
    if (problems > PRINTED_ERRORS) {
      process.stderr.write(
        `… and ${count(problems - PRINTED_ERRORS)} more${command.errorsFile ? ` (all in ${command.errorsFile})` : '; use --errors FILE.csv for the full list'}.\n`,
      );
    }
  };

  const database = await openDb(command.database);
  // SQLite only, tuning and never behaviour: a big import inserts all over the invoice, line and event
  // indexes, and with SQLite's default 2 MB page cache most inserts then miss. This process ends with it.
  database.sqlite?.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  const progress = importProgress(`Importing ${command.kind}`, statSync(command.file).size);
  const started = performance.now();
  try {
    const summary = await importCsvFile({
      kind: command.kind,
      file: command.file,
      db: database.db,
      actor: { type: 'system', id: 'cli:import' },
      now: systemClock.now(),
      dryRun: command.dryRun,
      partial: command.partial,
      onError,
      onProgress: (rows, bytes) => progress.update(rows, bytes),
    });
    progress.stop();
    if (summary.committed) database.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    printProblems();
    console.log(outcome(command, summary, (performance.now() - started) / 1000));
    return summary.errors > 0 ? 1 : 0;
  } catch (err) {
    progress.stop();
    if (err instanceof CsvFileError) {
      console.error(`${command.file}: ${err.message}\nNothing was written.`);
      return 1;
    }
    if (err instanceof DomainError) {
      console.error(`import: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
    if (errorsOut && errorsFile) {
      errorsOut.end();
      await once(errorsFile, 'finish');
    }
  }
}
