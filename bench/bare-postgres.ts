/**
 * The raw baseline on PostgreSQL: bare Hono answering the same first page with one hand-written
 * prepared statement (bench/page-query.ts, `$n` placeholders; named, so each pooled connection parses
 * it once) on a `pg` pool of 10 connections, the server's default `DATABASE_POOL_SIZE`. Numbers (int8)
 * come back as numbers, as the server reads them. No session, no validation, no status derivation: the
 * gap between this and Portico is what Portico's own layers cost on PostgreSQL.
 *
 * `plan_cache_mode = force_custom_plan`: after five executions PostgreSQL would otherwise keep a
 * generic plan for the statement, which cannot see the account or the day and, its estimates being
 * those of an average account, reads every unpaid invoice of the big account and sorts them (about
 * 1.5 ms a query against 0.2 ms on the data set measured). Portico's own queries are unnamed
 * statements, planned for their values every time; the baseline is planned the same way.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { pageQuery } from './page-query';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL!,
  max: 10,
  options: '-c plan_cache_mode=force_custom_plan',
  types: {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  },
});
const text = pageQuery((n) => `$${n}`);
const today = new Date().toISOString().slice(0, 10);
const app = new Hono().get('/', async (c) => {
  const { rows } = await pool.query({ name: 'invoice-page', text, values: [c.req.query('account'), today] });
  return c.json({ items: rows.slice(0, 50) });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
