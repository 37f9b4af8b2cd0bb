import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL migrations, from the PostgreSQL twin of the schema (see `server/src/db/schema-pg/index.ts`). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema-pg/index.ts',
  out: './server/drizzle/postgres',
});
