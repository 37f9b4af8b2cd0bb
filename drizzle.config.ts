import { defineConfig } from 'drizzle-kit';

/** The SQLite migrations; `drizzle.postgres.config.ts` is the PostgreSQL twin (`npm run db:generate` runs both). */
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/src/db/schema/index.ts',
  out: './server/drizzle/sqlite',
});
