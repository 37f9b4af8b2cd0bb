import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import type { Statement } from '../contract';
import { addDays, daysBetween } from '../contract/dates';
import { currencyExponent, minorToDecimal } from '../contract/money';
import { statementQuery } from '../contract/schemas';
import { calendarDate } from '../domain/dates';
import { accountFor, buildStatement } from '../domain/invoices';
import { readerLocale } from '../domain/notifications';
import { HttpError } from '../http/errors';
import { download, requestedLocale } from '../http/download';
import { catalogFor } from '../locales/catalog';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { queryParams } from '../http/validate';
import { renderStatementPdf } from '../pdf/render';

/**
 * The statement for spreadsheets: headings and descriptions in the reader's words; values as machines
 * read them in every locale (ISO dates, type codes, minor units as a plain decimal string such as
 * `-1234.50`, by integer arithmetic).
 */
function statementCsv(s: Statement, locale: string): string {
  const e = currencyExponent(s.currency);
  const money = (m: number) => minorToDecimal(m, e);
  const words = catalogFor(locale).statement;
  return stringify([
    [
      words.date,
      words.type,
      words.reference,
      words.description,
      words.amountIn(s.currency),
      words.balanceIn(s.currency),
    ],
    [s.from, 'opening', '', words.openingBalance, '', money(s.openingBalance)],
    ...s.lines.map((l) => [l.date, l.type, l.reference, l.description, money(l.amount), money(l.balance)]),
    [s.to, 'closing', '', words.closingBalance, '', money(s.closingBalance)],
    ...disputedCsvRows(s, locale, money),
  ]);
}

/**
 * After the closing balance, the part of it open disputes put in question: its total (`disputed`), by
 * days past due (`disputed_aging`, the bucket in Reference) and each open dispute (`dispute`, the invoice
 * in Reference, its amount in Amount). None when nothing is disputed.
 */
function disputedCsvRows(s: Statement, locale: string, money: (minor: number) => string): string[][] {
  if (s.disputed.total <= 0) return [];
  const t = catalogFor(locale);
  const words = t.dispute.statement;
  const buckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
  return [
    [s.to, 'disputed', '', words.ofWhichDisputed, '', money(s.disputed.total)],
    ...buckets.map((bucket) => [
      s.to,
      'disputed_aging',
      bucket,
      t.labelled(words.disputed, t.pdf.statement.agingBucket(bucket)),
      '',
      money(s.disputed.aging[bucket]),
    ]),
    ...s.disputed.items.map((d) => [
      d.openedOn,
      'dispute',
      d.invoiceNumber,
      t.labelled(words.dispute, t.dispute.status(d.status)),
      money(d.amount),
      '',
    ]),
  ];
}

export const statement = new Hono<AppEnv>().get('/', requireSession('customer'), async (c) => {
  const query = queryParams(c, statementQuery);
  const { db, clock, settings } = c.var.deps;
  const company = await settings.get(db);
  const accountId = accountFor(c.var.session, query.account);
  const to = query.to ?? calendarDate(clock.now(), company.timeZone);
  const from = query.from ?? addDays(to, -90);
  if (from > to) throw new HttpError(400, 'invalid_request', '`from` must be on or before `to`.');
  if (daysBetween(from, to) > 3660)
    throw new HttpError(400, 'invalid_request', 'A statement covers ten years at most.');
  // Easy Pay sessions see only their invoices; a whole-account statement is not theirs to read.
  if (c.var.session.scopeInvoiceIds) throw new HttpError(403, 'forbidden', 'Sign in to see statements.');

  const locale = await readerLocale(db, { locale: requestedLocale(c), email: c.var.session.email }, accountId, company);
  const result = await buildStatement(db, company, { accountId, from, to, locale });
  const filename = `statement-${result.account.name.replace(/\W+/g, '-')}-${from}-to-${to}`;
  if (query.format === 'csv')
    return download(c, statementCsv(result, locale), `${filename}.csv`, 'text/csv; charset=utf-8');
  if (query.format === 'pdf') {
    const pdf = renderStatementPdf(c.var.deps.pdf, {
      statement: result,
      logo: company.logo,
      portalUrl: company.portalUrl,
      locale,
    });
    return download(c, pdf, `${filename}.pdf`, 'application/pdf');
  }
  return c.json(result satisfies Statement);
});
