/**
 * The `portico` command (bin/portico.mjs): ERP CSV imports, ERP API keys, company settings and
 * pausing a customer's reminders. Exit
 * codes: 0 done, 1 problems in the data (nothing written), 2 bad usage.
 */
import { runDunning } from './dunning-command';
import { runImport } from './import-command';
import { runKeys } from './keys-command';
import { runSettings } from './settings-command';
import { USAGE, UsageError } from './usage';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return await runImport(rest, process.env);
    if (command === 'keys') return await runKeys(rest, process.env);
    if (command === 'settings') return await runSettings(rest, process.env);
    if (command === 'dunning') return await runDunning(rest, process.env);
    if (command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`portico: ${err.message}\nRun "portico help" for usage.`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
