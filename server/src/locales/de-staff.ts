/** Die E-Mail, die einem neuen Mitarbeiter den Zugang zur Konsole mitteilt (siehe `en-staff.ts`). */
import type { StaffRole } from '../contract';
import type { DocumentCatalog } from './en';

const roles: Record<StaffRole, string> = {
  admin: 'Administrator',
  collector: 'Sachbearbeiter im Forderungsmanagement',
  viewer: 'Benutzer mit Lesezugriff',
};

export const deStaff = {
  staff: {
    invite: {
      subject: (company: string) => `Sie können sich jetzt an der Debitorenkonsole von ${company} anmelden`,
      added: (inviter: string, company: string, role: StaffRole) =>
        `${inviter} hat Sie als ${roles[role]} zur Debitorenkonsole von ${company} hinzugefügt.`,
      signIn:
        'Melden Sie sich auf der Mitarbeiterseite Ihres Unternehmens mit dieser E-Mail-Adresse an: Es gibt kein Passwort, wir senden Ihnen jedes Mal einen Link per E-Mail.',
      noReply: 'Falls Sie dies nicht erwartet haben, wenden Sie sich bitte an Ihren Administrator.',
    },
  },
} satisfies Pick<DocumentCatalog, 'staff'>;
