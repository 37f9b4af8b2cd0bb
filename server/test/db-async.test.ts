import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  openAsyncPostgres,
  openAsyncSqlite,
  toPostgres,
  transaction,
  driverError,
  TextWithNulError,
  type AsyncDatabase,
  type AsyncDb,
} from '../src/db/async';
import { openDatabase } from '../src/db/sqlite';
import { customers, events, settings } from '../src/db/schema';
import { createTestDatabase, postgresUrl } from './postgres-support';

/** Each engine's database, opened for the suite and removed after it. */
interface Opened {
  database: AsyncDatabase;
  remove: () => Promise<void>;
  /** The SQLite file, which a second connection may open. */
  path?: string;
}

const engines: Record<AsyncDatabase['engine'], () => Promise<Opened>> = {
  sqlite: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-async-'));
    const path = join(dir, 'db.sqlite');
    return {
      path,
      database: openAsyncSqlite(path),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgres: async () => {
    const { url, drop } = await createTestDatabase();
    return { database: await openAsyncPostgres(url), remove: drop };
  },
};

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(
    `the async database boundary on ${engine}`,
    { skip: engine === 'postgres' && !postgresUrl && 'no PostgreSQL server (run through scripts/with-postgres.mjs)' },
    () => {
      let database!: AsyncDatabase;
      let db!: AsyncDb;
      let remove!: () => Promise<void>;
      let path: string | undefined;
      before(async () => {
        ({ database, remove, path } = await engines[engine]());
        db = database.db;
      });
      after(async () => {
        await database?.close();
        await remove?.();
      });

      const at = new Date('2026-12-03T08:00:00Z');
      const read = async (handle: AsyncDb, key: string) =>
        (await handle.select().from(settings).where(eq(settings.key, key)).get())?.value;
      const write = (handle: AsyncDb, key: string, value: unknown) =>
        handle
          .insert(settings)
          .values({ key, value, updatedAt: at })
          .onConflictDoUpdate({ target: settings.key, set: { value } });

      it('reads and writes through awaited queries, with Drizzle’s mapping of columns', async () => {
        await write(db, 'plain', { a: 1 });
        const row = await db.select().from(settings).where(eq(settings.key, 'plain')).get();
        assert.deepEqual(row, { key: 'plain', value: { a: 1 }, updatedAt: at });
        const inserted = await db
          .insert(settings)
          .values({ key: 'returned', value: 2, updatedAt: at })
          .returning({ key: settings.key });
        assert.deepEqual(inserted, [{ key: 'returned' }]);
      });

      it('commits what a transaction wrote together, across awaits of other work', async () => {
        const result = await transaction(db, async (tx) => {
          await write(tx, 'first', 1);
          await sleep(5);
          await write(tx, 'second', 2);
          return 'done';
        });
        assert.equal(result, 'done');
        assert.equal(await read(db, 'first'), 1);
        assert.equal(await read(db, 'second'), 2);
      });

      it('rolls back everything a transaction wrote when it throws', async () => {
        await assert.rejects(
          transaction(db, async (tx) => {
            await write(tx, 'lost-1', 1);
            await write(tx, 'lost-2', 2);
            throw new Error('declined');
          }),
          /declined/,
        );
        assert.equal(await read(db, 'lost-1'), undefined);
        assert.equal(await read(db, 'lost-2'), undefined);
      });

      it('runs overlapping read-modify-write transactions one after the other: no update is lost', async () => {
        await write(db, 'counter', 0);
        const bump = () =>
          transaction(db, async (tx) => {
            const value = (await read(tx, 'counter')) as number;
            await sleep(1); // another request's turn, were the transactions not serialised
            await write(tx, 'counter', value + 1);
          });
        await Promise.all(Array.from({ length: 20 }, bump));
        assert.equal(await read(db, 'counter'), 20);
      });

      it('never shows a transaction’s uncommitted writes to a read outside it', async () => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let wrote!: () => void;
        const written = new Promise<void>((resolve) => (wrote = resolve));
        const open = transaction(db, async (tx) => {
          await write(tx, 'pending', 'uncommitted');
          wrote();
          await held;
        });
        await written;
        // The read goes to the reader connection and does not wait for the writer's lock.
        assert.equal(await read(db, 'pending'), undefined);
        release();
        await open;
        assert.equal(await read(db, 'pending'), 'uncommitted');
      });

      it('makes a write outside a transaction wait for the open one', async () => {
        const order: string[] = [];
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let wrote!: () => void;
        const written = new Promise<void>((resolve) => (wrote = resolve));
        const open = transaction(db, async (tx) => {
          await write(tx, 'order', 'in transaction');
          wrote();
          await held;
          order.push('commit');
        });
        await written;
        const outside = write(db, 'other-row', 'outside').then(() => order.push('outside write'));
        await sleep(20);
        assert.deepEqual(order, []);
        release();
        await Promise.all([open, outside]);
        assert.deepEqual(order, ['commit', 'outside write']);
        assert.equal(await read(db, 'order'), 'in transaction');
        assert.equal(await read(db, 'other-row'), 'outside');
      });

      it('runs a transaction inside a transaction as a savepoint: its failure undoes only its own writes', async () => {
        await transaction(db, async (tx) => {
          await write(tx, 'outer', 'kept');
          await assert.rejects(
            transaction(tx, async (inner) => {
              await write(inner, 'inner', 'undone');
              throw new Error('inner failed');
            }),
            /inner failed/,
          );
          await transaction(tx, (inner) => write(inner, 'inner-ok', 'kept'));
        });
        assert.equal(await read(db, 'outer'), 'kept');
        assert.equal(await read(db, 'inner'), undefined);
        assert.equal(await read(db, 'inner-ok'), 'kept');
      });

      it(
        'shares the file with a second process’s connection, which sees only what was committed',
        { skip: engine !== 'sqlite' },
        async () => {
          const other = openDatabase(path!);
          try {
            await write(db, 'shared', 'committed');
            const row = other.db.select().from(settings).where(eq(settings.key, 'shared')).get();
            assert.equal(row?.value, 'committed');
          } finally {
            other.close();
          }
        },
      );

      it('numbers a row’s identity id and stamps its created_at in the database', async () => {
        const event = { actorType: 'system', data: {}, createdAt: at } as const;
        const [first] = await db
          .insert(events)
          .values({ type: 'test.one', ...event })
          .returning({ id: events.id });
        const [second] = await db
          .insert(events)
          .values({ type: 'test.two', ...event })
          .returning({ id: events.id });
        assert.ok(first && second && second.id > first.id, `${first?.id} then ${second?.id}`);
        const [customer] = await db
          .insert(customers)
          .values({ id: 'cus_async', name: 'Async Ltd', currency: 'USD', updatedAt: at })
          .returning({ createdAt: customers.createdAt });
        assert.ok(customer && Math.abs(customer.createdAt.getTime() - Date.now()) < 60_000, `${customer?.createdAt}`);
      });

      it('refuses the root handle inside one of its transactions, which would wait for itself or miss its writes', async () => {
        await assert.rejects(
          transaction(db, async (tx) => {
            await write(tx, 'inside', 1);
            await write(db, 'outside', 2);
          }),
          (err: Error) => /use its handle \(tx\)/.test(String(err.cause ?? err)),
        );
        await assert.rejects(
          db.transaction(async () => read(db, 'inside')),
          (err: Error) => /use its handle \(tx\)/.test(String(err.cause ?? err)),
        );
        assert.equal(await read(db, 'inside'), undefined, 'the transaction rolled back');
        // Outside any transaction the root handle is free again, also alongside another one's work.
        await write(db, 'outside', 3);
        assert.equal(await read(db, 'outside'), 3);
      });

      it('refuses text holding a NUL character, alike on both engines', async () => {
        await assert.rejects(write(db, 'n\u0000ul', 1), (err: Error) => driverError(err) instanceof TextWithNulError);
        await assert.rejects(read(db, 'a\u0000'), (err: Error) => driverError(err) instanceof TextWithNulError);
      });

      it('refuses :memory:, which a second connection cannot share', { skip: engine !== 'sqlite' }, () => {
        assert.throws(() => openAsyncSqlite(':memory:'), /needs a database file/);
      });
    },
  );
}

