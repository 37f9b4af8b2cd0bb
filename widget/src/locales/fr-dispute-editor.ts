/** `<ar-dispute-editor>` in French (see `en-dispute-editor.ts`). */
import type { DisputeReason } from '../internal/types.js';
import type { Catalog } from './en.js';

/** "INV-1", "INV-1 et INV-2", "INV-1, INV-2 et INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

export const frDisputeEditor = {
  disputeEditor: {
    heading: (invoice: string) => `Contester la facture ${invoice}`,
    intro:
      'Cochez les lignes que vous contestez, et dites pourquoi et pour quel montant. Nous prévenons l’entreprise aussitôt.',
    loading: (invoice: string) => `Chargement de la facture ${invoice}…`,
    loadFailed: 'Nous n’avons pas pu charger le formulaire de contestation.',
    signedOut: 'Connectez-vous pour contester une facture.',
    noInvoice: 'Aucune facture choisie\u00a0: ouvrez le formulaire depuis une facture.',
    oneAtATime: (invoice: string, others: readonly string[]) =>
      `Une contestation porte sur une seule facture\u00a0: celle-ci concerne ${invoice}. Contestez ${listOf(others)} ensuite, de la même façon.`,
    alreadyDisputed: (invoice: string, amount: string) =>
      `La facture ${invoice} est déjà contestée (${amount} en question).`,
    alreadyHint: 'Complétez-la sur la page de la contestation\u00a0: répondez-y, ou joignez d’autres fichiers.',
    seeDispute: 'Voir la contestation',
    nothingToDispute: (invoice: string, status: 'paid' | 'void') =>
      status === 'void'
        ? `Rien à contester\u00a0: la facture ${invoice} est annulée.`
        : `Rien à contester\u00a0: la facture ${invoice} est entièrement payée.`,
    noLinesOnInvoice: 'Cette facture n’a aucune ligne à contester. Contactez-nous.',
    balance: (amount: string) => `Solde dû ${amount}`,
    linesLegend: 'Les lignes en question',
    lineOf: (quantity: string, unitPrice: string, amount: string) => `${quantity} × ${unitPrice} = ${amount}`,
    disputeLine: 'Contester cette ligne',
    reasonLabel: 'Motif',
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Prix erroné',
        quantity: 'Quantité erronée',
        damaged: 'Endommagé',
        not_received: 'Non reçu',
        duplicate: 'Facturé deux fois',
        tax: 'Taxe erronée',
        other: 'Autre',
      })[reason],
    reasonChoose: 'Choisissez un motif',
    reasonEmpty: 'Choisissez pourquoi vous contestez cette ligne.',
    quantityLabel: 'Quantité (facultatif)',
    quantityHint: (most: string) => `Combien sont en question\u00a0: au plus ${most}.`,
    quantityInvalid: 'Saisissez une quantité comme 2 ou 2,5 (3 décimales au plus), ou laissez vide.',
    quantityTooHigh: (most: string) => `Saisissez au plus la quantité de la ligne, ${most}.`,
    amountLabel: 'Montant contesté',
    amountHint: (most: string) => `Au plus le montant de la ligne, taxe comprise, ${most}.`,
    amountTooHigh: (most: string) => `Saisissez au plus le montant de la ligne, taxe comprise, ${most}.`,
    noteLabel: 'Remarque sur cette ligne (facultatif)',
    noLines: 'Cochez au moins une ligne que vous contestez.',
    messageLabel: (company: string) => `Votre message à ${company}`,
    theCompany: 'l’entreprise',
    messageHint: 'Ce qui ne va pas, dans vos mots.',
    messageEmpty: 'Écrivez un message qui dit ce qui ne va pas.',
    filesLabel: 'Photos ou documents (facultatif)',
    filesHint: 'Images ou PDF\u00a0: 5 fichiers au plus, de 10\u00a0Mo chacun.',
    filesCaption: 'Fichiers à joindre',
    removeFile: (name: string) => `Retirer ${name}`,
    fileType: (name: string) => `${name} n’est ni une image ni un PDF\u00a0; il n’a pas été ajouté.`,
    fileTooLarge: (name: string, size: string) => `${name} fait ${size}\u00a0: un fichier fait au plus 10\u00a0Mo.`,
    tooManyFiles: (names: readonly string[]) => `5 fichiers au plus\u00a0: ${listOf(names)} non ajouté(s).`,
    disputed: (amount: string) => `Contesté\u00a0: ${amount}`,
    rest: (amount: string) => `Reste non contesté\u00a0: ${amount}`,
    overBalance: (balance: string) =>
      `C’est plus que le solde de la facture, ${balance}. Réduisez les montants en question.`,
    submit: (amount: string) => `Contester ${amount}`,
    submitting: 'Ouverture de la contestation…',
    uploading: (index: number, count: number) => `Envoi du fichier ${index} sur ${count}…`,
    failed: 'Nous n’avons pas pu ouvrir la contestation.',
    errors: {
      dispute_amount_too_large:
        'Un montant ou une quantité dépasse sa ligne, ou le total dépasse le solde. Nous avons actualisé la facture.',
      invoice_disputed: 'Cette facture est déjà contestée. Nous avons actualisé le formulaire.',
      invoice_not_disputable: 'Cette facture a été payée ou annulée entre-temps. Nous avons actualisé le formulaire.',
      dispute_line_invalid: 'L’une de ces lignes n’est plus sur la facture. Nous avons actualisé le formulaire.',
      not_found: 'Nous ne trouvons pas cette facture sur votre compte.',
      invalid_request: 'Une partie du formulaire n’a pas été acceptée. Vérifiez les montants et le message.',
    },
    uploadFailed: (name: string) => `Votre contestation est ouverte, mais nous n’avons pas pu joindre ${name}.`,
    uploadErrors: {
      attachment_type_unsupported: 'Son contenu n’est ni une image ni un PDF.',
      attachment_too_large: 'Il dépasse 10\u00a0Mo.',
      attachment_limit: 'La contestation a déjà 5 fichiers.',
      dispute_not_open: 'La contestation n’est plus ouverte.',
    },
    retryUpload: 'Réessayer',
    skipUpload: 'Passer ce fichier',
    createdHeading: 'Contestation ouverte',
    created: (amount: string, invoice: string) => `Vous contestez ${amount} de la facture ${invoice}.`,
    told: (company: string) => `Nous avons prévenu ${company}\u00a0; vous recevrez un e-mail à chaque étape.`,
    attached: (count: number) => (count < 2 ? `${count} fichier joint.` : `${count} fichiers joints.`),
    skipped: (names: readonly string[]) =>
      `Non joint(s)\u00a0: ${listOf(names)}. Ajoutez des fichiers sur la page de la contestation.`,
    payRest: (amount: string) => `Payer maintenant les ${amount} non contestés`,
    payingRest: (amount: string) => `${amount} contesté(s) — paiement du reste non contesté`,
  },
} satisfies Pick<Catalog, 'disputeEditor'>;
