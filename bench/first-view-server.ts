/**
 * The server `first-view.bench.ts` measures: the real app (`createApp`, as `main.ts` builds it, on the
 * SQLite file DATABASE_PATH, or the PostgreSQL database at DATABASE_URL) with the bench's two pages beside it, `/bench/<name>.html` from
 * PAGES_DIR, so the portal's page and the static page come from one origin and one process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDb } from '../server/src/db/client';

const config = loadConfig(process.env);
const database = await openDb(config);
const { app } = await createApp({ config, db: database.db });
const pagesDir = process.env.PAGES_DIR!;

const site = new Hono()
  .get('/bench/:page{[a-z-]+\\.html}', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(join(pagesDir, c.req.param('page')), 'utf8'));
  })
  .all('*', (c) => app.fetch(c.req.raw));

serve({ fetch: site.fetch, port: config.PORT, hostname: '127.0.0.1' }, () => console.log('ready'));
