/**
 * Every user-visible word of the widget in French, the same keys as `en.ts` (checked by `satisfies
 * Catalog`). The customer is addressed as « vous »; money and dates come already formatted by `Intl`
 * for the element's locale. A no-break space (\u00a0) goes before « : ; ? ! » and inside « », as
 * French typography wants, so the sign never wraps onto a line of its own.
 */
import type {
  Audience,
  InvoiceStatus,
  InvoiceStatusFilter,
  PaymentMethod,
  PaymentStatus,
  PromiseStatus,
} from '../internal/types.js';
import type { Catalog } from './en.js';
import { frDispute } from './fr-dispute.js';
import { frDisputeEditor } from './fr-dispute-editor.js';

/** French counts 0 and 1 in the singular: « 0 facture », « 1 facture », « 2 factures ». */
function plural(count: number, one: string, other: string): string {
  return `${count} ${Math.abs(count) < 2 ? one : other}`;
}

/** "INV-1", "INV-1 et INV-2", "INV-1, INV-2 et INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** Seconds as words for a countdown or a rate-limit message: "45 secondes", "2 minutes". */
function waitFor(seconds: number): string {
  if (seconds < 90) return plural(Math.max(1, Math.ceil(seconds)), 'seconde', 'secondes');
  return plural(Math.ceil(seconds / 60), 'minute', 'minutes');
}

