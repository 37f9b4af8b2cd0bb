/**
 * One ERP import: a write transaction that rows are upserted into one at a time, committed only if
 * every row was good (or, with `partial`, keeping the good rows). The HTTP API runs a whole request
 * through one; the CSV import streams a whole file through one, so a million rows need no more
 * memory than one.
 *
 * The writes here are raw prepared statements on the better-sqlite3 handle rather than Drizzle's
 * query builder: building a query per row cost about 15× the insert itself (see bench/import.bench.ts).
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ERP_MAX_ROW_ERRORS, type ErpRowError, type ErpRowErrorCode } from '../../contract/erp';
import type { Db } from '../../db/client';
import { DomainError } from '../errors';
import type { Actor } from '../events';
import { parseRow } from '../../contract/schemas/erp';

export interface ErpImportOptions {
  actor: Actor;
  now: Date;
  requestId?: string | null;
  /** Keep the good rows: each row is its own savepoint, a failing one is rolled back alone. */
  partial?: boolean;
}

function statements(sqlite: Database.Database) {
  return {
    seen: sqlite.prepare(`INSERT OR IGNORE INTO temp.erp_import_seen (kind, key) VALUES (?, ?)`),
    event: sqlite.prepare(
      `INSERT INTO events (type, actor_type, actor_id, subject_type, subject_id, customer_id, data, request_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    savepoint: sqlite.prepare(`SAVEPOINT erp_row`),
    release: sqlite.prepare(`RELEASE erp_row`),
    rollbackRow: sqlite.prepare(`ROLLBACK TO erp_row`),
  };
}

/** Records one problem with the row being upserted; `field` '' for the row as a whole. */
export type RowFail = (field: string, code: ErpRowErrorCode, message: string) => void;

/** External ids remembered in memory before the temp table takes over. */
const SEEN_IN_MEMORY = 20_000;

/** Page cache during an import, in KiB (SQLite's negative cache_size). */
export const IMPORT_CACHE_KIB = -32_768;

/** Prepared once per connection: the server runs every request on one. */
const cache = new WeakMap<Database.Database, Map<string, unknown>>();

/** `make`'s prepared statements for this connection, made on first use. */
export function prepared<T>(sqlite: Database.Database, name: string, make: (sqlite: Database.Database) => T): T {
  let byName = cache.get(sqlite);
  if (!byName) cache.set(sqlite, (byName = new Map()));
  let value = byName.get(name) as T | undefined;
  if (value === undefined) byName.set(name, (value = make(sqlite)));
  return value;
}

export class ErpImport {
  readonly actor: Actor;
  readonly now: Date;
  readonly nowMs: number;
  readonly requestId: string | null;
  readonly partial: boolean;
  private readonly sql: ReturnType<typeof statements>;
  private open = true;
  /** Keys of one kind only: an import is of customers or of invoices. */
  private readonly seenInMemory = new Set<string>();

  private constructor(
    readonly sqlite: Database.Database,
    options: ErpImportOptions,
    private readonly cacheSize: number,
  ) {
    this.actor = options.actor;
    this.now = options.now;
    this.nowMs = options.now.getTime();
    this.requestId = options.requestId ?? null;
    this.partial = options.partial ?? false;
    this.sql = prepared(sqlite, 'import', statements);
  }

  /** Opens the write transaction; a busy database (another import holding it) is a 409. */
  static begin(db: Db, options: ErpImportOptions): ErpImport {
    // Drizzle's better-sqlite3 database carries its connection; the Db type leaves it out.
    const sqlite = (db as Db & { $client: Database.Database }).$client;
    if (sqlite.inTransaction) throw new Error('An ERP import runs in its own transaction.');
    try {
      sqlite.exec('BEGIN IMMEDIATE');
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new DomainError('conflict', 'The database is busy with another import; try again shortly.');
      }
      throw err;
    }
    // Which external ids this import has met past the first SEEN_IN_MEMORY (see markSeen).
    // A big import inserts all over the invoice, line and event indexes; with SQLite's default 2 MB
    // page cache most inserts then miss. 32 MiB for the import's duration, given back at the end.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    sqlite.exec(
      `CREATE TEMP TABLE IF NOT EXISTS erp_import_seen (kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
       DELETE FROM temp.erp_import_seen;`,
    );
    return new ErpImport(sqlite, options, cacheSize);
  }

  /**
   * False when this import already had a row with this key. The first keys are kept in memory (an
   * API request's 10,000 fit many times over); past that they go to a temp table that SQLite spills
   * to disk, so a file of millions of rows keeps its memory flat.
   */
  markSeen(kind: 'customer' | 'invoice', key: string): boolean {
    if (this.seenInMemory.has(key)) return false;
    if (this.seenInMemory.size < SEEN_IN_MEMORY) {
      this.seenInMemory.add(key);
      return true;
    }
    return this.sql.seen.run(kind, key).changes === 1;
  }

  /**
   * How every upsert starts: a row whose external id this import already had is a
   * `duplicate_external_id`, and the row must parse with `schema`. Only a row that passes both is
   * handed to `write` (run as one `row`), which reports the row's further problems through `fail`
   * and sees them in `errors`. Returns the row's problems, or none.
   */
  upsertRow<S extends z.ZodType>(
    kind: 'customer' | 'invoice',
    schema: S,
    raw: unknown,
    index: number,
    write: (row: z.output<S>, fail: RowFail, errors: readonly ErpRowError[]) => void,
  ): ErpRowError[] {
    const errors: ErpRowError[] = [];
    const fail: RowFail = (field, code, message) =>
      errors.push({ index, field, code, message: `${field || 'row'}: ${message}` });

    const externalId = (raw as { externalId?: unknown } | null)?.externalId;
    if (typeof externalId === 'string' && externalId.trim() !== '' && !this.markSeen(kind, externalId.trim())) {
      fail('externalId', 'duplicate_external_id', `${externalId.trim()} is in this import more than once`);
    }
    const parsed = parseRow(schema, raw, index);
    if (!parsed.ok) return [...errors, ...parsed.errors];
    if (errors.length > 0) return errors;
    return this.row(() => {
      write(parsed.value, fail, errors);
      return errors;
    });
  }

  /** Runs one row's checks and writes; in partial mode a row with errors leaves nothing behind. */
  row(write: () => ErpRowError[]): ErpRowError[] {
    if (!this.partial) return write();
    this.sql.savepoint.run();
    let errors: ErpRowError[];
    try {
      errors = write();
    } catch (err) {
      this.sql.rollbackRow.run();
      this.sql.release.run();
      throw err;
    }
    if (errors.length > 0) this.sql.rollbackRow.run();
    this.sql.release.run();
    return errors;
  }

  event(
    type: string,
    subject: { type: string; id: string },
    customerId: string | null,
    data: Record<string, unknown>,
  ): void {
    this.sql.event.run(
      type,
      this.actor.type,
      this.actor.id ?? null,
      subject.type,
      subject.id,
      customerId,
      JSON.stringify(data),
      this.requestId,
      this.nowMs,
    );
  }

  commit(): void {
    this.finish('COMMIT');
  }

  rollback(): void {
    this.finish('ROLLBACK');
  }

  private finish(how: 'COMMIT' | 'ROLLBACK'): void {
    if (!this.open) return;
    this.open = false;
    try {
      if (!this.sqlite.inTransaction) return;
      if (how === 'COMMIT') this.sqlite.exec('DELETE FROM temp.erp_import_seen');
      this.sqlite.exec(how);
    } finally {
      this.sqlite.pragma(`cache_size = ${this.cacheSize}`);
    }
  }
}

/** Row errors capped for a response or a printout, with the number left off. */
export class RowErrorList {
  readonly rows: ErpRowError[] = [];
  count = 0;

  constructor(private readonly cap = ERP_MAX_ROW_ERRORS) {}

  add(errors: ErpRowError[]): void {
    for (const e of errors) {
      this.count++;
      if (this.rows.length < this.cap) this.rows.push(e);
    }
  }

  get more(): number {
    return this.count - this.rows.length;
  }
}

export type ImportOutcome<R> = { ok: true; result: R } | { ok: false; errors: RowErrorList };

/**
 * Runs every row through `upsert` in one transaction: all rows written, or none when any row has a
 * problem (every problem found is reported, not just the first).
 */
export function importAll<R>(
  db: Db,
  rows: readonly unknown[],
  options: Omit<ErpImportOptions, 'partial'>,
  makeUpserter: (imp: ErpImport) => { upsert(row: unknown, index: number): ErpRowError[]; result(): R },
): ImportOutcome<R> {
  const imp = ErpImport.begin(db, options);
  try {
    const upserter = makeUpserter(imp);
    const errors = new RowErrorList();
    rows.forEach((row, index) => errors.add(upserter.upsert(row, index)));
    if (errors.count > 0) {
      imp.rollback();
      return { ok: false, errors };
    }
    imp.commit();
    return { ok: true, result: upserter.result() };
  } finally {
    imp.rollback();
  }
}
