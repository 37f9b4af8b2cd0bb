/** Les mots des e-mails qu'envoient les actions du personnel sur un compte client (un relevé de compte). */
import type { DocumentCatalog } from './en';

export const frStaffActions = {
  staffActions: {
    statement: {
      subject: (company: string, customer: string) => `Relevé de compte : ${customer} chez ${company}`,
      intro: (customer: string, company: string, from: string, to: string) =>
        `Voici le relevé du compte de ${customer} chez ${company} du ${from} au ${to} ; chaque ligne figure dans le PDF joint.`,
      openingBalance: 'Solde d’ouverture',
      invoiced: 'Facturé',
      paid: 'Payé',
      credited: 'Avoirs',
      closingBalance: 'Solde dû',
      signIn: 'Connectez-vous à l’espace client avec cette adresse e-mail pour payer en ligne.',
      signInAt: (url: string) =>
        `Connectez-vous à l’espace client sur ${url} avec cette adresse e-mail pour payer en ligne.`,
      questions: (email: string) => `Des questions ? Écrivez à ${email}.`,
    },
  },
} satisfies Pick<DocumentCatalog, 'staffActions'>;
