/**
 * The words of disputes in French (see `en-disputes.ts`), in `fr.ts`'s style: « vous », a no-break space
 * before « : ; ? ! », a dispute is a « contestation », credit an « avoir »; only characters Helvetica can
 * draw, since the statement PDF prints some of them.
 */
import type { DisputeReason, StatementDispute } from '../contract';
import type { DocumentCatalog } from './en';

type NoticeEvent = 'opened' | 'message' | 'withdrawn';

export const frDisputes = {
  dispute: {
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Prix erroné',
        quantity: 'Quantité erronée',
        damaged: 'Endommagé',
        not_received: 'Non reçu',
        duplicate: 'Facturé deux fois',
        tax: 'Taxe erronée',
        other: 'Autre motif',
      })[reason],
    status: (status: StatementDispute['status']) => ({ open: 'Ouverte', under_review: 'En cours d’examen' })[status],
    lines: {
      line: 'Ligne de facture',
      reason: 'Motif',
      amount: 'Contesté',
      quantity: 'Quantité contestée',
      note: 'Remarque',
      total: 'Total contesté',
    },
    email: {
      view: 'Voir votre contestation',
      viewNote:
        'Le lien « Voir votre contestation » vous connecte à l’espace client et ouvre cette contestation. Merci de ne pas transférer cet e-mail.',
      opened: {
        subject: (invoice: string) => `Contestation de la facture ${invoice} reçue`,
        body: (invoice: string, amount: string, customer: string) =>
          `Nous avons bien reçu votre contestation de la facture ${invoice} pour ${customer}\u00a0: ${amount} sont contestés.`,
        message: 'Votre message',
        payRest: (rest: string) =>
          `Vous pouvez payer dès maintenant la part non contestée, ${rest}, depuis la page de votre contestation. Tant que la contestation n’est pas réglée, nos relances ne demandent que cette part.`,
        allDisputed:
          'Tout le solde de cette facture est contesté\u00a0: nous ne vous la rappellerons pas tant que la contestation n’est pas réglée.',
        next: 'Nous allons l’examiner et vous écrirons à chaque étape.',
      },
      underReview: {
        subject: (invoice: string) => `Contestation de la facture ${invoice} en cours d’examen`,
        body: (invoice: string, amount: string, staff: string) =>
          staff
            ? `${staff} examine maintenant votre contestation de la facture ${invoice} (${amount} contestés).`
            : `Nous examinons maintenant votre contestation de la facture ${invoice} (${amount} contestés).`,
        next: 'Nous vous écrirons dès qu’elle sera tranchée. D’ici là, vous pouvez ajouter un message ou des fichiers sur la page de votre contestation.',
      },
      message: {
        subject: (invoice: string) => `Nouvelle réponse sur votre contestation de la facture ${invoice}`,
        body: (invoice: string, from: string) =>
          `${from} a répondu au sujet de votre contestation de la facture ${invoice}\u00a0:`,
        answer: 'Pour répondre, écrivez sur la page de votre contestation.',
      },
      resolved: {
        subject: (invoice: string, credit: string) =>
          `Contestation de la facture ${invoice} réglée\u00a0: avoir de ${credit}`,
        body: (invoice: string, credit: string, creditNote: string, amount: string, whole: boolean) =>
          whole
            ? `Votre contestation de la facture ${invoice} est réglée\u00a0: nous avons émis l’avoir ${creditNote} pour la totalité des ${credit} contestés.`
            : `Votre contestation de la facture ${invoice} est réglée\u00a0: nous avons émis l’avoir ${creditNote} de ${credit} sur les ${amount} contestés.`,
        note: 'Notre remarque',
      },
      rejected: {
        subject: (invoice: string) => `Contestation de la facture ${invoice} non retenue`,
        body: (invoice: string, amount: string) =>
          `Nous avons examiné votre contestation de la facture ${invoice} (${amount} contestés) et n’avons pas pu la retenir.`,
        reason: 'Notre motif',
      },
      withdrawn: {
        subject: (invoice: string) => `Contestation de la facture ${invoice} retirée`,
        body: (invoice: string, amount: string) =>
          `Votre contestation de la facture ${invoice} (${amount} contestés) est retirée.`,
      },
      balanceNow: (balance: string) =>
        balance ? `Le solde de la facture est désormais de ${balance}.` : 'Il ne reste rien à payer sur cette facture.',
      dueAgain: (balance: string) =>
        balance
          ? `Le solde de la facture, ${balance}, est de nouveau demandé en totalité.`
          : 'Il ne reste rien à payer sur cette facture.',
    },
    notice: {
      subject: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `Nouvelle contestation\u00a0: ${customer}, ${invoice}, ${amount}`,
          message: `Nouvelle réponse sur une contestation\u00a0: ${customer}, ${invoice}, ${amount}`,
          withdrawn: `Contestation retirée\u00a0: ${customer}, ${invoice}, ${amount}`,
        })[event],
      body: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `${customer} conteste ${amount} de la facture ${invoice}.`,
          message: `${customer} a écrit au sujet de sa contestation de la facture ${invoice} (${amount} contestés).`,
          withdrawn: `${customer} a retiré sa contestation de la facture ${invoice} (${amount} contestés). La facture n’est plus contestée.`,
        })[event],
      contact: 'Contact client',
      message: 'Son message',
      attachments: (count: number) =>
        `${count} ${Math.abs(count) < 2 ? 'fichier joint' : 'fichiers joints'} à ce jour.`,
      console: 'Ouvrez la contestation dans la console du personnel pour l’examiner, y répondre ou l’attribuer.',
    },
    statement: {
      ofWhichDisputed: 'Dont contesté',
      disputed: 'Contesté',
      openDisputes: 'Contestations en cours',
      invoice: 'Facture',
      amount: 'Montant contesté',
      status: 'Statut',
      openedOn: 'Ouverte le',
      dispute: 'Contestation',
    },
  },
} satisfies Pick<DocumentCatalog, 'dispute'>;
