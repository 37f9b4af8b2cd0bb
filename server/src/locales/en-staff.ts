/** The words of the email that tells a new staff member they may sign in to the staff console. */
import type { StaffRole } from '../contract';

const roles: Record<StaffRole, string> = { admin: 'an admin', collector: 'a collector', viewer: 'a viewer' };

export const enStaff = {
  staff: {
    invite: {
      subject: (company: string) => `You can now sign in to ${company}'s accounts receivable console`,
      added: (inviter: string, company: string, role: StaffRole) =>
        `${inviter} added you to ${company}'s accounts receivable console as ${roles[role]}.`,
      signIn:
        'Sign in on your company’s staff page with this email address: there is no password, we email you a link each time.',
      noReply: 'If you did not expect this, tell your administrator.',
    },
  },
};