export const fr = {
  ...frDisputeEditor,
  ...frDispute,
  common: {
    retry: 'Réessayer',
    loading: 'Chargement…',
    networkError: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    unexpectedError: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  },
  login: {
    heading: 'Connexion',
    staffHeading: 'Connexion du personnel',
    intro:
      'Saisissez votre adresse e-mail et nous vous enverrons un lien de connexion. Aucun mot de passe n’est nécessaire.',
    emailLabel: 'Adresse e-mail',
    emailHint: 'Utilisez l’adresse à laquelle vos factures sont envoyées.',
    sendLink: 'Recevoir un lien de connexion',
    sending: 'Envoi…',
    emailInvalid: 'Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.',
    emailRequired: 'Saisissez votre adresse e-mail.',
    rateLimited: (seconds: number) => `Trop de demandes de connexion. Réessayez dans ${waitFor(seconds)}.`,
    requestFailed: 'Nous n’avons pas pu envoyer de lien de connexion.',
    checkEmailHeading: 'Consultez votre messagerie',
    sentTo: (maskedEmail: string) => `Nous avons envoyé un lien de connexion à ${maskedEmail}.`,
    sentToSameAddress: 'Nous avons envoyé un nouveau lien de connexion à l’adresse de l’ancien lien.',
    openLinkHint: 'Ouvrez le lien sur cet appareil, ou saisissez le code à 6 chiffres indiqué dans l’e-mail.',
    openNewLinkHint: 'Ouvrez le lien du nouvel e-mail pour vous connecter.',
    codeLabel: 'Code à 6 chiffres',
    codeSubmit: 'Se connecter avec le code',
    codeChecking: 'Vérification…',
    codeFormat: 'Le code comporte 6 chiffres.',
    codeInvalid: 'Ce code est erroné ou a expiré. Vérifiez l’e-mail et réessayez.',
    codeFailed: 'Nous n’avons pas pu vérifier le code.',
    resend: 'Envoyer un nouveau lien',
    resendIn: (seconds: number) => `Envoyer un nouveau lien dans ${waitFor(seconds)}`,
    resent: 'Nous avons envoyé un nouveau lien. Consultez votre boîte de réception.',
    useDifferentEmail: 'Utiliser une autre adresse',
    checkingLink: 'Vérification de votre lien de connexion…',
    signingIn: 'Connexion en cours…',
    continueHeading: 'Poursuivre la connexion\u00a0?',
    continueIntro: 'Ce lien de connexion a été ouvert dans un autre navigateur que celui qui l’a demandé.',
    continueAs: (maskedEmail: string) => `Continuer en tant que ${maskedEmail}`,
    linkExpired: 'Ce lien de connexion a expiré.',
    linkUsed: 'Ce lien de connexion a déjà été utilisé.',
    linkResendHint: 'Nous pouvons en envoyer un nouveau à la même adresse e-mail.',
    sendNewLink: 'M’envoyer un nouveau lien',
    linkInvalid: 'Ce lien de connexion n’est pas valide. Saisissez votre adresse e-mail pour en recevoir un nouveau.',
    linkFailed: 'Nous n’avons pas pu vérifier votre lien de connexion.',
    signedInAs: (email: string) => `Vous êtes connecté en tant que ${email}.`,
    sessionExpired: 'Votre session a pris fin. Reconnectez-vous pour reprendre là où vous en étiez.',
    signedOut: 'Vous êtes déconnecté.',
    signedOutEverywhere: 'Vous êtes déconnecté sur tous vos appareils.',
    payHeading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Payer la facture ${invoices[0]}`
        : invoices.length === 0
          ? 'Payer votre facture'
          : `Payer ${plural(invoices.length, 'facture', 'factures')}`,
    payIntro: (company: string) => `${company} vous a envoyé ce lien pour payer en ligne.`,
    payIntroNoCompany: 'Ce lien vous permet de payer en ligne.',
    disputeHeading: (invoices: readonly string[]) => `Votre contestation de la facture ${invoices.join(', ')}`,
    disputeIntro: (company: string) => `${company} vous a envoyé ce lien au sujet de votre contestation.`,
    seeDispute: 'Voir la contestation',
    payInvoice: (invoice: string) => `Facture ${invoice}`,
    amountDue: 'Montant dû',
    dueOn: (date: string) => `Échéance le ${date}`,
    payInFlight: (amount: string) => `Un paiement de ${amount} est déjà en cours\u00a0; voici ce qui reste à payer.`,
    payAllInFlight: 'Un paiement du solde total est déjà en cours\u00a0: il ne reste rien à payer.',
    reviewAndPay: 'Vérifier et payer',
    reviewInvoice: 'Voir la facture',
    nothingChargedYet: 'Rien n’est débité tant que vous n’avez pas choisi un moyen de paiement et appuyé sur Payer.',
  },
  portal: {
    portalName: (audience: Audience) => (audience === 'staff' ? 'Console du personnel' : 'Espace client'),
    checkingSession: 'Restauration de votre session…',
    loadingAccounts: 'Chargement de vos comptes…',
    sessionFailed: 'Nous n’avons pas pu vérifier votre session.',
    accountsFailed: 'Nous n’avons pas pu charger vos comptes.',
    noAccounts:
      'Votre adresse e-mail n’est encore liée à aucun compte client. Contactez-nous et nous nous en occuperons.',
    signedInAs: 'Connecté en tant que',
    logout: 'Se déconnecter',
    logoutEverywhere: 'Se déconnecter partout',
    loggingOut: 'Déconnexion…',
    logoutEverywhereFailed: 'Nous n’avons pas pu vous déconnecter de vos autres appareils.',
    navLabel: 'Espace client',
    navInvoices: 'Factures',
    navStatement: 'Relevé',
    navPayments: 'Paiements',
    navPromises: 'Promesses',
    navDisputes: 'Contestations',
    viewLabel: (view: Parameters<Catalog['portal']['viewLabel']>[0], invoice?: string) =>
      view === 'invoice'
        ? `Facture ${invoice ?? ''}`.trim()
        : {
            invoices: 'Factures',
            pay: 'Paiement',
            statement: 'Relevé',
            payments: 'Paiements',
            promise: 'Promesse de paiement',
            promises: 'Promesses',
            dispute: 'Contester une facture',
            disputes: 'Contestations',
          }[view],
    scopeLabel: 'À propos de ce lien',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 0
        ? 'Ce lien ne concerne qu’une seule facture.'
        : `Ce lien ne concerne que ${listOf(invoices)}.`,
    scopeHint:
      'Les soldes affichés ici sont ceux de cette facture, pas de tout votre compte. Connectez-vous pour voir tout ce que vous devez.',
    scopeSignIn: 'Se connecter pour voir tout votre compte',
    scopeSignInHeading: 'Connexion à votre compte complet',
    scopeSignInCancel: 'Revenir à cette facture',
  },
  account: {
    label: 'Compte',
    totals: {
      balance: 'Solde dû',
      pastDue: 'En retard',
      disputed: 'Contesté',
      credit: 'Avoir non imputé',
      inFlight: (amount: string) => `${amount} en cours`,
      scopedBalance: (invoices: readonly string[]) =>
        invoices.length === 1 ? `Solde dû de ${invoices[0]}` : 'Solde dû sur ce lien',
    },
    totalsFailed: 'Nous n’avons pas pu charger les totaux du compte.',
  },
  inFlight: {
    notice: (amount: string, since: string, status: 'pending' | 'processing') =>
      status === 'pending'
        ? `Paiement de ${amount} en attente de confirmation depuis le ${since}`
        : `Paiement de ${amount} en cours depuis le ${since}`,
    leftToPay: (amount: string) => `${amount} restant à payer`,
    nothingLeft: 'Plus rien ne peut être payé sur cette facture tant que ce paiement n’est pas encaissé.',
  },
  invoices: {
    caption: 'Factures',
    number: 'Facture',
    issueDate: 'Émise le',
    dueDate: 'Échéance',
    dueOn: (date: string) => `Échéance le ${date}`,
    po: (po: string) => `Bon de commande ${po}`,
    total: 'Total',
    balance: 'Solde',
    status: 'Statut',
    loading: 'Chargement des factures…',
    loadingMore: 'Chargement d’autres factures…',
    loadedMore: (loaded: number, total: number | null) =>
      total === null
        ? `${plural(loaded, 'facture chargée', 'factures chargées')}.`
        : `${loaded} factures chargées sur ${total}.`,
    loadFailed: 'Nous n’avons pas pu charger vos factures.',
    loadMoreFailed: 'Nous n’avons pas pu charger d’autres factures.',
    signedOut: 'Connectez-vous pour voir vos factures.',
    highlightMissing: (invoice: string) => `La facture ${invoice} ne figure pas dans cette liste.`,
    tabsLabel: 'Factures par statut',
    tab: (status: InvoiceStatusFilter) =>
      ({ past_due: 'En retard', open: 'Ouvertes', paid: 'Payées', disputed: 'Contestées', all: 'Toutes' })[status],
    empty: (status: InvoiceStatusFilter) =>
      ({
        past_due: 'Aucune facture en retard — vous êtes à jour.',
        open: 'Aucune facture ouverte. Rien n’est dû pour le moment.',
        paid: 'Aucune facture payée pour l’instant.',
        disputed: 'Aucune facture contestée.',
        all: 'Aucune facture pour l’instant.',
      })[status],
    scopedEmpty: (status: InvoiceStatusFilter, invoices: readonly string[]) => {
      const covered = invoices.length ? listOf(invoices) : 'ce lien';
      return {
        past_due: `Rien n’est en retard sur ${covered}.`,
        open: `Rien n’est dû sur ${covered}.`,
        paid: `Aucune facture payée sur ${covered} pour l’instant.`,
        disputed: `Aucune facture contestée sur ${covered}.`,
        all: `Aucune facture sur ${covered}.`,
      }[status];
    },
    scopedHint: (invoices: readonly string[]) =>
      invoices.length
        ? `Ce lien ne concerne que ${listOf(invoices)}\u00a0; votre compte peut avoir d’autres factures.`
        : 'Ce lien ne concerne qu’une seule facture\u00a0; votre compte peut avoir d’autres factures.',
    scopedSignIn: 'Se connecter pour voir tout votre compte',
    badge: (status: InvoiceStatus) =>
      ({ past_due: 'En retard', open: 'Ouverte', paid: 'Payée', disputed: 'Contestée', void: 'Annulée' })[status],
    daysPastDue: (days: number) => plural(days, 'jour', 'jours'),
    rowLabel: (invoice: string, balance: string, status: string, inFlight?: string) =>
      `Facture ${invoice}, solde ${balance}, ${status}${inFlight ? `, ${inFlight}` : ''}`,
    searchLabel: 'Rechercher des factures',
    searchHint: 'Numéro de facture, numéro de bon de commande ou montant',
    clearSearch: 'Effacer la recherche',
    noMatch: (q: string) => `Aucune facture ne correspond à «\u00a0${q}\u00a0»`,
    matches: (count: number, more: boolean, q: string) =>
      `${more ? 'Plus de ' : ''}${plural(count, 'facture correspond', 'factures correspondent')} à «\u00a0${q}\u00a0».`,
    sortedBy: (column: string, direction: 'ascending' | 'descending' | 'other') =>
      direction === 'other'
        ? `Trié par ${column.toLowerCase()}, les plus urgentes d’abord.`
        : `Trié par ${column.toLowerCase()}, ordre ${direction === 'ascending' ? 'croissant' : 'décroissant'}.`,
    selectInvoice: (invoice: string) => `Sélectionner ${invoice}`,
    selectAllLoaded: 'Sélectionner toutes les factures chargées',
    selectionLabel: 'Factures sélectionnées',
    selected: (count: number, amount: string) =>
      `${count} ${Math.abs(count) < 2 ? 'sélectionnée' : 'sélectionnées'} · ${amount}`,
    pay: 'Payer',
    promise: 'Promettre un paiement',
    allPromised: 'Toutes les factures cochées sont déjà promises.',
    promised: (date: string) => `Promise · ${date}`,
    dispute: 'Contester',
    clearSelection: 'Effacer la sélection',
  },
  invoice: {
    loading: (invoice: string) => `Chargement de la facture ${invoice}…`,
    loadFailed: (invoice: string) => `Nous n’avons pas pu charger la facture ${invoice}.`,
    notFound: (invoice: string) => `La facture ${invoice} est introuvable sur votre compte.`,
    notFoundHint: 'Vérifiez le numéro de facture, ou choisissez la facture dans votre liste.',
    noInvoice: 'Aucune facture choisie.',
    signedOut: 'Connectez-vous pour voir cette facture.',
    back: 'Retour aux factures',
    heading: (invoice: string) => `Facture ${invoice}`,
    account: 'Compte',
    issued: 'Émise le',
    due: 'Échéance',
    po: 'N° de bon de commande',
    daysPastDue: (days: number) => `En retard de ${plural(days, 'jour', 'jours')}`,
    disputeOpen: (amount: string, status: string) => `${amount} de cette facture sont contestés. Statut : ${status}.`,
    seeDispute: 'Voir la contestation',
    dispute: 'Contester',
    pastDisputes: 'Contestations',
    pastDispute: (amount: string, status: string) => `${amount} contestés · ${status}`,
    lines: 'Lignes',
    description: 'Désignation',
    sku: 'Réf.',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    tax: 'Taxe',
    amount: 'Montant',
    noLines: 'Cette facture n’a aucune ligne.',
    lineInline: (quantity: string, unitPrice: string, tax: string) => `${quantity} × ${unitPrice} · taxe ${tax}`,
    totals: 'Totaux',
    subtotal: 'Sous-total',
    total: 'Total',
    paid: 'Payé',
    credited: 'Avoirs',
    balanceDue: 'Solde dû',
    processing: 'En cours',
    leftToPay: 'Reste à payer',
    receipt: (receipt: string) => `Reçu ${receipt}`,
    payments: 'Paiements imputés',
    noPayments: 'Aucun paiement imputé pour l’instant.',
    date: 'Date',
    method: 'Moyen de paiement',
    reference: 'Référence',
    credits: 'Avoirs imputés',
    noCredits: 'Aucun avoir imputé.',
    creditNote: 'Avoir',
    reason: 'Motif',
    history: 'Historique',
    noHistory: 'Aucun historique pour l’instant.',
    downloadPdf: 'Télécharger le PDF',
    downloadingPdf: 'Préparation du PDF…',
    downloadFailed: 'Nous n’avons pas pu télécharger le PDF.',
    promiseToPay: 'Promettre un paiement',
    promised: (date: string) =>
      `Vous avez promis de payer cette facture au plus tard le ${date}. Les relances sont suspendues.`,
  },
  pay: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Payer la facture ${invoices[0]}`
        : `Payer ${plural(invoices.length, 'facture', 'factures')}`,
    loading: 'Chargement du montant à payer…',
    loadFailed: 'Nous n’avons pas pu charger le formulaire de paiement.',
    signedOut: 'Connectez-vous pour payer vos factures.',
    notFound: (invoice: string) => `La facture ${invoice} est introuvable sur votre compte.`,
    nothingToPay: 'Rien à payer\u00a0: ces factures sont entièrement réglées.',
    nothingOpen: 'Rien à payer\u00a0: ce compte n’a aucune facture ouverte.',
    noMethods: 'Le paiement en ligne n’est pas disponible pour ce compte. Contactez-nous pour payer autrement.',
    back: 'Retour aux factures',
    invoicesCaption: 'Factures à payer',
    invoice: 'Facture',
    due: 'Échéance',
    balance: 'Solde',
    balanceOf: (amount: string) => `Solde ${amount}`,
    amount: 'Montant à payer',
    amountLabel: (invoice: string) => `Montant à payer sur la facture ${invoice}`,
    amountEmpty: 'Saisissez un montant.',
    amountInvalid: (example: string) => `Saisissez un montant comme ${example}.`,
    amountPrecision: (digits: number) =>
      digits === 0
        ? 'Saisissez un montant entier, sans décimales.'
        : `Utilisez au plus ${plural(digits, 'décimale', 'décimales')}.`,
    amountZero: 'Saisissez un montant supérieur à zéro.',
    amountTooHigh: (balance: string) => `Saisissez au plus le solde, soit ${balance}.`,
    useCredit: (credit: string) => `Utiliser mon avoir non imputé (${credit} disponible)`,
    creditCoversAll:
      'Votre avoir couvre la totalité, il n’y a donc rien à débiter. Payez sans l’avoir, ou contactez-nous et nous l’imputerons pour vous.',
    overpaymentLabel: 'Paiement supplémentaire (facultatif)',
    overpaymentHint: 'Payé en plus de ces factures et conservé comme avoir sur votre compte.',
    methodsLabel: 'Moyen de paiement',
    method: (method) =>
      ({
        card: 'Carte',
        debit: 'Carte de débit',
        ach: 'Virement bancaire (ACH)',
        eft: 'Virement bancaire (EFT)',
        paypal: 'PayPal',
        check: 'Chèque',
        wire: 'Virement',
        cash: 'Espèces',
        other: 'Autre',
      })[method],
    summaryLabel: 'Récapitulatif du paiement',
    invoicesTotal: 'Factures',
    creditApplied: 'Avoir imputé',
    overpayment: 'Supplément, conservé comme avoir',
    surcharge: (rate: string) => `Frais de carte (${rate})`,
    receiptSurcharge: 'Frais de carte',
    surchargeHint: (rate: string) =>
      `Les paiements par carte entraînent des frais de ${rate}. Les cartes de débit, les virements bancaires et PayPal n’en ont pas.`,
    total: 'Montant total',
    pay: (amount: string) => `Payer ${amount}`,
    paying: 'Paiement…',
    cardNumber: 'Numéro de carte',
    expiry: 'Date d’expiration (MM/AA)',
    cvc: 'Cryptogramme (CVC)',
    cardName: 'Nom sur la carte',
    routing: 'Numéro d’acheminement',
    institution: 'Numéro d’institution',
    transit: 'Numéro de transit',
    accountNumber: 'Numéro de compte',
    holder: 'Titulaire du compte',
    paypalNote: 'Quand vous appuyez sur Payer, PayPal vous demande d’approuver le paiement. Vous revenez ensuite ici.',
    errors: {
      cardNumberEmpty: 'Saisissez le numéro de carte.',
      cardNumberInvalid: 'Ce numéro de carte n’est pas valide. Vérifiez les chiffres.',
      notTestCard: 'Ceci est un bac à sable\u00a0: utilisez l’une des cartes de test.',
      notDebit:
        'Cette carte de test est une carte de crédit\u00a0: choisissez Carte, ou utilisez la carte de débit de test.',
      expiryInvalid: 'Saisissez la date d’expiration au format MM/AA.',
      expiryPast: 'Cette carte a expiré. Saisissez un mois qui n’est pas encore passé.',
      cvcInvalid: 'Saisissez les 3 ou 4 chiffres du cryptogramme.',
      nameEmpty: 'Saisissez le nom figurant sur la carte.',
      routingInvalid: (routing: string) =>
        `Ceci est un bac à sable\u00a0: utilisez le numéro d’acheminement de test ${routing}.`,
      institutionInvalid: (institution: string) =>
        `Ceci est un bac à sable\u00a0: utilisez le numéro d’institution de test ${institution}.`,
      transitInvalid: (transit: string) =>
        `Ceci est un bac à sable\u00a0: utilisez le numéro de transit de test ${transit}.`,
      accountEmpty: 'Saisissez le numéro de compte.',
      notTestAccount: 'Ceci est un bac à sable\u00a0: utilisez l’un des comptes bancaires de test.',
      holderEmpty: 'Saisissez le nom du titulaire du compte.',
    },
    sandbox: {
      note: 'Bac à sable — aucun argent réel n’est débité',
      intro:
        'Payez avec ces numéros de test. Toute date d’expiration non passée, tout cryptogramme et tout nom conviennent.',
      cardsCaption: 'Cartes de test',
      banksCaption: 'Comptes bancaires de test',
      number: 'Numéro',
      whatHappens: 'Résultat',
      bankRouting: (ach: string, eft: string) => `Numéro d’acheminement ${ach} (ACH), ou institution ${eft} (EFT).`,
      paypal: 'PayPal ouvre une fenêtre de bac à sable où vous approuvez ou annulez.',
      outcome: (token: string) =>
        ({
          tok_visa: 'Visa\u00a0: acceptée',
          tok_mastercard: 'Mastercard\u00a0: acceptée',
          tok_visa_debit: 'Visa débit\u00a0: acceptée (utilisez l’onglet Carte de débit)',
          tok_authentication_required: 'Demande une authentification 3-D Secure',
          tok_insufficient_funds: 'Refusée\u00a0: provision insuffisante',
          tok_expired_card: 'Refusée\u00a0: carte expirée',
          tok_stolen_card: 'Refusée\u00a0: carte volée',
          btok_settles: 'En cours, puis encaissé',
          btok_returns: 'Encaissé, puis rejeté par la banque',
          btok_fails: 'La banque refuse le prélèvement',
        })[token] ?? token,
    },
    declined: 'Votre paiement n’a pas abouti.',
    networkError:
      'Impossible de joindre le serveur\u00a0: nous ne savons pas si le paiement a abouti. Appuyez de nouveau sur Payer\u00a0: le même paiement est renvoyé, vous ne pouvez donc pas être débité deux fois.',
    amountChanged:
      'Le montant dû a changé depuis l’ouverture de cette page. Nous avons mis à jour les totaux\u00a0: vérifiez-les et payez de nouveau.',
    providerError: 'Le service de paiement est injoignable. Rien n’a été débité. Réessayez dans un instant.',
    failed: 'Nous n’avons pas pu encaisser le paiement.',
    confirming: 'Confirmation de votre paiement…',
    confirmFailed: 'Nous n’avons pas pu confirmer le paiement. Réessayez.',
    authHeading: 'Confirmez votre identité',
    authSandbox: '3-D Secure (bac à sable)',
    authText: (amount: string) => `L’émetteur de votre carte vous demande d’authentifier ce paiement de ${amount}.`,
    completeAuth: 'Valider l’authentification',
    failAuth: 'Faire échouer l’authentification',
    paypalHeading: 'Paiement PayPal',
    paypalSandbox: 'PayPal (bac à sable)',
    paypalText: (amount: string) => `Approuver un paiement de ${amount} depuis votre compte PayPal\u00a0?`,
    approve: 'Approuver',
    cancel: 'Annuler',
    paypalPopupText: 'Ouvrez PayPal, approuvez-y le paiement, puis revenez ici.',
    openPaypal: 'Ouvrir PayPal',
    paypalApproved: 'J’ai approuvé',
    stripeLoading: 'Chargement du formulaire de paiement sécurisé…',
    stripeFailed: 'Nous n’avons pas pu charger le formulaire de paiement sécurisé.',
    receiptHeading: 'Paiement reçu',
    processingHeading: 'Paiement en cours',
    processing:
      'Votre paiement bancaire est en cours de traitement\u00a0; les factures seront mises à jour à son encaissement, généralement sous quelques jours ouvrés.',
    thanks: 'Merci. Vos factures sont à jour.',
    receiptNumber: 'Reçu',
    date: 'Date',
    paidWith: 'Moyen de paiement',
    appliedTo: 'Imputé sur',
    appliedAmount: 'Montant',
    fromCredit: 'sur l’avoir',
    keptAsCredit: 'Conservé comme avoir',
    totalCharged: 'Total débité',
    downloadReceipt: 'Télécharger le reçu (PDF)',
    downloadingReceipt: 'Préparation du reçu…',
    downloadFailed: 'Nous n’avons pas pu télécharger le reçu.',
    emailSent: (email: string) => `Un reçu a été envoyé par e-mail à ${email}.`,
    paid: (amount: string) => `Paiement de ${amount} reçu.`,
    submitted: (amount: string) => `Paiement bancaire de ${amount} transmis\u00a0; il est en cours de traitement.`,
    notPayable: 'Rien à payer tant que ce paiement n’est pas encaissé',
    nothingPayable:
      'Plus rien ne peut être payé sur ces factures tant que les paiements en cours ne sont pas encaissés.',
    amountTooHighInFlight: (payable: string) => `Saisissez au plus ce qui reste à payer, soit ${payable}.`,
    amountInFlight: (invoice: string, receipt: string) =>
      `La facture ${invoice} a déjà un paiement en cours (reçu ${receipt}).`,
    amountInFlightLeft: (amount: string) =>
      `Nous avons ramené le formulaire à ce qui reste à payer\u00a0: ${amount}. Vérifiez-le et payez de nouveau.`,
    amountInFlightNone: 'Plus rien ne peut y être payé tant que ce paiement n’est pas encaissé.',
    lapsed: 'Ce paiement a attendu trop longtemps et a été annulé.',
    lapsedHint: 'Rien n’a été débité. Recommencez.',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Ce lien ne concerne que la facture ${invoices[0]}.`
        : `Ce lien ne concerne que ${invoices.join(', ')}.`,
    wholeAccountHeading: 'Votre compte complet',
    wholeAccount: (invoices: readonly string[]) =>
      `Ce paiement concernait ${invoices.join(', ')}. Votre compte peut avoir d’autres factures\u00a0: connectez-vous pour voir tout ce que vous devez et tous vos paiements.`,
    wholeAccountSignIn: 'Se connecter pour voir tout votre compte',
  },
  promise: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Promettre de payer la facture ${invoices[0]}`
        : `Promettre de payer ${plural(invoices.length, 'facture', 'factures')}`,
    intro: 'Indiquez-nous quand vous paierez. Nous suspendons les relances de ces factures jusque-là.',
    loading: 'Chargement de vos factures…',
    loadFailed: 'Nous n’avons pas pu charger le formulaire de promesse.',
    signedOut: 'Connectez-vous pour promettre de payer vos factures.',
    nothingToPromise:
      'Rien à promettre\u00a0: ces factures sont réglées, annulées ou font déjà l’objet d’une promesse de paiement.',
    nothingOpen: 'Rien à promettre\u00a0: ce compte n’a aucune facture ouverte.',
    invoicesCaption: 'Factures de cette promesse',
    excludedHeading: 'Hors de cette promesse',
    excluded: (reason: 'paid' | 'void' | 'promised', date: string) =>
      ({
        paid: 'Entièrement réglée',
        void: 'Annulée\u00a0: rien à payer',
        promised: `Déjà promise pour le ${date}`,
      })[reason],
    owed: 'Total dû',
    amountLabel: 'Montant que vous paierez',
    amountHint: 'Vous pouvez promettre moins que le total.',
    partial: (amount: string, total: string) => `Il s’agit d’une promesse partielle\u00a0: ${amount} sur ${total} dus.`,
    dateLabel: 'Date de paiement promise',
    dateHint: (min: string, max: string) => `Entre le ${min} et le ${max}.`,
    dateEmpty: 'Choisissez la date à laquelle vous paierez au plus tard.',
    dateOutOfRange: (min: string, max: string) => `Choisissez une date entre le ${min} et le ${max}.`,
    noteLabel: 'Note (facultative)',
    noteHint: 'Pour notre service comptable, par exemple votre moyen de paiement. 1\u00a0000 caractères au plus.',
    whatHappensHeading: 'Ce qui se passe ensuite',
    whatHappens: (until: string, remind: string) =>
      `Les relances de ces factures s’arrêtent jusqu’au ${until}\u00a0; nous vous le rappellerons le ${remind}.`,
    whatHappensLater: 'Si le paiement n’est pas arrivé d’ici là, les relances reprennent.',
    pickDate: 'Choisissez une date pour voir jusqu’à quand les relances s’arrêtent.',
    submit: (amount: string) => `Promettre de payer ${amount}`,
    submitting: 'Enregistrement de votre promesse…',
    failed: 'Nous n’avons pas pu enregistrer votre promesse.',
    dateTaken: 'Cette date ne peut plus être choisie. Choisissez-en une autre.',
    amountTooLarge:
      'Ce montant dépasse ce que doivent ces factures, hors part contestée. Saisissez un montant plus faible.',
    notPromisable:
      'L’une de ces factures ne peut plus faire l’objet d’une promesse\u00a0: elle a été réglée, annulée ou est entièrement contestée. Nous avons mis la liste à jour.',
    alreadyPromised:
      'L’une de ces factures fait déjà l’objet d’une promesse de paiement. Nous avons mis la liste à jour.',
    invoiceNotFound: 'L’une de ces factures est introuvable sur votre compte.',
    invalid: 'Une partie du formulaire n’a pas été acceptée. Vérifiez-la et réessayez.',
    networkError:
      'Nous n’avons pas pu joindre le serveur\u00a0: impossible de savoir si votre promesse a été enregistrée. Consultez vos promesses avant de réessayer.',
    createdHeading: 'Promesse enregistrée',
    created: (amount: string, date: string) => `Merci. Vous avez promis de payer ${amount} au plus tard le ${date}.`,
    seePromises: 'Voir vos promesses',
    autopayLabel: 'Payer automatiquement à cette date',
    autopayHint: 'Nous débitons la carte ou le compte bancaire saisi ici à la date promise.',
    autopayMethod: 'Payer automatiquement par',
    autopayLoading: 'Chargement des moyens de paiement…',
    autopayLoadFailed: 'Nous n’avons pas pu charger les moyens de paiement.',
    autopayDetailsFailed:
      'Les coordonnées de votre carte ou de votre compte bancaire n’ont pas été acceptées. Vérifiez-les et réessayez.',
    whatHappensAutopay: (means: string, date: string) =>
      `Le ${date}, nous débiterons ${means} de ce qui reste à payer sur cette promesse. Vous pouvez arrêter le paiement automatique d’ici là, dans vos promesses.`,
  },
  promises: {
    heading: 'Promesses de paiement',
    loading: 'Chargement de vos promesses…',
    loadFailed: 'Nous n’avons pas pu charger vos promesses.',
    signedOut: 'Connectez-vous pour voir vos promesses.',
    empty: 'Vous n’avez aucune promesse de paiement.',
    emptyHint:
      'Pour en faire une, cochez des factures dans votre liste et choisissez «\u00a0Promettre un paiement\u00a0».',
    openHeading: 'En cours',
    pastHeading: 'Passées',
    title: (amount: string, date: string) => `${amount} au plus tard le ${date}`,
    status: (status: PromiseStatus) =>
      ({
        open: 'En cours',
        kept: 'Tenue',
        partially_kept: 'Partiellement tenue',
        broken: 'Non tenue',
        cancelled: 'Annulée',
      })[status],
    promisedDate: 'Promise pour le',
    amount: 'Montant',
    paid: 'Déjà payé',
    remaining: 'Reste à payer',
    invoices: 'Factures',
    note: 'Votre note',
    remindersPaused: (until: string, remind: string) =>
      `Relances suspendues jusqu’au ${until}. Nous vous le rappellerons le ${remind}.`,
    autopayMeans: (method: PaymentMethod) =>
      ({
        card: 'votre carte',
        debit: 'votre carte de débit',
        ach: 'votre compte bancaire',
        eft: 'votre compte bancaire',
        paypal: 'PayPal',
      })[method],
    autopay: (
      status: 'scheduled' | 'charged' | 'failed' | 'cancelled' | 'skipped',
      method: string,
      means: string,
      date: string,
    ) =>
      ({
        scheduled: `Sera payée automatiquement depuis ${means} le ${date}.`,
        charged: `Payée automatiquement depuis ${means}.`,
        failed: `Le paiement automatique (${method}) a été refusé\u00a0: merci de payer autrement.`,
        cancelled: 'Paiement automatique arrêté.',
        skipped: 'Aucun paiement automatique n’a été nécessaire\u00a0: il ne restait rien à payer.',
      })[status],
    stopAutopay: 'Arrêter le paiement automatique',
    stopAutopayLabel: (title: string) => `Arrêter le paiement automatique\u00a0: ${title}`,
    confirmStop: (date: string) =>
      `Arrêter le paiement automatique\u00a0? La promesse reste en cours\u00a0: payez d’une autre façon d’ici le ${date}.`,
    confirmStopYes: 'Oui, l’arrêter',
    stopping: 'Arrêt…',
    stopped: 'Paiement automatique arrêté. Votre promesse reste en cours.',
    stopFailed: 'Nous n’avons pas pu arrêter le paiement automatique.',
    notScheduled:
      'Aucun paiement automatique n’est plus prévu, il n’y a donc rien à arrêter. La promesse est mise à jour ci-dessous.',
    cancel: 'Annuler la promesse',
    cancelLabel: (title: string) => `Annuler la promesse\u00a0: ${title}`,
    confirmCancel: 'Annuler cette promesse\u00a0? Les relances de ses factures reprennent.',
    confirmYes: 'Oui, l’annuler',
    confirmNo: 'La garder',
    cancelling: 'Annulation…',
    cancelled: 'Promesse annulée. Les relances de ses factures reprennent.',
    cancelFailed: 'Nous n’avons pas pu annuler la promesse.',
    notOpen: 'Cette promesse n’est plus en cours et ne peut donc pas être annulée. Elle est mise à jour ci-dessous.',
  },
  statement: {
    heading: 'Relevé de compte',
    loading: 'Chargement de votre relevé…',
    loadFailed: 'Nous n’avons pas pu charger votre relevé.',
    signedOut: 'Connectez-vous pour voir votre relevé.',
    period: 'Période',
    from: 'Du',
    to: 'Au',
    presets: 'Périodes rapides',
    last30: '30 derniers jours',
    last90: '90 derniers jours',
    thisYear: 'Cette année',
    periodInvalid: 'Saisissez deux dates, la première au plus tard le jour de la seconde.',
    periodOf: (from: string, to: string) => `${from} – ${to}`,
    caption: (from: string, to: string) => `Mouvements du ${from} au ${to}`,
    date: 'Date',
    type: 'Nature',
    lineType: (type: 'invoice' | 'payment' | 'credit') =>
      ({ invoice: 'Facture', payment: 'Paiement', credit: 'Avoir' })[type],
    reference: 'Référence',
    description: 'Libellé',
    amount: 'Montant',
    balance: 'Solde',
    openingBalance: 'Solde d’ouverture',
    closingBalance: 'Solde de clôture',
    invoiced: 'Facturé',
    paid: 'Payé',
    credited: 'Avoirs',
    unappliedCredit: 'Avoir non imputé',
    noActivity: 'Aucune facture, aucun paiement ni avoir sur cette période.',
    aging: (date: string) => `Balance âgée au ${date}`,
    agingBucket: {
      current: 'Non échu',
      days1to30: '1 à 30 jours',
      days31to60: '31 à 60 jours',
      days61to90: '61 à 90 jours',
      over90: 'Plus de 90 jours',
    },
    downloadCsv: 'Télécharger le CSV',
    downloadPdf: 'Télécharger le PDF',
    downloading: 'Préparation…',
    downloadFailed: (format: string) => `Nous n’avons pas pu télécharger le ${format.toUpperCase()}.`,
    disputedHeading: 'Contesté',
    disputedTotal: 'Contesté au total',
    disputedNote:
      'Compris dans le solde, mis à part jusqu’à la décision sur chaque contestation. Le reste peut être payé dès maintenant.',
    disputedAging: 'Contesté, par jours de retard',
    disputedItems: 'Contestations ouvertes',
    disputedItem: (invoice: string, date: string, status: string) => `${invoice} · ouverte le ${date} · ${status}`,
  },
  payments: {
    heading: 'Paiements',
    loading: 'Chargement de vos paiements…',
    loadFailed: 'Nous n’avons pas pu charger vos paiements.',
    signedOut: 'Connectez-vous pour voir vos paiements.',
    empty: 'Aucun paiement pour l’instant. Les paiements effectués ici apparaissent avec leur reçu.',
    listLabel: 'Paiements, du plus récent au plus ancien',
    receipt: (receipt: string) => `Reçu ${receipt}`,
    date: 'Date',
    method: 'Moyen de paiement',
    amount: 'Montant',
    surcharge: (amount: string) => `dont ${amount} de frais de carte`,
    status: (status: PaymentStatus) =>
      ({
        pending: 'En attente de confirmation',
        processing: 'En cours',
        succeeded: 'Réussi',
        failed: 'Échoué',
        returned: 'Rejeté',
        refunded: 'Remboursé',
      })[status],
    cancelled: 'Annulé',
    lapsed: 'Expiré',
    appliedTo: 'Imputé sur',
    requestedFor: 'Pour',
    fromCredit: 'sur l’avoir',
    keptAsCredit: (amount: string) => `${amount} conservé comme avoir`,
    refunded: (amount: string, status: 'pending' | 'succeeded' | 'failed' | null) =>
      status === 'pending'
        ? `${amount} en cours de remboursement`
        : status === 'failed'
          ? `Le remboursement de ${amount} a échoué\u00a0: contactez-nous`
          : `${amount} remboursé`,
    returnedNote: 'Votre banque a rejeté ce paiement\u00a0: les factures sont de nouveau dues.',
    processingNote: 'Les paiements bancaires sont encaissés sous quelques jours ouvrés.',
    pendingNote: 'En attente de votre confirmation du paiement.',
    downloadReceipt: 'Reçu (PDF)',
    downloadReceiptLabel: (receipt: string) => `Télécharger le reçu ${receipt} (PDF)`,
    downloading: 'Préparation…',
    downloadFailed: (receipt: string) => `Nous n’avons pas pu télécharger le reçu ${receipt}.`,
  },
} satisfies Catalog;
