/** The email that tells a new staff member they may sign in to the staff console (no link: they ask for one). */
import type { StaffRole } from '../contract';
import type { EmailContent } from '../domain/notifications';
import { catalogFor } from '../locales/catalog';
import { plainText } from './reminder-templates';
import { escapeHtml, layout } from './templates';

export function staffInviteEmail(m: {
  company: string;
  to: string;
  locale: string;
  inviter: string;
  role: StaffRole;
}): EmailContent {
  const words = catalogFor(m.locale).staff.invite;
  const added = words.added(m.inviter, m.company, m.role);
  const text = plainText(m.locale, undefined, [added, words.signIn, words.noReply]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${escapeHtml(added)}</p>
<p>${escapeHtml(words.signIn)}</p>
<p style="color:#52606d;font-size:13px">${escapeHtml(words.noReply)}</p>`,
  );
  return { kind: 'staff.invite', to: m.to, subject: words.subject(m.company), text, html, sensitive: false };
}
