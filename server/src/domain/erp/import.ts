/**
 * One ERP import: a write transaction that rows are upserted into one at a time, committed only if
 * every row was good (or, with `partial`, keeping the good rows). The HTTP API runs a whole request
 * through one; the CSV import streams a whole file through one, so a million rows need no more
 * memory than one (and the set of external ids met so far).
 *
 * The same code runs on SQLite and PostgreSQL. Per row it runs few statements: the hot ones are Drizzle
 * queries prepared once per import with placeholders (building a query per row cost about 15× the
 * insert itself, see bench/import.bench.ts), and the rows written in bulk (invoice lines, contacts,
 * events) are collected and written `BATCH` at a time in one multi-row INSERT, which on PostgreSQL
 * saves a round trip per row.
 */
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { ERP_MAX_ROW_ERRORS, type ErpRowError, type ErpRowErrorCode } from '../../contract/erp';
import type { Db, Tx } from '../../db/client';
import { events } from '../../db/schema';
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

/** Records one problem with the row being upserted; `field` '' for the row as a whole. */
export type RowFail = (field: string, code: ErpRowErrorCode, message: string) => void;

/** Page cache during a CLI import, in KiB (SQLite's negative cache_size): SQLite-only tuning. */
export const IMPORT_CACHE_KIB = -32_768;

/** Rows per multi-row INSERT (invoice lines, contacts, events): 100 × 9 values, well under either engine's limit. */
const BATCH = 100;

/** What an import's work decides: commit (or roll back) and what to answer either way. */
export interface ImportDecision<R> {
  commit: boolean;
  result: R;
}

/** Thrown out of the transaction to roll it back with an answer. */
class RolledBack<R> {
  constructor(readonly result: R) {}
}

type PreparedRun = { run(values: unknown): Promise<unknown> };

/**
 * Rows of one table written `BATCH` at a time: one multi-row INSERT prepared once per import (its
 * placeholders are numbered, so a flat array fills them), and one per smaller size for the rest.
 * Values are the database's own (instants as milliseconds, JSON as text), given in `columns` order.
 * Rows are only queued by `add`; the import writes them between rows (never inside a row's savepoint,
 * which would take other rows' writes with it when rolled back) and before it commits.
 */
export class BatchInsert {
  private values: unknown[] = [];
  private readonly statements = new Map<number, PreparedRun>();

  constructor(
    private readonly tx: Tx,
    private readonly table: SQLiteTable,
    /** The table's columns by their schema (property) names. */
    private readonly columns: readonly string[],
  ) {}

  /** Rows queued. */
  get size(): number {
    return this.values.length / this.columns.length;
  }

  /** Queues one row: a value per column, in `columns` order. */
  add(values: readonly unknown[]): void {
    for (const value of values) this.values.push(value);
  }

  /** Forgets the rows queued after the first `rows` (a row in partial mode that is rolled back). */
  truncate(rows: number): void {
    this.values.length = Math.min(this.values.length, rows * this.columns.length);
  }

  /** Writes the queued rows in full batches, and with `all` the rest too. */
  async flush(all: boolean): Promise<void> {
    const width = this.columns.length;
    let from = 0;
    while (this.size - from >= BATCH || (all && from < this.size)) {
      const rows = Math.min(BATCH, this.size - from);
      await this.statement(rows).run(this.values.slice(from * width, (from + rows) * width));
      from += rows;
    }
    if (from > 0) this.values = this.values.slice(from * width);
  }

