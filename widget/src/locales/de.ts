/**
 * Every user-visible word of the widget in German, the same keys as `en.ts` (checked by `satisfies
 * Catalog`). The customer is addressed formally („Sie“); money and dates come already formatted by
 * `Intl` for the element's locale. Nouns keep their capital letters, so column headings are never
 * lower-cased inside a sentence.
 */
import type {
  Audience,
  InvoiceStatus,
  InvoiceStatusFilter,
  PaymentMethod,
  PaymentStatus,
  PromiseStatus,
} from '../internal/types.js';
import { deDispute } from './de-dispute.js';
import { deDisputeEditor } from './de-dispute-editor.js';
import type { Catalog } from './en.js';

/** German counts only 1 in the singular: „0 Rechnungen“, „1 Rechnung“, „2 Rechnungen“. */
function plural(count: number, one: string, other: string): string {
  return `${count} ${Math.abs(count) === 1 ? one : other}`;
}

/** "INV-1", "INV-1 und INV-2", "INV-1, INV-2 und INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items.at(-1)}`;
}

/** Seconds as words for a countdown or a rate-limit message: "45 Sekunden", "2 Minuten". */
function waitFor(seconds: number): string {
  if (seconds < 90) return plural(Math.max(1, Math.ceil(seconds)), 'Sekunde', 'Sekunden');
  return plural(Math.ceil(seconds / 60), 'Minute', 'Minuten');
}

