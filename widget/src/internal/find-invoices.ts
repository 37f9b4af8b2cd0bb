/**
 * The invoices a form acts on (`<ar-easy-pay>`, `<ar-promise-to-pay>`): those it names, by id or
 * number, else the account's open undisputed ones, most urgent first.
 */
import type { PorticoApi } from './api.js';
import type { InvoiceSummary } from './types.js';

/** The server's largest page of invoices. */
const pageSize = 200;

/**
 * Several are looked for in one page of the account's open invoices; one, or any not found there
 * (paid already, or past the first page), by itself. A 404 for one fails the whole load: acting on a
 * subset silently would surprise.
 */
export async function findInvoices(
  client: PorticoApi,
  account: string,
  wanted: readonly string[],
  signal: AbortSignal,
): Promise<InvoiceSummary[]> {
  const scope = account ? { account } : {};
  if (wanted.length === 0) {
    const page = await client.listInvoices({ ...scope, status: 'open', sort: 'priority', limit: pageSize }, { signal });
    return page.items.filter((invoice) => invoice.status !== 'disputed');
  }
  const found = new Map<string, InvoiceSummary>();
  if (wanted.length > 1) {
    const page = await client.listInvoices({ ...scope, status: 'open', limit: pageSize }, { signal });
    for (const invoice of page.items) {
      const name = wanted.find((item) => item === invoice.id || item === invoice.number);
      if (name) found.set(name, invoice);
    }
  }
  const missing = wanted.filter((item) => !found.has(item));
  const details = await Promise.all(missing.map((item) => client.getInvoice(item, { signal })));
  missing.forEach((item, i) => found.set(item, details[i]!));
  const seen = new Set<string>();
  // Each invoice once, even when named by both id and number.
  return wanted.map((item) => found.get(item)!).filter((invoice) => !seen.has(invoice.id) && seen.add(invoice.id));
}

/** The account of the invoices found: named invoices say whose they are, else the one asked for. */
export function accountOf(invoices: readonly InvoiceSummary[], account: string, named: boolean): string {
  return (named ? invoices[0]?.accountId : undefined) || account || invoices[0]?.accountId || '';
}