describe('the SQLite builder’s SQL as PostgreSQL reads it', () => {
  it('numbers placeholders, but not a ? inside a quoted string or name', () => {
    assert.equal(
      toPostgres(`select "a?" from "t" where "x" = ? and "y" = 'why?' and "z" in (?, ?)`),
      `select "a?" from "t" where "x" = $1 and "y" = 'why?' and "z" in ($2, $3)`,
    );
  });

  it('drops the table from an upsert’s conflict target', () => {
    assert.equal(
      toPostgres(`insert into "t" ("id", "n") values (?, ?) on conflict ("t"."id", "t"."n") do update set "n" = ?`),
      `insert into "t" ("id", "n") values ($1, $2) on conflict ("id", "n") do update set "n" = $3`,
    );
  });

  it('asks for the identity of an id the insert left out, and the time from PostgreSQL’s clock', () => {
    assert.equal(
      toPostgres(
        `insert into "events" ("id", "type", "created_at") values (null, ?, (unixepoch('subsec') * 1000)), (null, ?, (unixepoch('subsec') * 1000))`,
      ),
      `insert into "events" ("id", "type", "created_at") values (default, $1, (floor(extract(epoch from statement_timestamp()) * 1000))::bigint), (default, $2, (floor(extract(epoch from statement_timestamp()) * 1000))::bigint)`,
    );
  });
});
