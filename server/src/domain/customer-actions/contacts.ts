/** Adding and removing a customer's contacts, and ending a contact's sessions and links. */
import { and, eq } from 'drizzle-orm';
import type { ContactAccessEnded, CustomerContactView } from '../../contract';
import { newId } from '../../crypto';
import { contacts } from '../../db/schema';
import { DomainError } from '../errors';
import { endCustomerAccess } from './access';
import { customerEvent, contactOf, customerOf, type ActionDeps, type StaffActing } from './core';

export interface NewContact {
  email: string;
  name?: string | undefined;
  locale?: string | null | undefined;
}

function view(row: typeof contacts.$inferSelect): CustomerContactView {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, createdAt: row.createdAt.toISOString() };
}

/** A new contact (409 when the email already is one of this customer's). */
export async function addContact(
  { db, clock }: ActionDeps,
  customerId: string,
  input: NewContact,
  by: StaffActing,
): Promise<CustomerContactView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await customerOf(tx, customerId);
    const existing = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.customerId, customerId), eq(contacts.email, input.email)))
      .get();
    if (existing) throw new DomainError('conflict', `${input.email} is already a contact of this customer.`);
    const row = await tx
      .insert(contacts)
      .values({
        id: newId('con'),
        customerId,
        email: input.email,
        name: input.name ?? '',
        locale: input.locale ?? null,
        createdAt: now,
      })
      .returning()
      .get();
    await customerEvent(
      tx,
      by,
      customerId,
      { type: 'customer.contact_added', subject: { type: 'contact', id: row.id }, data: { email: row.email } },
      now,
    );
    return view(row);
  });
}

/**
 * Ends a contact's customer sessions and revokes their open links, removing the contact first when asked;
 * both end only if the email is a contact of no other customer (endCustomerAccess).
 */
async function endAccess(
  { db, clock }: ActionDeps,
  customerId: string,
  contactId: string,
  by: StaffActing,
  remove: boolean,
): Promise<ContactAccessEnded> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await customerOf(tx, customerId);
    const contact = await contactOf(tx, customerId, contactId, 'path');
    if (remove) await tx.delete(contacts).where(eq(contacts.id, contact.id)).run();
    const ended = await endCustomerAccess(tx, contact.email, customerId, now);
    const type = remove ? 'customer.contact_removed' : 'customer.contact_sessions_ended';
    const subject = { type: 'contact', id: contact.id };
    await customerEvent(tx, by, customerId, { type, subject, data: { email: contact.email, ...ended } }, now);
    return ended;
  });
}

/** Removes a contact; their sessions end and open links are revoked unless they are another customer's contact too. */
export const removeContact = (deps: ActionDeps, customerId: string, contactId: string, by: StaffActing) =>
  endAccess(deps, customerId, contactId, by, true);

/** Ends a contact's customer sessions and revokes their open links (the same rule as removing them). */
export const endContactSessions = (deps: ActionDeps, customerId: string, contactId: string, by: StaffActing) =>
  endAccess(deps, customerId, contactId, by, false);
