/** `<ar-dispute-editor>` in German (see `en-dispute-editor.ts`). */
import type { DisputeReason } from '../internal/types.js';
import type { Catalog } from './en.js';

/** "INV-1", "INV-1 und INV-2", "INV-1, INV-2 und INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items.at(-1)}`;
}

export const deDisputeEditor = {
  disputeEditor: {
    heading: (invoice: string) => `Rechnung ${invoice} reklamieren`,
    intro:
      'Markieren Sie die beanstandeten Positionen und geben Sie jeweils Grund und Betrag an. Wir informieren das Unternehmen umgehend.',
    loading: (invoice: string) => `Rechnung ${invoice} wird geladen…`,
    loadFailed: 'Wir konnten das Reklamationsformular nicht laden.',
    signedOut: 'Melden Sie sich an, um eine Rechnung zu reklamieren.',
    noInvoice: 'Keine Rechnung ausgewählt: Öffnen Sie das Reklamationsformular über eine Rechnung.',
    oneAtATime: (invoice: string, others: readonly string[]) =>
      `Eine Reklamation betrifft genau eine Rechnung: Diese hier gilt für ${invoice}. Reklamieren Sie ${listOf(others)} anschließend auf dieselbe Weise.`,
    alreadyDisputed: (invoice: string, amount: string) =>
      `Rechnung ${invoice} ist bereits reklamiert (${amount} beanstandet).`,
    alreadyHint:
      'Ergänzen Sie sie auf der Seite der Reklamation: Antworten Sie dort, oder hängen Sie weitere Dateien an.',
    seeDispute: 'Reklamation ansehen',
    nothingToDispute: (invoice: string, status: 'paid' | 'void') =>
      status === 'void'
        ? `Nichts zu reklamieren: Rechnung ${invoice} ist storniert.`
        : `Nichts zu reklamieren: Rechnung ${invoice} ist vollständig bezahlt.`,
    noLinesOnInvoice: 'Diese Rechnung hat keine Positionen, die reklamiert werden können. Bitte kontaktieren Sie uns.',
    balance: (amount: string) => `Offener Betrag ${amount}`,
    linesLegend: 'Beanstandete Positionen',
    lineOf: (quantity: string, unitPrice: string, amount: string) => `${quantity} × ${unitPrice} = ${amount}`,
    disputeLine: 'Diese Position reklamieren',
    reasonLabel: 'Grund',
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Falscher Preis',
        quantity: 'Falsche Menge',
        damaged: 'Beschädigt',
        not_received: 'Nicht erhalten',
        duplicate: 'Doppelt berechnet',
        tax: 'Falsche Steuer',
        other: 'Sonstiges',
      })[reason],
    reasonChoose: 'Grund auswählen',
    reasonEmpty: 'Wählen Sie aus, warum Sie diese Position reklamieren.',
    quantityLabel: 'Menge (optional)',
    quantityHint: (most: string) => `Wie viele Einheiten beanstandet werden: höchstens ${most}.`,
    quantityInvalid:
      'Geben Sie eine Menge wie 2 oder 2,5 ein (höchstens 3 Nachkommastellen), oder lassen Sie das Feld leer.',
    quantityTooHigh: (most: string) => `Geben Sie höchstens die Menge der Position ein (${most}).`,
    amountLabel: 'Reklamierter Betrag',
    amountHint: (most: string) => `Höchstens der Betrag der Position einschließlich Steuer (${most}).`,
    amountTooHigh: (most: string) => `Geben Sie höchstens den Betrag der Position einschließlich Steuer ein (${most}).`,
    noteLabel: 'Anmerkung zu dieser Position (optional)',
    noLines: 'Markieren Sie mindestens eine Position, die Sie reklamieren.',
    messageLabel: (company: string) => `Ihre Nachricht an ${company}`,
    theCompany: 'das Unternehmen',
    messageHint: 'Was nicht stimmt, in Ihren eigenen Worten.',
    messageEmpty: 'Schreiben Sie eine Nachricht, in der Sie beschreiben, was nicht stimmt.',
    filesLabel: 'Fotos oder Dokumente (optional)',
    filesHint: 'Bilder oder PDFs: höchstens 5 Dateien mit je bis zu 10 MB.',
    filesCaption: 'Anzuhängende Dateien',
    removeFile: (name: string) => `${name} entfernen`,
    fileType: (name: string) => `${name} ist weder ein Bild noch ein PDF und wurde daher nicht hinzugefügt.`,
    fileTooLarge: (name: string, size: string) =>
      `${name} ist ${size} groß: Eine Datei darf höchstens 10 MB groß sein.`,
    tooManyFiles: (names: readonly string[]) => `Höchstens 5 Dateien: ${listOf(names)} nicht hinzugefügt.`,
    disputed: (amount: string) => `Reklamiert: ${amount}`,
    rest: (amount: string) => `Nicht reklamierter Rest: ${amount}`,
    overBalance: (balance: string) =>
      `Das ist mehr als der offene Rechnungsbetrag von ${balance}. Verringern Sie die beanstandeten Beträge.`,
    submit: (amount: string) => `Reklamation über ${amount} eröffnen`,
    submitting: 'Reklamation wird eröffnet…',
    uploading: (index: number, count: number) => `Datei ${index} von ${count} wird angehängt…`,
    failed: 'Wir konnten die Reklamation nicht eröffnen.',
    errors: {
      dispute_amount_too_large:
        'Ein Betrag oder eine Menge übersteigt die jeweilige Position, oder die Summe übersteigt den offenen Betrag. Wir haben die Rechnung aktualisiert.',
      invoice_disputed: 'Diese Rechnung ist bereits reklamiert. Wir haben das Formular aktualisiert.',
      invoice_not_disputable:
        'Diese Rechnung wurde inzwischen bezahlt oder storniert. Wir haben das Formular aktualisiert.',
      dispute_line_invalid:
        'Eine dieser Positionen ist nicht mehr auf der Rechnung enthalten. Wir haben das Formular aktualisiert.',
      not_found: 'Wir finden diese Rechnung nicht in Ihrem Konto.',
      invalid_request: 'Ein Teil des Formulars wurde nicht akzeptiert. Prüfen Sie die Beträge und die Nachricht.',
    },
    uploadFailed: (name: string) => `Ihre Reklamation ist eröffnet, aber wir konnten ${name} nicht anhängen.`,
    uploadErrors: {
      attachment_type_unsupported: 'Der Inhalt ist weder ein Bild noch ein PDF.',
      attachment_too_large: 'Die Datei ist größer als 10 MB.',
      attachment_limit: 'Die Reklamation hat bereits 5 Dateien.',
      dispute_not_open: 'Die Reklamation ist nicht mehr offen.',
    },
    retryUpload: 'Erneut versuchen',
    skipUpload: 'Diese Datei überspringen',
    createdHeading: 'Reklamation eröffnet',
    created: (amount: string, invoice: string) => `Sie reklamieren ${amount} von Rechnung ${invoice}.`,
    told: (company: string) => `Wir haben ${company} informiert; Sie erhalten bei jedem Schritt eine E-Mail.`,
    attached: (count: number) => (count === 1 ? '1 Datei angehängt.' : `${count} Dateien angehängt.`),
    skipped: (names: readonly string[]) =>
      `Nicht angehängt: ${listOf(names)}. Sie können Dateien auf der Seite der Reklamation hinzufügen.`,
    payRest: (amount: string) => `Nicht reklamierten Betrag (${amount}) jetzt bezahlen`,
    payingRest: (amount: string) => `${amount} reklamiert – der nicht reklamierte Rest wird bezahlt`,
  },
} satisfies Pick<Catalog, 'disputeEditor'>;