export const de = {
  ...deDisputeEditor,
  ...deDispute,
  common: {
    retry: 'Erneut versuchen',
    loading: 'Wird geladen…',
    networkError: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    unexpectedError: 'Bei uns ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal.',
  },
  login: {
    heading: 'Anmelden',
    staffHeading: 'Anmeldung für Mitarbeitende',
    intro: 'Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Anmeldelink. Ein Passwort ist nicht nötig.',
    emailLabel: 'E-Mail-Adresse',
    emailHint: 'Verwenden Sie die Adresse, an die Ihre Rechnungen gesendet werden.',
    sendLink: 'Anmeldelink per E-Mail senden',
    sending: 'Wird gesendet…',
    emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@firma.de.',
    emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein.',
    rateLimited: (seconds: number) => `Zu viele Anmeldeanfragen. Versuchen Sie es in ${waitFor(seconds)} erneut.`,
    requestFailed: 'Wir konnten keinen Anmeldelink senden.',
    checkEmailHeading: 'Prüfen Sie Ihre E-Mails',
    sentTo: (maskedEmail: string) => `Wir haben einen Anmeldelink an ${maskedEmail} gesendet.`,
    sentToSameAddress: 'Wir haben einen neuen Anmeldelink an die Adresse gesendet, für die der alte Link bestimmt war.',
    openLinkHint: 'Öffnen Sie den Link auf diesem Gerät, oder geben Sie den 6-stelligen Code aus der E-Mail ein.',
    openNewLinkHint: 'Öffnen Sie den Link in der neuen E-Mail, um sich anzumelden.',
    codeLabel: '6-stelliger Code',
    codeSubmit: 'Mit Code anmelden',
    codeChecking: 'Wird geprüft…',
    codeFormat: 'Der Code besteht aus 6 Ziffern.',
    codeInvalid: 'Dieser Code ist falsch oder abgelaufen. Prüfen Sie die E-Mail und versuchen Sie es erneut.',
    codeFailed: 'Wir konnten den Code nicht prüfen.',
    resend: 'Neuen Link senden',
    resendIn: (seconds: number) => `Neuen Link in ${waitFor(seconds)} senden`,
    resent: 'Wir haben einen neuen Link gesendet. Sehen Sie in Ihrem Posteingang nach.',
    useDifferentEmail: 'Andere E-Mail-Adresse verwenden',
    checkingLink: 'Ihr Anmeldelink wird geprüft…',
    signingIn: 'Sie werden angemeldet…',
    continueHeading: 'Anmeldung fortsetzen?',
    continueIntro: 'Dieser Anmeldelink wurde in einem anderen Browser geöffnet als dem, in dem er angefordert wurde.',
    continueAs: (maskedEmail: string) => `Weiter als ${maskedEmail}`,
    linkExpired: 'Dieser Anmeldelink ist abgelaufen.',
    linkUsed: 'Dieser Anmeldelink wurde bereits verwendet.',
    linkResendHint: 'Wir können Ihnen einen neuen Link an dieselbe E-Mail-Adresse senden.',
    sendNewLink: 'Neuen Link anfordern',
    linkInvalid: 'Dieser Anmeldelink ist ungültig. Geben Sie Ihre E-Mail-Adresse ein, um einen neuen zu erhalten.',
    linkFailed: 'Wir konnten Ihren Anmeldelink nicht prüfen.',
    signedInAs: (email: string) => `Sie sind als ${email} angemeldet.`,
    sessionExpired: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um dort weiterzumachen, wo Sie waren.',
    signedOut: 'Sie haben sich abgemeldet.',
    signedOutEverywhere: 'Sie haben sich auf allen Geräten abgemeldet.',
    payHeading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Rechnung ${invoices[0]} bezahlen`
        : invoices.length === 0
          ? 'Ihre Rechnung bezahlen'
          : `${plural(invoices.length, 'Rechnung', 'Rechnungen')} bezahlen`,
    payIntro: (company: string) => `${company} hat Ihnen diesen Link gesendet, damit Sie online bezahlen können.`,
    payIntroNoCompany: 'Mit diesem Link können Sie online bezahlen.',
    disputeHeading: (invoices: readonly string[]) => `Ihre Reklamation zu Rechnung ${invoices.join(', ')}`,
    disputeIntro: (company: string) => `${company} hat Ihnen diesen Link zu Ihrer Reklamation gesendet.`,
    seeDispute: 'Reklamation ansehen',
    payInvoice: (invoice: string) => `Rechnung ${invoice}`,
    amountDue: 'Fälliger Betrag',
    dueOn: (date: string) => `Fällig am ${date}`,
    payInFlight: (amount: string) =>
      `Eine Zahlung über ${amount} wird bereits bearbeitet; hier sehen Sie den verbleibenden Betrag.`,
    payAllInFlight:
      'Eine Zahlung über den gesamten offenen Betrag wird bereits bearbeitet: Es ist nichts mehr zu zahlen.',
    reviewAndPay: 'Prüfen und bezahlen',
    reviewInvoice: 'Rechnung ansehen',
    nothingChargedYet: 'Es wird nichts belastet, bevor Sie eine Zahlungsart gewählt und auf „Bezahlen“ geklickt haben.',
  },
  portal: {
    portalName: (audience: Audience) => (audience === 'staff' ? 'Konsole für Mitarbeitende' : 'Kundenportal'),
    checkingSession: 'Ihre Sitzung wird wiederhergestellt…',
    loadingAccounts: 'Ihre Konten werden geladen…',
    sessionFailed: 'Wir konnten Ihre Sitzung nicht prüfen.',
    accountsFailed: 'Wir konnten Ihre Konten nicht laden.',
    noAccounts:
      'Ihre E-Mail-Adresse ist noch keinem Kundenkonto zugeordnet. Kontaktieren Sie uns, und wir richten das für Sie ein.',
    signedInAs: 'Angemeldet als',
    logout: 'Abmelden',
    logoutEverywhere: 'Überall abmelden',
    loggingOut: 'Abmeldung läuft…',
    logoutEverywhereFailed: 'Wir konnten Sie auf Ihren anderen Geräten nicht abmelden.',
    navLabel: 'Kundenportal',
    navInvoices: 'Rechnungen',
    navStatement: 'Kontoauszug',
    navPayments: 'Zahlungen',
    navPromises: 'Zahlungszusagen',
    navDisputes: 'Reklamationen',
    viewLabel: (view: Parameters<Catalog['portal']['viewLabel']>[0], invoice?: string) =>
      view === 'invoice'
        ? `Rechnung ${invoice ?? ''}`.trim()
        : {
            invoices: 'Rechnungen',
            pay: 'Bezahlen',
            statement: 'Kontoauszug',
            payments: 'Zahlungen',
            promise: 'Zahlungszusage',
            promises: 'Zahlungszusagen',
            dispute: 'Rechnung reklamieren',
            disputes: 'Reklamationen',
          }[view],
    scopeLabel: 'Zu diesem Link',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 0
        ? 'Dieser Link gilt nur für eine einzige Rechnung.'
        : `Dieser Link gilt nur für ${listOf(invoices)}.`,
    scopeHint:
      'Die hier angezeigten Beträge beziehen sich auf diese Rechnung, nicht auf Ihr gesamtes Konto. Melden Sie sich an, um alle offenen Beträge zu sehen.',
    scopeSignIn: 'Anmelden und gesamtes Konto ansehen',
    scopeSignInHeading: 'Anmeldung für Ihr gesamtes Konto',
    scopeSignInCancel: 'Zurück zu dieser Rechnung',
  },
  account: {
    label: 'Konto',
    totals: {
      balance: 'Offener Betrag',
      pastDue: 'Überfällig',
      disputed: 'Reklamiert',
      credit: 'Nicht verrechnetes Guthaben',
      inFlight: (amount: string) => `${amount} in Bearbeitung`,
      scopedBalance: (invoices: readonly string[]) =>
        invoices.length === 1 ? `Offener Betrag für ${invoices[0]}` : 'Offener Betrag für diesen Link',
    },
    totalsFailed: 'Wir konnten die Kontosummen nicht laden.',
  },
  inFlight: {
    notice: (amount: string, since: string, status: 'pending' | 'processing') =>
      status === 'pending'
        ? `Zahlung über ${amount} wartet seit ${since} auf Bestätigung`
        : `Zahlung über ${amount} seit ${since} in Bearbeitung`,
    leftToPay: (amount: string) => `Noch ${amount} zu zahlen`,
    nothingLeft: 'Auf diese Rechnung kann erst wieder gezahlt werden, wenn diese Zahlung verbucht ist.',
  },
  invoices: {
    caption: 'Rechnungen',
    number: 'Rechnung',
    issueDate: 'Ausgestellt',
    dueDate: 'Fällig',
    dueOn: (date: string) => `Fällig am ${date}`,
    po: (po: string) => `Bestell-Nr. ${po}`,
    total: 'Gesamt',
    balance: 'Offener Betrag',
    status: 'Status',
    loading: 'Rechnungen werden geladen…',
    loadingMore: 'Weitere Rechnungen werden geladen…',
    loadedMore: (loaded: number, total: number | null) =>
      total === null
        ? `${plural(loaded, 'Rechnung', 'Rechnungen')} geladen.`
        : `${loaded} von ${total} Rechnungen geladen.`,
    loadFailed: 'Wir konnten Ihre Rechnungen nicht laden.',
    loadMoreFailed: 'Wir konnten keine weiteren Rechnungen laden.',
    signedOut: 'Melden Sie sich an, um Ihre Rechnungen zu sehen.',
    highlightMissing: (invoice: string) => `Rechnung ${invoice} ist nicht in dieser Liste enthalten.`,
    tabsLabel: 'Rechnungen nach Status',
    tab: (status: InvoiceStatusFilter) =>
      ({ past_due: 'Überfällig', open: 'Offen', paid: 'Bezahlt', disputed: 'Reklamiert', all: 'Alle' })[status],
    empty: (status: InvoiceStatusFilter) =>
      ({
        past_due: 'Keine überfälligen Rechnungen – Sie sind auf dem neuesten Stand.',
        open: 'Keine offenen Rechnungen. Derzeit ist nichts fällig.',
        paid: 'Noch keine bezahlten Rechnungen.',
        disputed: 'Keine reklamierten Rechnungen.',
        all: 'Noch keine Rechnungen.',
      })[status],
    scopedEmpty: (status: InvoiceStatusFilter, invoices: readonly string[]) => {
      const covered = invoices.length ? listOf(invoices) : 'diesen Link';
      return {
        past_due: `Für ${covered} ist nichts überfällig.`,
        open: `Für ${covered} ist nichts fällig.`,
        paid: `Für ${covered} gibt es noch keine bezahlten Rechnungen.`,
        disputed: `Für ${covered} gibt es keine reklamierten Rechnungen.`,
        all: `Für ${covered} gibt es keine Rechnungen.`,
      }[status];
    },
    scopedHint: (invoices: readonly string[]) =>
      invoices.length
        ? `Dieser Link gilt nur für ${listOf(invoices)}; Ihr Konto kann weitere Rechnungen enthalten.`
        : 'Dieser Link gilt nur für eine einzige Rechnung; Ihr Konto kann weitere Rechnungen enthalten.',
    scopedSignIn: 'Anmelden und gesamtes Konto ansehen',
    badge: (status: InvoiceStatus) =>
      ({ past_due: 'Überfällig', open: 'Offen', paid: 'Bezahlt', disputed: 'Reklamiert', void: 'Storniert' })[status],
    daysPastDue: (days: number) => plural(days, 'Tag', 'Tage'),
    rowLabel: (invoice: string, balance: string, status: string, inFlight?: string) =>
      `Rechnung ${invoice}, offener Betrag ${balance}, ${status}${inFlight ? `, ${inFlight}` : ''}`,
    searchLabel: 'Rechnungen durchsuchen',
    searchHint: 'Rechnungsnummer, Bestellnummer oder Betrag',
    clearSearch: 'Suche zurücksetzen',
    noMatch: (q: string) => `Keine Rechnungen zu „${q}“ gefunden`,
    matches: (count: number, more: boolean, q: string) =>
      `${more ? 'Mehr als ' : ''}${plural(count, 'Rechnung', 'Rechnungen')} zu „${q}“ gefunden.`,
    sortedBy: (column: string, direction: 'ascending' | 'descending' | 'other') =>
      direction === 'other'
        ? `Sortiert nach ${column}, dringendste zuerst.`
        : `Sortiert nach ${column}, ${direction === 'ascending' ? 'aufsteigend' : 'absteigend'}.`,
    selectInvoice: (invoice: string) => `${invoice} auswählen`,
    selectAllLoaded: 'Alle geladenen Rechnungen auswählen',
    selectionLabel: 'Ausgewählte Rechnungen',
    selected: (count: number, amount: string) => `${count} ausgewählt · ${amount}`,
    pay: 'Bezahlen',
    promise: 'Zahlung zusagen',
    allPromised: 'Für alle markierten Rechnungen gibt es bereits eine Zahlungszusage.',
    promised: (date: string) => `Zugesagt · ${date}`,
    dispute: 'Reklamieren',
    clearSelection: 'Auswahl aufheben',
  },
  invoice: {
    loading: (invoice: string) => `Rechnung ${invoice} wird geladen…`,
    loadFailed: (invoice: string) => `Wir konnten Rechnung ${invoice} nicht laden.`,
    notFound: (invoice: string) => `Wir finden Rechnung ${invoice} nicht in Ihrem Konto.`,
    notFoundHint: 'Prüfen Sie die Rechnungsnummer, oder wählen Sie die Rechnung aus Ihrer Liste aus.',
    noInvoice: 'Keine Rechnung ausgewählt.',
    signedOut: 'Melden Sie sich an, um diese Rechnung zu sehen.',
    back: 'Zurück zu den Rechnungen',
    heading: (invoice: string) => `Rechnung ${invoice}`,
    account: 'Konto',
    issued: 'Ausgestellt',
    due: 'Fällig',
    po: 'Bestellnummer',
    daysPastDue: (days: number) => `${plural(days, 'Tag', 'Tage')} überfällig`,
    disputeOpen: (amount: string, status: string) =>
      `Von dieser Rechnung sind ${amount} reklamiert. Status: ${status}.`,
    seeDispute: 'Reklamation ansehen',
    dispute: 'Reklamieren',
    pastDisputes: 'Reklamationen',
    pastDispute: (amount: string, status: string) => `${amount} reklamiert · ${status}`,
    lines: 'Positionen',
    description: 'Beschreibung',
    sku: 'Artikelnr.',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
    tax: 'Steuer',
    amount: 'Betrag',
    noLines: 'Diese Rechnung hat keine Positionen.',
    lineInline: (quantity: string, unitPrice: string, tax: string) => `${quantity} × ${unitPrice} · Steuer ${tax}`,
    totals: 'Summen',
    subtotal: 'Zwischensumme',
    total: 'Gesamt',
    paid: 'Bezahlt',
    credited: 'Gutgeschrieben',
    balanceDue: 'Offener Betrag',
    processing: 'In Bearbeitung',
    leftToPay: 'Noch zu zahlen',
    receipt: (receipt: string) => `Beleg ${receipt}`,
    payments: 'Verrechnete Zahlungen',
    noPayments: 'Noch keine Zahlungen verrechnet.',
    date: 'Datum',
    method: 'Zahlungsart',
    reference: 'Referenz',
    credits: 'Verrechnete Gutschriften',
    noCredits: 'Keine Gutschriften verrechnet.',
    creditNote: 'Gutschrift',
    reason: 'Grund',
    history: 'Verlauf',
    noHistory: 'Noch kein Verlauf.',
    downloadPdf: 'PDF herunterladen',
    downloadingPdf: 'PDF wird erstellt…',
    downloadFailed: 'Wir konnten das PDF nicht herunterladen.',
    promiseToPay: 'Zahlung zusagen',
    promised: (date: string) =>
      `Sie haben zugesagt, diese Rechnung bis zum ${date} zu bezahlen. Die Zahlungserinnerungen dafür sind ausgesetzt.`,
  },
  pay: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Rechnung ${invoices[0]} bezahlen`
        : `${plural(invoices.length, 'Rechnung', 'Rechnungen')} bezahlen`,
    loading: 'Zu zahlende Beträge werden geladen…',
    loadFailed: 'Wir konnten das Zahlungsformular nicht laden.',
    signedOut: 'Melden Sie sich an, um Ihre Rechnungen zu bezahlen.',
    notFound: (invoice: string) => `Wir finden Rechnung ${invoice} nicht in Ihrem Konto.`,
    nothingToPay: 'Nichts zu zahlen: Diese Rechnungen sind vollständig bezahlt.',
    nothingOpen: 'Nichts zu zahlen: Für dieses Konto gibt es keine offenen Rechnungen.',
    noMethods:
      'Online-Zahlungen sind für dieses Konto nicht verfügbar. Kontaktieren Sie uns, um auf anderem Weg zu bezahlen.',
    back: 'Zurück zu den Rechnungen',
    invoicesCaption: 'Zu zahlende Rechnungen',
    invoice: 'Rechnung',
    due: 'Fällig',
    balance: 'Offener Betrag',
    balanceOf: (amount: string) => `Offen: ${amount}`,
    amount: 'Zahlbetrag',
    amountLabel: (invoice: string) => `Zahlbetrag für Rechnung ${invoice}`,
    amountEmpty: 'Geben Sie einen Betrag ein.',
    amountInvalid: (example: string) => `Geben Sie einen Betrag wie ${example} ein.`,
    amountPrecision: (digits: number) =>
      digits === 0
        ? 'Geben Sie einen ganzen Betrag ohne Nachkommastellen ein.'
        : `Verwenden Sie höchstens ${plural(digits, 'Nachkommastelle', 'Nachkommastellen')}.`,
    amountZero: 'Geben Sie einen Betrag größer als null ein.',
    amountTooHigh: (balance: string) => `Geben Sie höchstens den offenen Betrag ein (${balance}).`,
    useCredit: (credit: string) => `Mein nicht verrechnetes Guthaben verwenden (${credit} verfügbar)`,
    creditCoversAll:
      'Ihr Guthaben deckt den gesamten Betrag, daher gibt es nichts zu belasten. Zahlen Sie ohne Guthaben, oder kontaktieren Sie uns, und wir verrechnen das Guthaben für Sie.',
    overpaymentLabel: 'Zusätzliche Zahlung (optional)',
    overpaymentHint: 'Wird zusätzlich zu diesen Rechnungen gezahlt und Ihrem Konto als Guthaben gutgeschrieben.',
    methodsLabel: 'Zahlungsart',
    method: (method) =>
      ({
        card: 'Karte',
        debit: 'Debitkarte',
        ach: 'Banküberweisung (ACH)',
        eft: 'Banküberweisung (EFT)',
        paypal: 'PayPal',
        check: 'Scheck',
        wire: 'Überweisung',
        cash: 'Barzahlung',
        other: 'Sonstige',
      })[method],
    summaryLabel: 'Zahlungsübersicht',
    invoicesTotal: 'Rechnungen',
    creditApplied: 'Verrechnetes Guthaben',
    overpayment: 'Zusatzbetrag (als Guthaben)',
    surcharge: (rate: string) => `Kartengebühr (${rate})`,
    receiptSurcharge: 'Kartengebühr',
    surchargeHint: (rate: string) =>
      `Für Kartenzahlungen fällt eine Gebühr von ${rate} an. Debitkarten, Banküberweisungen und PayPal sind gebührenfrei.`,
    total: 'Gesamtbetrag',
    pay: (amount: string) => `${amount} bezahlen`,
    paying: 'Zahlung läuft…',
    cardNumber: 'Kartennummer',
    expiry: 'Ablaufdatum (MM/JJ)',
    cvc: 'Prüfnummer (CVC)',
    cardName: 'Name auf der Karte',
    routing: 'Routing-Nummer',
    institution: 'Institutsnummer',
    transit: 'Transitnummer',
    accountNumber: 'Kontonummer',
    holder: 'Kontoinhaber',
    paypalNote:
      'Wenn Sie auf „Bezahlen“ klicken, bittet PayPal Sie, die Zahlung freizugeben. Anschließend kehren Sie hierher zurück.',
    errors: {
      cardNumberEmpty: 'Geben Sie die Kartennummer ein.',
      cardNumberInvalid: 'Diese Kartennummer ist ungültig. Prüfen Sie die Ziffern.',
      notTestCard: 'Dies ist eine Testumgebung: Verwenden Sie eine der Testkarten.',
      notDebit: 'Diese Testkarte ist eine Kreditkarte: Wählen Sie „Karte“, oder verwenden Sie die Test-Debitkarte.',
      expiryInvalid: 'Geben Sie das Ablaufdatum im Format MM/JJ ein.',
      expiryPast: 'Diese Karte ist abgelaufen. Geben Sie einen Monat ein, der noch nicht vergangen ist.',
      cvcInvalid: 'Geben Sie die 3 oder 4 Ziffern der Prüfnummer ein.',
      nameEmpty: 'Geben Sie den Namen auf der Karte ein.',
      routingInvalid: (routing: string) =>
        `Dies ist eine Testumgebung: Verwenden Sie die Test-Routing-Nummer ${routing}.`,
      institutionInvalid: (institution: string) =>
        `Dies ist eine Testumgebung: Verwenden Sie die Test-Institutsnummer ${institution}.`,
      transitInvalid: (transit: string) =>
        `Dies ist eine Testumgebung: Verwenden Sie die Test-Transitnummer ${transit}.`,
      accountEmpty: 'Geben Sie die Kontonummer ein.',
      notTestAccount: 'Dies ist eine Testumgebung: Verwenden Sie eines der Test-Bankkonten.',
      holderEmpty: 'Geben Sie den Namen des Kontoinhabers ein.',
    },
    sandbox: {
      note: 'Testumgebung – es wird kein echtes Geld bewegt',
      intro:
        'Zahlen Sie mit diesen Testnummern. Jedes nicht abgelaufene Ablaufdatum, jede Prüfnummer und jeder Name funktionieren.',
      cardsCaption: 'Testkarten',
      banksCaption: 'Test-Bankkonten',
      number: 'Nummer',
      whatHappens: 'Ergebnis',
      bankRouting: (ach: string, eft: string) => `Routing-Nummer ${ach} (ACH) oder Institutsnummer ${eft} (EFT).`,
      paypal: 'PayPal öffnet ein Testfenster, in dem Sie die Zahlung freigeben oder abbrechen.',
      outcome: (token: string) =>
        ({
          tok_visa: 'Visa: erfolgreich',
          tok_mastercard: 'Mastercard: erfolgreich',
          tok_visa_debit: 'Visa Debit: erfolgreich (Reiter „Debitkarte“ verwenden)',
          tok_authentication_required: 'Verlangt eine 3-D-Secure-Authentifizierung',
          tok_insufficient_funds: 'Abgelehnt: keine ausreichende Deckung',
          tok_expired_card: 'Abgelehnt: Karte abgelaufen',
          tok_stolen_card: 'Abgelehnt: Karte als gestohlen gemeldet',
          btok_settles: 'In Bearbeitung, dann verbucht',
          btok_returns: 'Verbucht, dann von der Bank zurückgebucht',
          btok_fails: 'Die Bank lehnt die Lastschrift ab',
        })[token] ?? token,
    },
    declined: 'Ihre Zahlung wurde nicht ausgeführt.',
    networkError:
      'Wir konnten den Server nicht erreichen und wissen daher nicht, ob die Zahlung ausgeführt wurde. Klicken Sie erneut auf „Bezahlen“: Dabei wird dieselbe Zahlung gesendet, sodass Ihnen nichts doppelt belastet werden kann.',
    amountChanged:
      'Der fällige Betrag hat sich geändert, seit diese Seite geöffnet wurde. Wir haben die Summen aktualisiert: Prüfen Sie sie und zahlen Sie erneut.',
    providerError:
      'Der Zahlungsdienst ist nicht erreichbar. Es wurde nichts belastet. Versuchen Sie es gleich noch einmal.',
    failed: 'Wir konnten die Zahlung nicht verarbeiten.',
    confirming: 'Ihre Zahlung wird bestätigt…',
    confirmFailed: 'Wir konnten die Zahlung nicht bestätigen. Versuchen Sie es erneut.',
    authHeading: 'Bestätigen Sie Ihre Identität',
    authSandbox: '3-D Secure (Testumgebung)',
    authText: (amount: string) => `Ihr Kartenherausgeber bittet Sie, diese Zahlung über ${amount} zu authentifizieren.`,
    completeAuth: 'Authentifizierung abschließen',
    failAuth: 'Authentifizierung fehlschlagen lassen',
    paypalHeading: 'PayPal-Zahlung',
    paypalSandbox: 'PayPal (Testumgebung)',
    paypalText: (amount: string) => `Eine Zahlung über ${amount} von Ihrem PayPal-Konto freigeben?`,
    approve: 'Freigeben',
    cancel: 'Abbrechen',
    paypalPopupText: 'Öffnen Sie PayPal, geben Sie die Zahlung dort frei, und kehren Sie dann hierher zurück.',
    openPaypal: 'PayPal öffnen',
    paypalApproved: 'Ich habe freigegeben',
    stripeLoading: 'Das sichere Zahlungsformular wird geladen…',
    stripeFailed: 'Wir konnten das sichere Zahlungsformular nicht laden.',
    receiptHeading: 'Zahlung eingegangen',
    processingHeading: 'Zahlung in Bearbeitung',
    processing:
      'Ihre Bankzahlung wird bearbeitet; die Rechnungen werden aktualisiert, sobald sie verbucht ist. Das dauert in der Regel einige Werktage.',
    thanks: 'Vielen Dank. Ihre Rechnungen sind aktualisiert.',
    receiptNumber: 'Beleg',
    date: 'Datum',
    paidWith: 'Zahlungsart',
    appliedTo: 'Verrechnet mit',
    appliedAmount: 'Betrag',
    fromCredit: 'aus Guthaben',
    keptAsCredit: 'Als Guthaben behalten',
    totalCharged: 'Belasteter Gesamtbetrag',
    downloadReceipt: 'Beleg herunterladen (PDF)',
    downloadingReceipt: 'Beleg wird erstellt…',
    downloadFailed: 'Wir konnten den Beleg nicht herunterladen.',
    emailSent: (email: string) => `Ein Beleg wurde per E-Mail an ${email} gesendet.`,
    paid: (amount: string) => `Zahlung über ${amount} eingegangen.`,
    submitted: (amount: string) => `Bankzahlung über ${amount} übermittelt; sie wird bearbeitet.`,
    notPayable: 'Nichts zu zahlen, bis diese Zahlung verbucht ist',
    nothingPayable: 'Auf diese Rechnungen kann erst wieder gezahlt werden, wenn die laufenden Zahlungen verbucht sind.',
    amountTooHighInFlight: (payable: string) => `Geben Sie höchstens den noch offenen Betrag ein (${payable}).`,
    amountInFlight: (invoice: string, receipt: string) =>
      `Für Rechnung ${invoice} wird bereits eine Zahlung bearbeitet (Beleg ${receipt}).`,
    amountInFlightLeft: (amount: string) =>
      `Wir haben das Formular auf den noch offenen Betrag angepasst: ${amount}. Prüfen Sie ihn und zahlen Sie erneut.`,
    amountInFlightNone: 'Darauf kann erst wieder gezahlt werden, wenn diese Zahlung verbucht ist.',
    lapsed: 'Diese Zahlung hat zu lange gewartet und wurde abgebrochen.',
    lapsedHint: 'Es wurde nichts belastet. Beginnen Sie erneut.',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Dieser Link gilt nur für Rechnung ${invoices[0]}.`
        : `Dieser Link gilt nur für ${invoices.join(', ')}.`,
    wholeAccountHeading: 'Ihr gesamtes Konto',
    wholeAccount: (invoices: readonly string[]) =>
      `Diese Zahlung betraf ${invoices.join(', ')}. Ihr Konto kann weitere Rechnungen enthalten: Melden Sie sich an, um alle offenen Beträge und alle Zahlungen zu sehen.`,
    wholeAccountSignIn: 'Anmelden und gesamtes Konto ansehen',
  },
  promise: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Zahlungszusage für Rechnung ${invoices[0]}`
        : `Zahlungszusage für ${plural(invoices.length, 'Rechnung', 'Rechnungen')}`,
    intro:
      'Teilen Sie uns mit, wann Sie zahlen werden. Bis dahin setzen wir die Zahlungserinnerungen für diese Rechnungen aus.',
    loading: 'Ihre Rechnungen werden geladen…',
    loadFailed: 'Wir konnten das Formular für die Zahlungszusage nicht laden.',
    signedOut: 'Melden Sie sich an, um eine Zahlung für Ihre Rechnungen zuzusagen.',
    nothingToPromise:
      'Keine Zusage möglich: Diese Rechnungen sind bezahlt, storniert oder haben bereits eine Zahlungszusage.',
    nothingOpen: 'Keine Zusage möglich: Für dieses Konto gibt es keine offenen Rechnungen.',
    invoicesCaption: 'Rechnungen dieser Zusage',
    excludedHeading: 'Nicht Teil dieser Zusage',
    excluded: (reason: 'paid' | 'void' | 'promised', date: string) =>
      ({
        paid: 'Vollständig bezahlt',
        void: 'Storniert: nichts zu zahlen',
        promised: `Zahlung bereits zugesagt zum ${date}`,
      })[reason],
    owed: 'Offener Gesamtbetrag',
    amountLabel: 'Zugesagter Betrag',
    amountHint: 'Sie können auch weniger als den Gesamtbetrag zusagen.',
    partial: (amount: string, total: string) =>
      `Dies ist eine Teilzusage über ${amount} des offenen Betrags von ${total}.`,
    dateLabel: 'Zahlung spätestens am',
    dateHint: (min: string, max: string) => `Zwischen dem ${min} und dem ${max}.`,
    dateEmpty: 'Wählen Sie das Datum, bis zu dem Sie zahlen werden.',
    dateOutOfRange: (min: string, max: string) => `Wählen Sie ein Datum zwischen dem ${min} und dem ${max}.`,
    noteLabel: 'Notiz (optional)',
    noteHint: 'Für unsere Buchhaltung, z. B. wie Sie zahlen werden. Höchstens 1.000 Zeichen.',
    whatHappensHeading: 'Wie es weitergeht',
    whatHappens: (until: string, remind: string) =>
      `Die Zahlungserinnerungen für diese Rechnungen werden bis zum ${until} ausgesetzt; am ${remind} erinnern wir Sie an Ihre Zusage.`,
    whatHappensLater: 'Ist das Geld bis dahin nicht eingegangen, werden die Zahlungserinnerungen wieder aufgenommen.',
    pickDate: 'Wählen Sie ein Datum, um zu sehen, bis wann die Zahlungserinnerungen ausgesetzt werden.',
    submit: (amount: string) => `Zahlung über ${amount} zusagen`,
    submitting: 'Ihre Zusage wird gespeichert…',
    failed: 'Wir konnten Ihre Zusage nicht erfassen.',
    dateTaken: 'Dieses Datum kann nicht mehr gewählt werden. Wählen Sie ein anderes.',
    amountTooLarge:
      'Das ist mehr, als auf diese Rechnungen abzüglich reklamierter Beträge offen ist. Geben Sie einen kleineren Betrag ein.',
    notPromisable:
      'Für eine dieser Rechnungen ist keine Zusage mehr möglich: Sie wurde bezahlt, storniert oder vollständig reklamiert. Wir haben die Liste aktualisiert.',
    alreadyPromised:
      'Für eine dieser Rechnungen gibt es bereits eine Zahlungszusage. Wir haben die Liste aktualisiert.',
    invoiceNotFound: 'Wir finden eine dieser Rechnungen nicht in Ihrem Konto.',
    invalid: 'Ein Teil des Formulars wurde nicht akzeptiert. Prüfen Sie Ihre Angaben und versuchen Sie es erneut.',
    networkError:
      'Wir konnten den Server nicht erreichen und wissen daher nicht, ob Ihre Zusage gespeichert wurde. Prüfen Sie Ihre Zahlungszusagen, bevor Sie es erneut versuchen.',
    createdHeading: 'Zahlungszusage erfasst',
    created: (amount: string, date: string) => `Vielen Dank. Sie haben zugesagt, ${amount} bis zum ${date} zu zahlen.`,
    seePromises: 'Ihre Zahlungszusagen ansehen',
    autopayLabel: 'An diesem Datum automatisch zahlen',
    autopayHint: 'Wir belasten die hier angegebene Karte oder das Bankkonto am zugesagten Datum.',
    autopayMethod: 'Automatisch zahlen mit',
    autopayLoading: 'Zahlungsarten werden geladen…',
    autopayLoadFailed: 'Wir konnten die Zahlungsarten nicht laden.',
    autopayDetailsFailed:
      'Ihre Karten- oder Kontodaten wurden nicht akzeptiert. Prüfen Sie sie und versuchen Sie es erneut.',
    whatHappensAutopay: (means: string, date: string) =>
      `Am ${date} buchen wir den noch offenen Betrag dieser Zusage von ${means} ab. Bis dahin können Sie die automatische Zahlung unter Ihren Zahlungszusagen beenden.`,
  },
  promises: {
    heading: 'Zahlungszusagen',
    loading: 'Ihre Zahlungszusagen werden geladen…',
    loadFailed: 'Wir konnten Ihre Zahlungszusagen nicht laden.',
    signedOut: 'Melden Sie sich an, um Ihre Zahlungszusagen zu sehen.',
    empty: 'Sie haben keine Zahlungszusagen.',
    emptyHint: 'Um eine abzugeben, markieren Sie Rechnungen in Ihrer Liste und wählen Sie „Zahlung zusagen“.',
    openHeading: 'Offen',
    pastHeading: 'Abgeschlossen',
    title: (amount: string, date: string) => `${amount} bis zum ${date}`,
    status: (status: PromiseStatus) =>
      ({
        open: 'Offen',
        kept: 'Eingehalten',
        partially_kept: 'Teilweise eingehalten',
        broken: 'Nicht eingehalten',
        cancelled: 'Zurückgezogen',
      })[status],
    promisedDate: 'Zugesagt zum',
    amount: 'Betrag',
    paid: 'Bisher bezahlt',
    remaining: 'Noch zu zahlen',
    invoices: 'Rechnungen',
    note: 'Ihre Notiz',
    remindersPaused: (until: string, remind: string) =>
      `Zahlungserinnerungen bis zum ${until} ausgesetzt. Am ${remind} erinnern wir Sie an Ihre Zusage.`,
    autopayMeans: (method: PaymentMethod) =>
      ({
        card: 'Ihrer Karte',
        debit: 'Ihrer Debitkarte',
        ach: 'Ihrem Bankkonto',
        eft: 'Ihrem Bankkonto',
        paypal: 'Ihrem PayPal-Konto',
      })[method],
    autopay: (
      status: 'scheduled' | 'charged' | 'failed' | 'cancelled' | 'skipped',
      method: string,
      means: string,
      date: string,
    ) =>
      ({
        scheduled: `Wird am ${date} automatisch von ${means} bezahlt.`,
        charged: `Automatisch von ${means} bezahlt.`,
        failed: `Die automatische Zahlung (${method}) wurde abgelehnt: Bitte zahlen Sie auf anderem Weg.`,
        cancelled: 'Automatische Zahlung beendet.',
        skipped: 'Keine automatische Zahlung nötig: Es war nichts mehr zu zahlen.',
      })[status],
    stopAutopay: 'Automatische Zahlung beenden',
    stopAutopayLabel: (title: string) => `Automatische Zahlung beenden: ${title}`,
    confirmStop: (date: string) =>
      `Automatische Zahlung beenden? Die Zusage bleibt offen: Zahlen Sie bis zum ${date} auf anderem Weg.`,
    confirmStopYes: 'Ja, beenden',
    stopping: 'Wird beendet…',
    stopped: 'Automatische Zahlung beendet. Ihre Zusage bleibt offen.',
    stopFailed: 'Wir konnten die automatische Zahlung nicht beenden.',
    notScheduled:
      'Es ist keine automatische Zahlung mehr geplant, daher gibt es nichts zu beenden. Die Zusage ist unten aktualisiert.',
    cancel: 'Zusage zurückziehen',
    cancelLabel: (title: string) => `Zusage zurückziehen: ${title}`,
    confirmCancel:
      'Diese Zusage zurückziehen? Die Zahlungserinnerungen für die zugehörigen Rechnungen werden wieder aufgenommen.',
    confirmYes: 'Ja, zurückziehen',
    confirmNo: 'Beibehalten',
    cancelling: 'Wird zurückgezogen…',
    cancelled:
      'Zusage zurückgezogen. Die Zahlungserinnerungen für die zugehörigen Rechnungen werden wieder aufgenommen.',
    cancelFailed: 'Wir konnten die Zusage nicht zurückziehen.',
    notOpen: 'Diese Zusage ist nicht mehr offen und kann daher nicht zurückgezogen werden. Sie ist unten aktualisiert.',
  },
  statement: {
    heading: 'Kontoauszug',
    loading: 'Ihr Kontoauszug wird geladen…',
    loadFailed: 'Wir konnten Ihren Kontoauszug nicht laden.',
    signedOut: 'Melden Sie sich an, um Ihren Kontoauszug zu sehen.',
    period: 'Zeitraum',
    from: 'Von',
    to: 'Bis',
    presets: 'Schnellauswahl',
    last30: 'Letzte 30 Tage',
    last90: 'Letzte 90 Tage',
    thisYear: 'Dieses Jahr',
    periodInvalid: 'Geben Sie zwei Daten ein; das erste darf nicht nach dem zweiten liegen.',
    periodOf: (from: string, to: string) => `${from} – ${to}`,
    caption: (from: string, to: string) => `Buchungen vom ${from} bis zum ${to}`,
    date: 'Datum',
    type: 'Art',
    lineType: (type: 'invoice' | 'payment' | 'credit') =>
      ({ invoice: 'Rechnung', payment: 'Zahlung', credit: 'Gutschrift' })[type],
    reference: 'Referenz',
    description: 'Beschreibung',
    amount: 'Betrag',
    balance: 'Saldo',
    openingBalance: 'Anfangssaldo',
    closingBalance: 'Endsaldo',
    invoiced: 'In Rechnung gestellt',
    paid: 'Bezahlt',
    credited: 'Gutgeschrieben',
    unappliedCredit: 'Nicht verrechnetes Guthaben',
    noActivity: 'In diesem Zeitraum gibt es keine Rechnungen, Zahlungen oder Gutschriften.',
    aging: (date: string) => `Altersstruktur der offenen Posten zum ${date}`,
    agingBucket: {
      current: 'Nicht fällig',
      days1to30: '1–30 Tage',
      days31to60: '31–60 Tage',
      days61to90: '61–90 Tage',
      over90: 'Über 90 Tage',
    },
    downloadCsv: 'CSV herunterladen',
    downloadPdf: 'PDF herunterladen',
    downloading: 'Wird erstellt…',
    downloadFailed: (format: string) => `Wir konnten die ${format.toUpperCase()}-Datei nicht herunterladen.`,
    disputedHeading: 'In Reklamation',
    disputedTotal: 'Reklamiert insgesamt',
    disputedNote:
      'Teil des Saldos, zurückgestellt, bis über jede Reklamation entschieden ist. Der Rest kann jetzt bezahlt werden.',
    disputedAging: 'Reklamiert, nach Tagen überfällig',
    disputedItems: 'Offene Reklamationen',
    disputedItem: (invoice: string, date: string, status: string) => `${invoice} · eröffnet am ${date} · ${status}`,
  },
  payments: {
    heading: 'Zahlungen',
    loading: 'Ihre Zahlungen werden geladen…',
    loadFailed: 'Wir konnten Ihre Zahlungen nicht laden.',
    signedOut: 'Melden Sie sich an, um Ihre Zahlungen zu sehen.',
    empty: 'Noch keine Zahlungen. Hier geleistete Zahlungen erscheinen mit ihrem Beleg.',
    listLabel: 'Zahlungen, neueste zuerst',
    receipt: (receipt: string) => `Beleg ${receipt}`,
    date: 'Datum',
    method: 'Zahlungsart',
    amount: 'Betrag',
    surcharge: (amount: string) => `inkl. ${amount} Kartengebühr`,
    status: (status: PaymentStatus) =>
      ({
        pending: 'Wartet auf Bestätigung',
        processing: 'In Bearbeitung',
        succeeded: 'Erfolgreich',
        failed: 'Fehlgeschlagen',
        returned: 'Zurückgebucht',
        refunded: 'Erstattet',
      })[status],
    cancelled: 'Abgebrochen',
    lapsed: 'Abgelaufen',
    appliedTo: 'Verrechnet mit',
    requestedFor: 'Für',
    fromCredit: 'aus Guthaben',
    keptAsCredit: (amount: string) => `${amount} als Guthaben behalten`,
    refunded: (amount: string, status: 'pending' | 'succeeded' | 'failed' | null) =>
      status === 'pending'
        ? `${amount} wird erstattet`
        : status === 'failed'
          ? `Erstattung von ${amount} fehlgeschlagen: Bitte kontaktieren Sie uns`
          : `${amount} erstattet`,
    returnedNote: 'Ihre Bank hat diese Zahlung zurückgebucht: Die Rechnungen sind wieder fällig.',
    processingNote: 'Bankzahlungen werden innerhalb einiger Werktage verbucht.',
    pendingNote: 'Wartet darauf, dass Sie die Zahlung bestätigen.',
    downloadReceipt: 'Beleg (PDF)',
    downloadReceiptLabel: (receipt: string) => `Beleg ${receipt} herunterladen (PDF)`,
    downloading: 'Wird erstellt…',
    downloadFailed: (receipt: string) => `Wir konnten Beleg ${receipt} nicht herunterladen.`,
  },
} satisfies Catalog;
