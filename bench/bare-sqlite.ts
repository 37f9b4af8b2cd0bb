/**
 * The raw baseline on SQLite: bare Hono answering the same first page with one hand-written prepared
 * statement (bench/page-query.ts) on the same database: no session, no validation, no status
 * derivation. The gap between this and Portico is what Portico's own layers cost; the gap to
 * hello-world is SQLite's work.
 */
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { pageQuery } from './page-query';

const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
const page = db.prepare(pageQuery(() => '?'));
const today = new Date().toISOString().slice(0, 10);
const app = new Hono().get('/', (c) => c.json({ items: page.all(c.req.query('account'), today).slice(0, 50) }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
