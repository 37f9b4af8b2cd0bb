/** `portico dunning pause CUSTOMER --until YYYY-MM-DD | dunning resume CUSTOMER`: one customer's reminders. */
import { parseArgs } from 'node:util';
import { eq, or } from 'drizzle-orm';
import { systemClock } from '../clock';
import { openDb } from '../db/client';
import { customers } from '../db/schema';
import { isCalendarDate } from '../domain/dates';
import { pauseDunning } from '../domain/dunning';
import { cliDatabase, UsageError } from './usage';

const actor = { type: 'system' as const, id: 'cli:dunning' };

export async function runDunning(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { until: { type: 'string' }, database: { type: 'string' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [action, who, ...rest] = parsed.positionals;
  const { values } = parsed;
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (action !== 'pause' && action !== 'resume') {
    throw new UsageError(`dunning what? Give pause or resume${action ? `, not "${action}"` : ''}.`);
  }
  if (!who) throw new UsageError(`dunning ${action} needs the customer (its id or ERP external id).`);
  if (action === 'pause' && (!values.until || !isCalendarDate(values.until))) {
    throw new UsageError('dunning pause needs --until YYYY-MM-DD (a calendar date).');
  }
  if (action === 'resume' && values.until !== undefined) throw new UsageError('--until goes with dunning pause.');

  const database = await openDb(cliDatabase(values.database, env));
  try {
    const customer = await database.db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(or(eq(customers.id, who), eq(customers.externalId, who)))
      .get();
    if (!customer) {
      console.error(`No customer has id or external id ${who}.`);
      return 1;
    }
    const until = action === 'pause' ? values.until! : null;
    await pauseDunning(database.db, customer.id, until, actor, systemClock.now());
    console.log(
      until ? `Reminders to ${customer.name} paused until ${until}.` : `Reminders to ${customer.name} resumed.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
