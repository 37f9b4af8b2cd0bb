/**
 * Customer actions: what staff (admins and collectors) do on a customer's page in the staff console
 * (issue 13) apart from money: notes, the reminders' pause, the collector, contacts and their access,
 * sign-in and Easy Pay links, statements by email. Each is one transaction with its event and emails.
 *
 * This module is the slice's entry: the rest of the server imports customer actions from here only.
 */
export { addCustomerNote, assignCollector, setDunningPause } from './account';
export { addContact, endContactSessions, type NewContact, removeContact } from './contacts';
export { type ActionDeps, type StaffActing } from './core';
export { type LinkRequest, sendCustomerLink } from './links';
export { sendStatement, type StatementRequest } from './statement';
