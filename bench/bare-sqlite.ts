/**
 * A second baseline: bare Hono answering the same first page with one hand-written prepared
 * statement on the same database: no session, no validation, no status derivation. The gap between
 * this and Portico is what Portico's own layers cost; the gap to hello-world is SQLite's work.
 */
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
const page = db.prepare(
  `SELECT id, number, customer_id AS accountId, po_number AS poNumber, issue_date AS issueDate, due_date AS dueDate,
          currency, total, balance
     FROM invoices
    WHERE customer_id = ? AND voided_at IS NULL AND balance > 0 AND due_date < ?
    ORDER BY due_date, id LIMIT 51`,
);
const today = new Date().toISOString().slice(0, 10);
const app = new Hono().get('/', (c) => c.json({ items: page.all(c.req.query('account'), today).slice(0, 50) }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
