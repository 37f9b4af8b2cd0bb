/**
 * Every word the server writes to a customer in French, the same keys as `en.ts` (checked by
 * `satisfies DocumentCatalog`), in the words the elements use (widget/src/locales/fr.ts): the
 * customer is addressed as « vous », a statement's lines are « mouvements », credit is « avoir ».
 * A no-break space (\u00a0) goes before « : ; ? ! », as French typography wants. Every character here
 * is one PDFKit's Helvetica can draw (Latin-1 and ’ – …), so the PDFs print them as written.
 */
import type { AgingBuckets, InvoiceStatus, PaymentStatus, StatementLine } from '../contract';
import type { DocumentCatalog } from './en';
import { frDisputes } from './fr-disputes';
import { frStaff } from './fr-staff';
import { frStaffActions } from './fr-staff-actions';

const methods: Readonly<Record<string, string>> = {
  card: 'Carte',
  debit: 'Carte de débit',
  ach: 'Virement bancaire (ACH)',
  eft: 'Virement bancaire (EFT)',
  paypal: 'PayPal',
  check: 'Chèque',
  wire: 'Virement',
  cash: 'Espèces',
  other: 'Autre',
};

/** French counts 0 and 1 in the singular: « 1 jour », « 2 jours ». */
function days(count: number): string {
  return `${count} ${Math.abs(count) < 2 ? 'jour' : 'jours'}`;
}

