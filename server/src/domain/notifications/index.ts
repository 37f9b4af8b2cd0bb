/**
 * Notifications: email written to the outbox in the transaction of the change that causes it, its
 * delivery job (attachments rendered at delivery by the renderers of `domain/registry.ts`), and the
 * reader's locale every email and document is written in.
 *
 * This module is the slice's entry: the rest of the server imports notifications from here only.
 */
export { type AttachmentRenderers, DELIVER_EMAIL, emailDeliveryHandler } from './email-delivery';
export { type EmailContent, queueEmail } from './outbox';
export { type Reader, readerLocale } from './reader-locale';
