export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_DATABASE = 'data/portico.sqlite';

/** The database a command opens (what `openDb` takes), and how to name it in messages. */
export interface CliDatabase {
  DATABASE_PATH: string;
  DATABASE_URL?: string;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  label: string;
}

/**
 * As the server picks it: PostgreSQL at `DATABASE_URL` when set, else the SQLite file at
 * `DATABASE_PATH` (else data/portico.sqlite). `--database PATH` names a SQLite file and wins over both.
 */
export function cliDatabase(option: string | undefined, env: NodeJS.ProcessEnv): CliDatabase {
  if (option === undefined && env.DATABASE_URL) {
    let url: URL;
    try {
      url = new URL(env.DATABASE_URL);
    } catch {
      url = new URL('invalid:');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new UsageError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
    }
    url.password = '';
    return { DATABASE_PATH: DEFAULT_DATABASE, DATABASE_URL: env.DATABASE_URL, label: url.href };
  }
  const path = option ?? (env.DATABASE_PATH || DEFAULT_DATABASE);
  if (path.trim() === '') throw new UsageError('--database must name a file.');
  return { DATABASE_PATH: path, label: path };
}

export const USAGE = `Usage:
  portico import customers FILE.csv [--dry-run] [--partial] [--errors ERRORS.csv] [--database PATH]
  portico import invoices FILE.csv  [--dry-run] [--partial] [--errors ERRORS.csv] [--database PATH]
  portico keys create --name NAME [--database PATH]
  portico keys list [--database PATH]
  portico keys revoke ID [--database PATH]
  portico settings show [--json] [--database PATH]
  portico settings set KEY=VALUE... [--database PATH]
  portico settings reset KEY... [--database PATH]
  portico dunning pause CUSTOMER --until YYYY-MM-DD [--database PATH]
  portico dunning resume CUSTOMER [--database PATH]

import   Upserts customers or invoices by external id from a CSV file, with the same checks as the
         ERP API. All or nothing: one problem anywhere and nothing is written; every problem is
         listed with its line in the file (the header is line 1).
  --dry-run         Check everything and roll back.
  --partial         Write the good rows and skip the bad ones.
  --errors FILE     Also write the problems to FILE as CSV (line, column, code, message, external_id).
  --database PATH   SQLite file (default: PostgreSQL at $DATABASE_URL when it is set, else
                    $DATABASE_PATH, else data/portico.sqlite). Every command takes it.

  Customers CSV columns: external_id, name, currency, contacts (required), payment_terms_days,
    billing_address. contacts is "Name <email>; email; ..." and replaces the customer's contacts.
  Invoices CSV: one row per invoice line, the invoice's columns repeated on each of its lines, its
    lines consecutive. Invoice columns: external_id, number, customer_external_id, issue_date,
    due_date, currency (required), po_number, void. Line columns: description, quantity,
    unit_price (required), sku, amount, tax_rate_bp, tax. Money in integer minor units (cents);
    quantity a decimal with up to 3 places; dates YYYY-MM-DD.

keys     ERP API keys. create prints the key once (on stdout; only its hash is stored).

settings The company as customers see it on every email and PDF. All values are checked and
         nothing is changed when one is bad; reset returns a setting to its default.
  name (companyName)        e.g. name="Acme Supplies"
  address (companyAddress)  postal address, lines separated by \n
  portalUrl                 the page customers pay on, e.g. portalUrl=https://pay.acme.com
                            (default: $PORTAL_URL, else $PUBLIC_URL/)
  timeZone                  IANA time zone, e.g. timeZone=America/New_York
  logo                      a PNG or JPEG file of at most 100 KB, e.g. logo=./logo.png (logo=none removes it)
  supportEmail, paymentInstructions, currency, surchargeRateBp, surchargeCap (none for no cap),
  allowOverpayment (true/false)
  promiseHorizonDays        how far ahead a customer may promise to pay (default 30)
  promiseToleranceDays      days of grace after a promised date before its verdict (default 2)
  dunningEnabled            payment reminders on or off (true/false; default true)
  dunningSequence           reminder days from the due date, then a repeat, e.g.
                            dunningSequence="-3,0,7,14,30 every 14" (the default)

dunning  Pauses one customer's payment reminders until a date (inclusive), or resumes them.
         CUSTOMER is its Portico id (cus_…) or its ERP external id.

Exit codes: 0 done, 1 problems in the data (nothing written, or with --partial the bad rows
skipped), 2 bad usage.`;