/** « de » before a name, elided before a vowel: « d’Acme Supplies », « de Lumière SARL ». */
function of(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export const fr = {
  ...frDisputes,
  ...frStaff,
  ...frStaffActions,
  /** French writes the date as its locale does: « 14 janv. 2027 ». */
  dateInText: (_isoDate: string, localized: string) => localized,
  labelled: (label: string, value: string) => `${label}\u00a0: ${value}`,
  method: (method: string) => methods[method] ?? method,
  email: {
    portal: (link: string) => `Espace client\u00a0: ${link}`,
    sentBy: (company: string) => `Envoyé par l’espace client ${of(company)}.`,
    signIn: {
      place: (company: string, audience: 'customer' | 'staff') =>
        audience === 'staff' ? `la console du personnel ${of(company)}` : `l’espace client ${of(company)}`,
      subject: (place: string) => `Votre lien de connexion à ${place}`,
      intro: (place: string) => `Connectez-vous à ${place}\u00a0:`,
      button: 'Se connecter',
      codeIntro: 'Ou saisissez ce code dans le navigateur où vous l’avez demandé\u00a0:',
      lifetime: (linkMinutes: number, codeMinutes: number) =>
        `Le lien est valable ${linkMinutes} minutes et le code ${codeMinutes} minutes.`,
      notYou:
        'Si vous n’avez pas demandé à vous connecter, ignorez cet e-mail\u00a0: rien ne se passe tant que le lien n’est pas utilisé.',
    },
    invoice: {
      subject: (number: string, company: string, amountDue: string, dueDate: string) =>
        `Facture ${number} ${of(company)} — ${amountDue} à payer avant le ${dueDate}`,
      intro: (number: string, company: string, customer: string) =>
        `Facture ${number} ${of(company)} pour ${customer}.`,
      heading: (number: string, customer: string) => `Facture ${number} pour ${customer}.`,
      amountDue: 'Montant dû',
      dueDate: 'Échéance',
      payNow: 'Payer maintenant',
      attached: (dueDate: string, pastDue: boolean) =>
        `La facture est jointe en PDF. ${pastDue ? 'Elle était à payer avant le' : 'Elle est à payer avant le'} ${dueDate}.`,
      payLinkNote: (days: number) =>
        `Le lien « Payer maintenant » ouvre cette facture prête à payer, sans connexion, pendant ${days} jours\u00a0; il ne montre que cette facture. Merci de ne pas transférer cet e-mail.`,
      questions: (supportEmail: string) => `Une question sur cette facture\u00a0? Écrivez à ${supportEmail}.`,
    },
    receipt: {
      subject: (receipt: string, company: string, total: string) =>
        `Reçu ${receipt} ${of(company)}\u00a0: paiement de ${total} reçu`,
      thanks: (total: string, method: string) =>
        `Merci. Nous avons bien reçu votre paiement de ${total} par ${method}.`,
      receipt: (receipt: string) => `Reçu ${receipt}`,
      fromCredit: (invoice: string) => `${invoice} (sur votre avoir)`,
      keptAsCredit: 'Conservé comme avoir sur votre compte',
      surcharge: 'Frais de carte',
      totalCharged: 'Total débité',
      attached: 'Le reçu est joint en PDF.',
    },
    returned: {
      subject: (receipt: string, total: string) =>
        `Votre paiement ${receipt} de ${total} a été rejeté par votre banque`,
      body: (total: string, receipt: string) => `Votre banque a rejeté votre paiement de ${total} (reçu ${receipt}).`,
      reopened: (invoices: string) => `Les factures qu’il réglait sont de nouveau dues\u00a0: ${invoices}.`,
      payAgain:
        'Merci de les payer de nouveau dans l’espace client, ou de nous contacter si vous pensez qu’il s’agit d’une erreur.',
    },
    refunded: {
      subject: (amount: string, receipt: string) => `Nous vous avons remboursé ${amount} de votre paiement ${receipt}`,
      body: (amount: string, receipt: string) =>
        `Nous vous avons remboursé ${amount} de votre paiement ${receipt} sur le compte ou la carte utilisés pour payer.`,
      whole:
        'Les factures qu’il concernait avaient été payées ou annulées quand l’argent est arrivé\u00a0: rien n’en a été imputé.',
      part: 'Une partie n’a pas pu être imputée\u00a0: il restait moins à payer sur les factures choisies quand l’argent est arrivé.',
      when: 'Il apparaît en général sous 5 à 10 jours ouvrés.',
    },
    reminder: {
      subjectOne: (number: string, amount: string, dueDate: string, daysPastDue: number) =>
        daysPastDue > 0
          ? `Relance\u00a0: la facture ${number} est en retard de ${days(daysPastDue)} (${amount})`
          : daysPastDue === 0
            ? `Rappel\u00a0: la facture ${number} (${amount}) arrive à échéance aujourd’hui`
            : `Rappel\u00a0: la facture ${number} (${amount}) arrive à échéance le ${dueDate}`,
      subjectMany: (count: number, pastDue: string, comingDue: string, comingWhen: string) =>
        pastDue
          ? `Relance\u00a0: ${count} factures, ${pastDue} en retard${comingDue ? ` et ${comingDue} ${comingWhen}` : ''}`
          : `Rappel\u00a0: ${count} factures, ${comingDue} ${comingWhen}`,
      dueBy: (dueDate: string, today: boolean) => (today ? 'à payer aujourd’hui' : `à payer d’ici le ${dueDate}`),
      intro: (count: number, pastDueCount: number, allDueToday: boolean) =>
        pastDueCount === 0
          ? `Petit rappel\u00a0: ${count === 1 ? 'la facture ci-dessous arrive' : 'les factures ci-dessous arrivent'} ${allDueToday ? 'à échéance aujourd’hui' : 'bientôt à échéance'}.`
          : pastDueCount === count
            ? `Sauf erreur de notre part, ${count === 1 ? 'la facture ci-dessous est' : 'les factures ci-dessous sont'} en retard de paiement.`
            : `Sauf erreur de notre part, ${pastDueCount === 1 ? 'l’une des factures ci-dessous est' : `${pastDueCount} des factures ci-dessous sont`} en retard de paiement.`,
      account: (customer: string) => `Pour ${customer}`,
      invoice: 'Facture',
      dueDate: 'Échéance',
      amount: 'À payer',
      pay: 'Payer',
      total: 'Total à payer',
      timing: (daysPastDue: number) =>
        daysPastDue > 0
          ? `en retard de ${days(daysPastDue)}`
          : daysPastDue === 0
            ? 'aujourd’hui'
            : daysPastDue === -1
              ? 'demain'
              : `dans ${days(-daysPastDue)}`,
      line: (number: string, amount: string, dueDate: string, timing: string) =>
        `${number}\u00a0: ${amount}, échéance le ${dueDate} (${timing})`,
      disputed: (amount: string) =>
        `Une partie de cette facture, ${amount}, est contestée\u00a0: elle ne vous est pas demandée tant que le litige n’est pas réglé.`,
      payLinks:
        'Chaque lien « Payer » ouvre sa facture prête à payer, sans connexion. Merci de ne pas transférer cet e-mail.',
      portal: (anyPastDue: boolean) => (anyPastDue ? 'Voir toutes vos factures en retard' : 'Ouvrir l’espace client'),
      alreadyPaid:
        'Si vous avez payé entre-temps, merci\u00a0: un paiement peut mettre quelques jours à nous parvenir.',
      questions: (supportEmail: string) => `Une question, ou une erreur\u00a0? Écrivez à ${supportEmail}.`,
    },
    promise: {
      promised: (amount: string, date: string, customer: string) =>
        `Vous avez promis de payer ${amount} au plus tard le ${date} pour ${customer}.`,
      thanks: 'Merci.',
      invoices: (count: number) => (count === 1 ? 'Facture' : 'Factures'),
      balance: 'Reste à payer',
      totalBalance: 'Total restant à payer',
      confirmation: {
        subject: (amount: string, date: string) =>
          `Votre promesse de payer ${amount} au plus tard le ${date} est enregistrée`,
        paused: (count: number, until: string, remind: string, date: string) =>
          `Les relances ${count === 1 ? 'de cette facture' : 'de ces factures'} s’arrêtent jusqu’au ${until}\u00a0; nous vous le rappellerons le ${remind} et le ${date}.`,
        later: 'Si le paiement n’est pas arrivé d’ici là, les relances reprennent.',
        manage: 'Vous pouvez consulter votre promesse, ou l’annuler, dans l’espace client.',
      },
      reminder: {
        subject: (remaining: string, date: string, onTheDay: boolean) =>
          onTheDay
            ? `Rappel\u00a0: ${remaining} à payer aujourd’hui, comme promis`
            : `Rappel\u00a0: ${remaining} à payer demain, le ${date}, comme promis`,
        progress: (paid: string, remaining: string) =>
          `Nous avons reçu ${paid} à ce jour\u00a0; il reste ${remaining} à payer.`,
        pay: (remaining: string) => `Payer ${remaining}`,
        payLink: (count: number) =>
          `Le lien « Payer » ouvre ${count === 1 ? 'cette facture prête' : 'ces factures prêtes'} à payer, sans connexion. Merci de ne pas transférer cet e-mail.`,
      },
      missed: {
        subject: (amount: string, date: string, paid: string) =>
          paid
            ? `Nous avons reçu ${paid} sur les ${amount} promis pour le ${date}`
            : `Nous n’avons pas reçu les ${amount} promis pour le ${date}`,
        outcome: (paid: string) => (paid ? `Nous en avons reçu ${paid}, merci.` : 'Nous n’avons pas reçu ce paiement.'),
        resumed: (count: number) =>
          `Les relances ${count === 1 ? 'de cette facture' : 'de ces factures'} reprennent. Reste à payer\u00a0:`,
        needTime: (supportEmail: string) => `Besoin de plus de temps, ou une erreur\u00a0? Écrivez à ${supportEmail}.`,
      },
      brokenNotice: {
        subject: (customer: string, amount: string, date: string, paid: string) =>
          paid
            ? `Promesse partiellement tenue\u00a0: ${customer} a payé ${paid} sur les ${amount} promis pour le ${date}`
            : `Promesse non tenue\u00a0: ${customer} n’a pas payé les ${amount} promis pour le ${date}`,
        body: (customer: string, amount: string, date: string) =>
          `${customer} avait promis de payer ${amount} au plus tard le ${date}.`,
        outcome: (paid: string) =>
          paid
            ? `À la fin du délai de grâce, ${paid} avaient été payés.`
            : 'À la fin du délai de grâce, rien n’avait été payé.',
        madeBy: (who: string) => `Promesse faite par ${who}.`,
        resumed: 'Les relances de ses factures ont repris, et le client en a été informé.',
      },
    },
  },
  pdf: {
    page: (page: number, pages: number) => `Page ${page} sur ${pages}`,
    continued: (document: string) => `${document} (suite)`,
    payOnline: (url: string) => `Payer en ligne\u00a0: ${url}`,
    amount: 'Montant',
    date: 'Date',
    invoice: {
      document: (number: string) => `Facture ${number}`,
      subject: (number: string, customer: string) => `Facture ${number} pour ${customer}`,
      title: 'FACTURE',
      number: 'N° de facture',
      issueDate: 'Date d’émission',
      dueDate: 'Échéance',
      poNumber: 'N° de commande',
      status: 'Statut',
      statusFact: (status: InvoiceStatus, daysPastDue: number) =>
        ({
          open: 'Ouverte',
          past_due: `En retard de ${days(daysPastDue)}`,
          disputed: 'Contestée',
          paid: 'Payée',
          void: 'Annulée',
        })[status],
      stamp: (status: Exclude<InvoiceStatus, 'open'>) =>
        ({ past_due: 'EN RETARD', disputed: 'CONTESTÉE', paid: 'PAYÉE', void: 'ANNULÉE' })[status],
      billTo: 'Facturé à',
      amountDue: 'MONTANT DÛ',
      dueBy: (dueDate: string) => `À payer avant le ${dueDate}`,
      description: 'Désignation',
      sku: 'Réf.',
      quantity: 'Qté',
      unitPrice: 'Prix unit.',
      tax: 'TVA',
      subtotal: 'Sous-total',
      total: 'Total',
      paid: 'Payé',
      credited: 'Avoirs',
      balanceDue: 'Solde dû',
      processing: (amount: string, receipt: string, since: string) =>
        `Un paiement de ${amount} (reçu ${receipt}) est en cours depuis le ${since}`,
      leftToPay: (processing: string, payable: string) => `${processing}\u00a0; il reste ${payable} à payer.`,
      nothingMoreDue: (processing: string) => `${processing}. Rien de plus n’est dû, sauf s’il échoue.`,
      nothingToPay: 'Rien à payer',
      voided: 'Cette facture a été annulée.',
      paidInFull: 'Payée en totalité',
      thanks: 'Merci pour votre paiement.',
      paymentProcessing: 'Paiement en cours',
      whereToPay: 'Comment payer',
      questions: (supportEmail: string) => `Une question sur cette facture\u00a0: ${supportEmail}`,
      paymentsApplied: 'Paiements imputés',
      receipt: 'Reçu',
      method: 'Moyen de paiement',
      creditsApplied: 'Avoirs imputés',
      creditNote: 'Avoir',
      reason: 'Motif',
    },
    receipt: {
      document: (receipt: string) => `Reçu ${receipt}`,
      subject: (customer: string) => `Reçu de paiement pour ${customer}`,
      title: 'REÇU',
      number: 'N° de reçu',
      method: 'Moyen de paiement',
      status: 'Statut',
      stamp: (status: PaymentStatus) =>
        ({
          succeeded: 'PAYÉ',
          processing: 'EN COURS',
          pending: 'EN ATTENTE',
          failed: 'ÉCHOUÉ',
          refunded: 'REMBOURSÉ',
          returned: 'REJETÉ',
        })[status],
      receivedFrom: 'Reçu de',
      amountPaid: 'MONTANT PAYÉ',
      paidBy: (email: string) => `Payé par ${email}`,
      appliedTo: 'Imputé sur',
      invoice: 'Facture',
      paidFrom: 'Payé sur',
      yourCredit: 'Votre avoir',
      thisPayment: 'Ce paiement',
      appliedToInvoices: 'Imputé sur les factures',
      lessYourCredit: 'Moins votre avoir',
      keptAsCredit: 'Conservé comme avoir',
      surcharge: 'Frais de carte',
      totalCharged: 'Total débité',
      yourPayments: (url: string) => `Vos paiements et reçus\u00a0: ${url}`,
    },
    statement: {
      document: (account: string, from: string, to: string) =>
        `Relevé de compte\u00a0: ${account}, du ${from} au ${to}`,
      subject: (account: string) => `Relevé de compte ${of(account)}`,
      title: 'RELEVÉ DE COMPTE',
      statementDate: 'Date du relevé',
      period: 'Période',
      periodOf: (from: string, to: string) => `${from} – ${to}`,
      currency: 'Devise',
      account: 'Compte',
      summary: 'SYNTHÈSE DU COMPTE',
      invoiced: 'Facturé',
      payments: 'Paiements',
      credits: 'Avoirs',
      unappliedCredit: 'Avoir non imputé',
      activity: 'Mouvements',
      aging: (date: string) => `Balance âgée au ${date}`,
      daysPastDue: 'Jours de retard',
      openBalance: 'Solde ouvert',
      agingBucket: (bucket: keyof AgingBuckets | 'total') =>
        ({
          current: 'Non échu',
          days1to30: '1–30 jours',
          days31to60: '31–60 jours',
          days61to90: '61–90 jours',
          over90: '> 90 jours',
          total: 'Total dû',
        })[bucket],
      unappliedNote: (amount: string) =>
        `Vous disposez d’un avoir non imputé de ${amount}, utilisable lors d’un prochain paiement.`,
      footer: (account: string) => `Relevé ${of(account)}`,
    },
  },
  statement: {
    date: 'Date',
    type: 'Nature',
    reference: 'Référence',
    description: 'Libellé',
    balance: 'Solde',
    amountIn: (currency: string) => `Montant (${currency})`,
    balanceIn: (currency: string) => `Solde (${currency})`,
    openingBalance: 'Solde d’ouverture',
    closingBalance: 'Solde de clôture',
    lineType: (type: StatementLine['type']) => ({ invoice: 'Facture', payment: 'Paiement', credit: 'Avoir' })[type],
    invoiceLine: (dueDate: string, poNumber: string | null) =>
      poNumber ? `Facture, commande ${poNumber}, échéance ${dueDate}` : `Facture, échéance ${dueDate}`,
    paymentLine: (method: string, reference: string | null) =>
      reference ? `Paiement par ${method} ${reference}` : `Paiement par ${method}`,
    creditLine: (reason: string | null) => (reason ? `Avoir\u00a0: ${reason}` : 'Avoir'),
  },
} satisfies DocumentCatalog;
