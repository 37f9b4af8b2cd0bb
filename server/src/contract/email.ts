/**
 * What the API takes as an email address, the same on the server (sign-in, ERP contacts) and in the
 * widget (the sign-in form's check before it asks). Runtime-neutral (see money.ts).
 */

/** A plain address: no quotes, comments, spaces, commas or line breaks; a dotted domain. Lower case. */
export const EMAIL_PATTERN =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Trims and lower-cases, the same at request and at exchange; null when not one plain address. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL_PATTERN.test(email) ? email : null;
}

/** `j•••@acme.com`: how a link preview shows whose it is, and how the widget shows the address just typed. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  return `${email[0]}•••${email.slice(at)}`;
}

/** True when the server would take `raw` as an email address (after trimming and lower-casing). */
export function isEmailAddress(raw: string): boolean {
  return normalizeEmail(raw) !== null;
}