  private statement(rows: number): PreparedRun {
    let statement = this.statements.get(rows);
    if (!statement) {
      let n = 0;
      // Each placeholder inside `sql`, so its value goes to the driver as given (no column mapping).
      const placeholders = Array.from({ length: rows }, () =>
        Object.fromEntries(this.columns.map((column) => [column, sql`${sql.placeholder(String(n++))}`])),
      );
      statement = this.tx
        .insert(this.table)
        .values(placeholders as never)
        .prepare();
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

const EVENT_COLUMNS = [
  'type',
  'actorType',
  'actorId',
  'subjectType',
  'subjectId',
  'customerId',
  'data',
  'requestId',
  'createdAt',
] as const satisfies readonly (keyof typeof events.$inferInsert)[];

export class ErpImport {
  readonly actor: Actor;
  readonly now: Date;
  readonly nowMs: number;
  readonly requestId: string | null;
  readonly partial: boolean;
  /**
   * External ids this import has met, by kind: in memory, as an import is bounded by its request or
   * file (a file of a million rows holds a few tens of MB of them).
   */
  private readonly seen = { customer: new Set<string>(), invoice: new Set<string>() };
  private readonly events: BatchInsert;
  /** Every batch of this import, written before it commits; `batch` adds one. */
  private readonly batches: BatchInsert[] = [];

  private constructor(
    readonly tx: Tx,
    options: ErpImportOptions,
  ) {
    this.actor = options.actor;
    this.now = options.now;
    this.nowMs = options.now.getTime();
    this.requestId = options.requestId ?? null;
    this.partial = options.partial ?? false;
    this.events = this.batch(events, EVENT_COLUMNS);
  }

  /**
   * Runs `work` in one write transaction: committed when it says so, else rolled back, and its result
   * answered either way. On SQLite, a database another process holds (the CLI importing) past the busy
   * timeout is a 409. Every queued row is written before the decision, so a dry run checks them all too.
   */
  static async run<R>(
    db: Db,
    options: ErpImportOptions,
    work: (imp: ErpImport) => Promise<ImportDecision<R>>,
  ): Promise<R> {
    let began = false;
    try {
      return await db.transaction(async (tx) => {
        began = true;
        const imp = new ErpImport(tx, options);
        const decision = await work(imp);
        await imp.flush(true);
        if (!decision.commit) throw new RolledBack(decision.result);
        return decision.result;
      });
    } catch (err) {
      if (err instanceof RolledBack) return err.result as R;
      if (!began && (err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new DomainError('conflict', 'The database is busy with another import; try again shortly.');
      }
      throw err;
    }
  }

  /** Rows of `table` written in batches within this import (see BatchInsert). */
  batch(table: SQLiteTable, columns: readonly string[]): BatchInsert {
    const batch = new BatchInsert(this.tx, table, columns);
    this.batches.push(batch);
    return batch;
  }

  /** Writes the queued rows: the full batches, or with `all` every one. */
  async flush(all: boolean): Promise<void> {
    for (const batch of this.batches) await batch.flush(all);
  }

  /** False when this import already had a row with this key. */
  markSeen(kind: 'customer' | 'invoice', key: string): boolean {
    const seen = this.seen[kind];
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  /**
   * How every upsert starts: a row whose external id this import already had is a
   * `duplicate_external_id`, and the row must parse with `schema`. Only a row that passes both is
   * handed to `write` (run as one `row`), which reports the row's further problems through `fail`
   * and sees them in `errors`. Returns the row's problems, or none.
   */
  async upsertRow<S extends z.ZodType>(
    kind: 'customer' | 'invoice',
    schema: S,
    raw: unknown,
    index: number,
    write: (row: z.output<S>, fail: RowFail, errors: readonly ErpRowError[]) => Promise<void>,
  ): Promise<ErpRowError[]> {
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
    return this.row(async () => {
      await write(parsed.value, fail, errors);
      return errors;
    });
  }

  /**
   * Runs one row's checks and writes; in partial mode a row with errors leaves nothing behind: it runs
   * in a savepoint, rolled back when the row has errors, and the rows it queued are dropped. Full
   * batches are written after the row, outside its savepoint.
   */
  async row(write: () => Promise<ErpRowError[]>): Promise<ErpRowError[]> {
    let errors: ErpRowError[];
    if (!this.partial) errors = await write();
    else {
      const queued = this.batches.map((b) => b.size);
      try {
        errors = await this.tx.transaction(async () => {
          const found = await write();
          if (found.length > 0) throw new RolledBack(found);
          return found;
        });
      } catch (err) {
        // What the savepoint wrote is gone with it; what the row queued goes too.
        this.batches.forEach((b, i) => b.truncate(queued[i]!));
        if (err instanceof RolledBack) return err.result as ErpRowError[];
        throw err;
      }
    }
    await this.flush(false);
    return errors;
  }

  /** Queues one event of this import (written in order, before the import commits). */
  event(
    type: string,
    subject: { type: string; id: string },
    customerId: string | null,
    data: Record<string, unknown>,
  ): void {
    this.events.add([
      type,
      this.actor.type,
      this.actor.id ?? null,
      subject.type,
      subject.id,
      customerId,
      JSON.stringify(data),
      this.requestId,
      this.nowMs,
    ]);
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
  makeUpserter: (imp: ErpImport) => { upsert(row: unknown, index: number): Promise<ErpRowError[]>; result(): R },
): Promise<ImportOutcome<R>> {
  return ErpImport.run(db, options, async (imp): Promise<ImportDecision<ImportOutcome<R>>> => {
    const upserter = makeUpserter(imp);
    const errors = new RowErrorList();
    for (let index = 0; index < rows.length; index++) errors.add(await upserter.upsert(rows[index], index));
    if (errors.count > 0) return { commit: false, result: { ok: false, errors } };
    return { commit: true, result: { ok: true, result: upserter.result() } };
  });
}
