/**
 * Whose locale a document takes (an email, a PDF, a statement download; the words are in
 * server/src/locales): the locale its reader asked for (a portal download's `?locale=`), else that of
 * the contact it is written to, else the company's `locale` setting. Staff get the company's.
 */
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contacts } from '../../db/schema';
import type { CompanySettings } from '../settings';

/** Who reads a document: the locale they asked for, and/or the email it goes to (or that signed in). */
export interface Reader {
  /** A canonical BCP 47 tag (see locales/locale-schema.ts). */
  locale?: string;
  email?: string;
}

/**
 * A contact's own locale: the one of `customerId`'s contact with that email when it has one, else the
 * oldest contact with that email that has one (an email can be a contact of several customers, and a
 * sign-in link names none); null when none has.
 */
async function contactLocale(db: DbOrTx, email: string, customerId: string | null): Promise<string | null> {
  const row = await db
    .select({ locale: contacts.locale })
    .from(contacts)
    .where(and(eq(contacts.email, email), isNotNull(contacts.locale)))
    // A CASE, not the comparison itself: that is 0/1 on SQLite but a boolean on PostgreSQL.
    .orderBy(
      desc(sql`CASE WHEN ${contacts.customerId} = ${customerId ?? ''} THEN 1 ELSE 0 END`),
      asc(contacts.createdAt),
      asc(contacts.id),
    )
    .limit(1)
    .get();
  return row?.locale ?? null;
}

/** The locale of a document `reader` reads about `customerId`'s account (null: none in particular). */
export async function readerLocale(
  db: DbOrTx,
  reader: Reader,
  customerId: string | null,
  company: Pick<CompanySettings, 'locale'>,
): Promise<string> {
  if (reader.locale) return reader.locale;
  return (reader.email ? await contactLocale(db, reader.email, customerId) : null) ?? company.locale;
}
