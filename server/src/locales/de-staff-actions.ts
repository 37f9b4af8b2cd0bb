/** Die Texte der E-Mails, die die Aktionen der Mitarbeiter zu einem Kundenkonto versenden (ein Kontoauszug). */
import type { DocumentCatalog } from './en';

export const deStaffActions = {
  staffActions: {
    statement: {
      subject: (company: string, customer: string) => `Kontoauszug: ${customer} bei ${company}`,
      intro: (customer: string, company: string, from: string, to: string) =>
        `Anbei erhalten Sie den Kontoauszug für das Konto von ${customer} bei ${company} vom ${from} bis ${to}; alle Buchungen finden Sie im beigefügten PDF.`,
      openingBalance: 'Anfangssaldo',
      invoiced: 'In Rechnung gestellt',
      paid: 'Bezahlt',
      credited: 'Gutgeschrieben',
      closingBalance: 'Offener Betrag',
      signIn: 'Melden Sie sich mit dieser E-Mail-Adresse im Kundenportal an, um online zu bezahlen.',
      signInAt: (url: string) =>
        `Melden Sie sich mit dieser E-Mail-Adresse unter ${url} im Kundenportal an, um online zu bezahlen.`,
      questions: (email: string) => `Fragen? Schreiben Sie an ${email}.`,
    },
  },
} satisfies Pick<DocumentCatalog, 'staffActions'>;
