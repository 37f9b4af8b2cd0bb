import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AccountList, InvoiceList, InvoiceSummary } from '../src/contract';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let northwind: string;
let bookkeeper: string;

async function list(token: string, query = ''): Promise<InvoiceList> {
  const res = await t.call('GET', `/invoices${query}`, { token });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as InvoiceList;
}

async function all(token: string, query: string): Promise<InvoiceSummary[]> {
  const items: InvoiceSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: InvoiceList = await list(token, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('accounts and invoices', () => {
  before(async () => {
    // 2026-11-20 10:00 in New York.
    t = await startTestServer({ now: '2026-11-20T15:00:00Z' });
    northwind = await t.signIn('ap@northwind.test');
    bookkeeper = await t.signIn('bookkeeper@ledger.test');
  });
  after(() => t.close());

  it("lists Northwind's account with balance, past-due total and counts that match its invoices", async () => {
    const res = await t.call('GET', '/accounts', { token: northwind });
    const body = (await res.json()) as AccountList;
    assert.equal(body.company.name, 'Acme Supplies');
    assert.equal(body.items.length, 1);
    const account = body.items[0]!;
    const open = await all(northwind, '?status=open&limit=7');
    assert.equal(
      account.balance,
      open.reduce((s, i) => s + i.balance, 0),
    );
    const pastDue = open.filter((i) => i.status === 'past_due');
    assert.equal(
      account.pastDue,
      pastDue.reduce((s, i) => s + i.balance, 0),
    );
    assert.equal(account.pastDueCount, 6);
    assert.equal(account.openCount, open.length);
    assert.equal(account.currency, 'USD');
    assert.equal(account.credit, 0);
  });

  it('puts past-due invoices first, oldest due date first, then open ones, then paid', async () => {
    const items = await all(northwind, '?status=all&limit=5');
    assert.ok(items.length >= 30);
    const ranks = items.map((i) => ({ past_due: 0, open: 1, disputed: 2, paid: 3, void: 4 })[i.status]);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
    const pastDue = items.filter((i) => i.status === 'past_due');
    assert.equal(pastDue.length, 6);
    assert.deepEqual(
      pastDue.map((i) => i.dueDate),
      pastDue.map((i) => i.dueDate).sort(),
    );
    assert.ok(items.filter((i) => i.status === 'paid').length >= 10);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'no invoice twice across pages');
  });

  it('counts days past due in the company time zone', async () => {
    const [oldest] = (await list(northwind, '?status=past_due&limit=1')).items;
    assert.equal(oldest!.daysPastDue, 75);
    assert.equal(oldest!.status, 'past_due');
  });

  it('filters by status, each filter matching the counts on the account', async () => {
    const [account] = ((await (await t.call('GET', '/accounts', { token: northwind })).json()) as AccountList).items;
    const byFilter: Record<string, InvoiceSummary[]> = {};
    for (const status of ['open', 'past_due', 'disputed', 'paid', 'all'] as const) {
      byFilter[status] = await all(northwind, `?status=${status}&limit=9`);
      assert.equal(byFilter[status]!.length, account!.counts[status], status);
    }
    assert.ok(byFilter.past_due!.every((i) => i.status === 'past_due' && i.balance > 0));
    assert.ok(byFilter.paid!.every((i) => i.status === 'paid' && i.balance === 0));
    assert.deepEqual(
      byFilter.disputed!.map((i) => [i.number, i.status]),
      [['INV-1029', 'disputed']],
    );
    // `open` is every unpaid invoice: past due and disputed ones too.
    assert.ok(byFilter.open!.every((i) => i.balance > 0 && ['open', 'past_due', 'disputed'].includes(i.status)));
    assert.equal(
      byFilter.open!.length,
      account!.counts.past_due + account!.counts.disputed + byFilter.open!.filter((i) => i.status === 'open').length,
    );
    assert.equal(account!.counts.open + account!.counts.paid, account!.counts.all);
    // One invoice partly paid, one partly credited.
    assert.equal(byFilter.open!.filter((i) => i.balance < i.total).length, 2);
    // The account's disputed figure is what its disputes question, at most each invoice's balance.
    const only = byFilter.disputed![0]!;
    assert.equal(account!.disputed, Math.min(only.dispute!.amount, only.balance));
    assert.ok(account!.disputed < only.balance, 'the demo disputes one line, not the whole invoice');
  });

  it('sorts by any supported column both ways with stable pages', async () => {
    for (const sort of ['total', '-total', 'number', '-dueDate', 'issueDate', '-balance']) {
      const items = await all(northwind, `?status=all&sort=${sort}&limit=4`);
      const key = sort.replace('-', '') as 'total' | 'number' | 'dueDate' | 'issueDate' | 'balance';
      const values = items.map((i) => i[key]);
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      assert.deepEqual(values, sort.startsWith('-') ? sorted.reverse() : sorted, sort);
      assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    }
  });

  it('searches by invoice number and PO prefix, treating wildcards as characters', async () => {
    const items = (await list(northwind, '?q=INV-100')).items;
    assert.ok(items.length > 0 && items.every((i) => i.number.startsWith('INV-100')));
    assert.equal((await list(northwind, '?q=%25')).items.length, 0);
    assert.equal((await list(northwind, '?q=_')).items.length, 0);
    // Case does not matter, on PostgreSQL (whose LIKE minds it) as on SQLite.
    assert.deepEqual((await list(northwind, '?q=inv-100')).items, items);
  });

  it('shows a bookkeeper both accounts, one at a time, the first listed when none is named', async () => {
    const accounts = (await (await t.call('GET', '/accounts', { token: bookkeeper })).json()) as AccountList;
    assert.deepEqual(
      accounts.items.map((a) => a.name),
      ['Globex', 'Initech'],
    );
    const initech = await all(bookkeeper, '?status=all&account=cus_initech');
    assert.ok(initech.length > 0 && initech.every((i) => i.accountId === 'cus_initech'));
    const unnamed = await all(bookkeeper, '?status=all');
    assert.ok(unnamed.length === accounts.items[0]!.counts.all && unnamed.every((i) => i.accountId === 'cus_globex'));
  });

  it("answers 404 for another customer's account, and never shows its invoices", async () => {
    const res = await t.call('GET', '/invoices?account=cus_globex', { token: northwind });
    assert.equal(res.status, 404);
    assert.equal(await errorCode(res), 'not_found');
    const mine = await all(northwind, '?status=all');
    assert.ok(mine.every((i) => i.accountId === 'cus_northwind'));
  });

  it('formats money as integer minor units in the invoice currency', async () => {
    const lumiere = await t.signIn('compta@lumiere.test');
    const items = await all(lumiere, '?status=all');
    assert.ok(
      items.every((i) => i.currency === 'EUR' && Number.isSafeInteger(i.total) && Number.isSafeInteger(i.balance)),
    );
  });

  for (const [query, what] of [
    ['?status=late', 'an unknown status'],
    ['?sort=secret', 'an unknown sort'],
    ['?limit=0', 'a zero limit'],
    ['?limit=1000', 'a huge limit'],
    ['?limit=2.5', 'a fractional limit'],
    ['?cursor=not-a-cursor', 'a garbage cursor'],
    [`?cursor=${Buffer.from('{"s":"priority","v":[1,2]}').toString('base64url')}`, 'a cursor of the wrong shape'],
    [`?cursor=${Buffer.from('{"s":"total","v":[1,"x"]}').toString('base64url')}`, 'a cursor from another sort'],
    [`?q=${'x'.repeat(200)}`, 'an overlong search'],
  ]) {
    it(`refuses ${what} with a 400`, async () => {
      const res = await t.call('GET', `/invoices${query}`, { token: northwind });
      assert.equal(res.status, 400);
      assert.equal(await errorCode(res), 'invalid_request');
    });
  }
});
