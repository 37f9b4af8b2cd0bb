/** `portico keys create --name NAME | keys list | keys revoke ID` */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock';
import { openDb } from '../db/client';
import { createErpKey, listErpKeys, revokeErpKey } from '../domain/erp';
import { cliDatabase, UsageError } from './usage';

const actor = { type: 'system' as const, id: 'cli:keys' };

export async function runKeys(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { name: { type: 'string' }, database: { type: 'string' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [action, id, ...rest] = parsed.positionals;
  const { values } = parsed;
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (action === 'create') {
    const name = values.name?.trim();
    if (!name || name.length > 100) throw new UsageError('keys create needs --name NAME (up to 100 characters).');
    if (id) throw new UsageError(`Unexpected argument "${id}".`);
  } else if (action === 'revoke') {
    if (!id) throw new UsageError('keys revoke needs the key id (see keys list).');
  } else if (action === 'list') {
    if (id) throw new UsageError(`Unexpected argument "${id}".`);
  } else {
    throw new UsageError(`keys what? Give create, list or revoke${action ? `, not "${action}"` : ''}.`);
  }
  if (action !== 'create' && values.name !== undefined) throw new UsageError(`--name goes with keys create.`);

  const database = await openDb(cliDatabase(values.database, env));
  try {
    const now = systemClock.now();
    if (action === 'create') {
      const created = await createErpKey(database.db, values.name!.trim(), actor, now);
      // The key alone on stdout, so `KEY=$(portico keys create --name erp)` works; the rest to stderr.
      console.error(`Created ERP API key ${created.id} "${created.name}". It is shown once; store it now.`);
      console.log(created.key);
      return 0;
    }
    if (action === 'revoke') {
      if (await revokeErpKey(database.db, id!, actor, now)) {
        console.log(`Revoked ${id}.`);
        return 0;
      }
      console.error(`No live key ${id}: it does not exist or is already revoked.`);
      return 1;
    }
    const keys = await listErpKeys(database.db);
    if (keys.length === 0) {
      console.log('No ERP API keys. Create one with: portico keys create --name NAME');
      return 0;
    }
    const rows = [
      ['ID', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'STATUS'],
      ...keys.map((k) => [
        k.id,
        k.name,
        `${k.prefix}…`,
        k.createdAt,
        k.lastUsedAt ?? 'never',
        k.revokedAt ? `revoked ${k.revokedAt}` : 'live',
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows)
      console.log(
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
    return 0;
  } finally {
    await database.close();
  }
}
