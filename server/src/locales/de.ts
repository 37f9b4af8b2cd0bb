/**
 * Every word the server writes to a customer in German, the same keys as `en.ts` (checked by
 * `satisfies DocumentCatalog`): the customer is addressed as »Sie«, a dispute is a »Reklamation«,
 * a credit note a »Gutschrift«, a promise to pay a »Zahlungszusage«, a reminder a
 * »Zahlungserinnerung«. Every character here is one PDFKit's Helvetica can draw (Latin-1 and ’ – …),
 * so the PDFs print them as written: quotes are »…«, as German typesetting also writes them
 * (the low-high pair is not Latin-1).
 */
import type { AgingBuckets, InvoiceStatus, PaymentStatus, StatementLine } from '../contract';
import type { DocumentCatalog } from './en';
import { deDisputes } from './de-disputes';
import { deStaff } from './de-staff';
import { deStaffActions } from './de-staff-actions';

const methods: Readonly<Record<string, string>> = {
  card: 'Karte',
  debit: 'Debitkarte',
  ach: 'Banküberweisung (ACH)',
  eft: 'Banküberweisung (EFT)',
  paypal: 'PayPal',
  check: 'Scheck',
  wire: 'Überweisung',
  cash: 'Bargeld',
  other: 'Sonstige',
};

/** German counts 1 in the singular, 0 and 2 or more in the plural: »1 Tag«, »3 Tage«. */
function days(count: number): string {
  return `${count} ${Math.abs(count) === 1 ? 'Tag' : 'Tage'}`;
}

/** The same after »in« (dative plural): »in 1 Tag«, »in 3 Tagen«. */
function inDays(count: number): string {
  return `in ${count} ${Math.abs(count) === 1 ? 'Tag' : 'Tagen'}`;
}

export const de = {
  ...deDisputes,
  ...deStaff,
  ...deStaffActions,
  /** German writes the date as its locale does: »14.01.2027«. */
  dateInText: (_isoDate: string, localized: string) => localized,
  labelled: (label: string, value: string) => `${label}: ${value}`,
  method: (method: string) => methods[method] ?? method,
  email: {
    portal: (link: string) => `Kundenportal: ${link}`,
    sentBy: (company: string) => `Gesendet über das Kundenportal von ${company}.`,
    signIn: {
      place: (company: string, audience: 'customer' | 'staff') =>
        audience === 'staff' ? `die Mitarbeiterkonsole von ${company}` : `das Kundenportal von ${company}`,
      subject: (place: string) => `Ihr Anmeldelink für ${place}`,
      intro: (place: string) => `Melden Sie sich hier für ${place} an:`,
      button: 'Anmelden',
      codeIntro: 'Oder geben Sie diesen Code in dem Browser ein, in dem Sie ihn angefordert haben:',
      lifetime: (linkMinutes: number, codeMinutes: number) =>
        `Der Link ist ${linkMinutes} Minuten gültig, der Code ${codeMinutes} Minuten.`,
      notYou:
        'Wenn Sie keine Anmeldung angefordert haben, ignorieren Sie diese E-Mail: Solange der Link nicht verwendet wird, geschieht nichts.',
    },
    invoice: {
      subject: (number: string, company: string, amountDue: string, dueDate: string) =>
        `Rechnung ${number} von ${company} – ${amountDue} fällig am ${dueDate}`,
      intro: (number: string, company: string, customer: string) => `Rechnung ${number} von ${company} an ${customer}.`,
      heading: (number: string, customer: string) => `Rechnung ${number} an ${customer}.`,
      amountDue: 'Fälliger Betrag',
      dueDate: 'Fälligkeitsdatum',
      payNow: 'Jetzt bezahlen',
      attached: (dueDate: string, pastDue: boolean) =>
        `Die Rechnung ist als PDF beigefügt. Die Zahlung ${pastDue ? 'war' : 'ist'} am ${dueDate} fällig.`,
      payLinkNote: (days: number) =>
        `Der Link »Jetzt bezahlen« öffnet diese Rechnung ${days} Tage lang ohne Anmeldung direkt zur Zahlung; er zeigt nur diese Rechnung. Bitte leiten Sie diese E-Mail nicht weiter.`,
      questions: (supportEmail: string) => `Fragen zu dieser Rechnung? Schreiben Sie an ${supportEmail}.`,
    },
    receipt: {
      subject: (receipt: string, company: string, total: string) =>
        `Beleg ${receipt} von ${company}: ${total} erhalten`,
      thanks: (total: string, method: string) =>
        `Vielen Dank. Wir haben Ihre Zahlung über ${total} per ${method} erhalten.`,
      receipt: (receipt: string) => `Beleg ${receipt}`,
      fromCredit: (invoice: string) => `${invoice} (aus Ihrem Guthaben)`,
      keptAsCredit: 'Als Guthaben auf Ihrem Konto verbucht',
      surcharge: 'Kartenzuschlag',
      totalCharged: 'Belasteter Gesamtbetrag',
      attached: 'Der Beleg ist als PDF beigefügt.',
    },
    returned: {
      subject: (receipt: string, total: string) =>
        `Ihre Zahlung ${receipt} über ${total} wurde von Ihrer Bank zurückgebucht`,
      body: (total: string, receipt: string) =>
        `Ihre Bank hat Ihre Zahlung über ${total} zurückgebucht (Beleg ${receipt}).`,
      reopened: (invoices: string) => `Die damit bezahlten Rechnungen sind wieder offen: ${invoices}.`,
      payAgain:
        'Bitte bezahlen Sie sie erneut im Portal, oder kontaktieren Sie uns, wenn Sie dies für einen Fehler halten.',
    },
    refunded: {
      subject: (amount: string, receipt: string) => `Wir haben ${amount} Ihrer Zahlung ${receipt} erstattet`,
      body: (amount: string, receipt: string) =>
        `Wir haben ${amount} Ihrer Zahlung ${receipt} auf das für die Zahlung verwendete Konto bzw. die verwendete Karte erstattet.`,
      whole:
        'Die Rechnungen, für die sie bestimmt war, waren beim Eingang des Geldes bereits bezahlt oder storniert; daher wurde nichts davon verrechnet.',
      part: 'Ein Teil konnte nicht verrechnet werden: Auf den gewählten Rechnungen war beim Eingang des Geldes weniger offen.',
      when: 'Der Betrag wird dort in der Regel innerhalb von 5 bis 10 Werktagen gutgeschrieben.',
    },
    reminder: {
      subjectOne: (number: string, amount: string, dueDate: string, daysPastDue: number) =>
        daysPastDue > 0
          ? `Zahlungserinnerung: Rechnung ${number} ist ${days(daysPastDue)} überfällig (${amount})`
          : daysPastDue === 0
            ? `Erinnerung: Rechnung ${number} (${amount}) ist heute fällig`
            : `Erinnerung: Rechnung ${number} (${amount}) ist am ${dueDate} fällig`,
      subjectMany: (count: number, pastDue: string, comingDue: string, comingWhen: string) =>
        pastDue
          ? `Zahlungserinnerung: ${count} Rechnungen, ${pastDue} überfällig${comingDue ? ` und ${comingDue} ${comingWhen}` : ''}`
          : `Erinnerung: ${count} Rechnungen, ${comingDue} ${comingWhen}`,
      dueBy: (dueDate: string, today: boolean) => (today ? 'heute fällig' : `fällig bis zum ${dueDate}`),
      intro: (count: number, pastDueCount: number, allDueToday: boolean) =>
        pastDueCount === 0
          ? `Eine freundliche Erinnerung: ${count === 1 ? `Die folgende Rechnung ${allDueToday ? 'ist' : 'wird'}` : `Die folgenden Rechnungen ${allDueToday ? 'sind' : 'werden'}`} ${allDueToday ? 'heute' : 'demnächst'} fällig.`
          : pastDueCount === count
            ? `Laut unseren Unterlagen ${count === 1 ? 'ist die folgende Rechnung' : 'sind die folgenden Rechnungen'} überfällig.`
            : `Laut unseren Unterlagen ${pastDueCount === 1 ? 'ist eine der folgenden Rechnungen' : `sind ${pastDueCount} der folgenden Rechnungen`} überfällig.`,
      account: (customer: string) => `Für ${customer}`,
      invoice: 'Rechnung',
      dueDate: 'Fälligkeitsdatum',
      amount: 'Zu zahlen',
      pay: 'Bezahlen',
      total: 'Insgesamt zu zahlen',
      timing: (daysPastDue: number) =>
        daysPastDue > 0
          ? `${days(daysPastDue)} überfällig`
          : daysPastDue === 0
            ? 'heute'
            : daysPastDue === -1
              ? 'morgen'
              : inDays(-daysPastDue),
      line: (number: string, amount: string, dueDate: string, timing: string) =>
        `${number}: ${amount}, fällig am ${dueDate} (${timing})`,
      disputed: (amount: string) =>
        `Ein Betrag von ${amount} dieser Rechnung ist reklamiert und wird erst nach Klärung der Reklamation eingefordert.`,
      payLinks:
        'Jeder Link »Bezahlen« öffnet die jeweilige Rechnung ohne Anmeldung direkt zur Zahlung. Bitte leiten Sie diese E-Mail nicht weiter.',
      portal: (anyPastDue: boolean) => (anyPastDue ? 'Alle überfälligen Rechnungen ansehen' : 'Kundenportal öffnen'),
      alreadyPaid:
        'Falls Sie inzwischen bezahlt haben, vielen Dank: Es kann einige Tage dauern, bis eine Zahlung bei uns eingeht.',
      questions: (supportEmail: string) => `Fragen oder Unstimmigkeiten? Schreiben Sie an ${supportEmail}.`,
    },
    promise: {
      promised: (amount: string, date: string, customer: string) =>
        `Sie haben zugesagt, ${amount} für ${customer} bis zum ${date} zu zahlen.`,
      thanks: 'Vielen Dank.',
      invoices: (count: number) => (count === 1 ? 'Rechnung' : 'Rechnungen'),
      balance: 'Offener Betrag',
      totalBalance: 'Offener Gesamtbetrag',
      confirmation: {
        subject: (amount: string, date: string) => `Ihre Zahlungszusage über ${amount} bis zum ${date} ist erfasst`,
        paused: (count: number, until: string, remind: string, date: string) =>
          `Die Zahlungserinnerungen für ${count === 1 ? 'diese Rechnung' : 'diese Rechnungen'} sind bis zum ${until} ausgesetzt; wir erinnern Sie am ${remind} und am ${date}.`,
        later: 'Ist das Geld bis dahin nicht eingegangen, werden die Zahlungserinnerungen wieder aufgenommen.',
        manage: 'Sie können Ihre Zahlungszusage im Kundenportal einsehen oder widerrufen.',
      },
      reminder: {
        subject: (remaining: string, date: string, onTheDay: boolean) =>
          onTheDay
            ? `Erinnerung: ${remaining} heute zu zahlen, wie zugesagt`
            : `Erinnerung: ${remaining} morgen, am ${date}, zu zahlen, wie zugesagt`,
        progress: (paid: string, remaining: string) =>
          `Bisher haben wir ${paid} erhalten; ${remaining} sind noch offen.`,
        pay: (remaining: string) => `${remaining} bezahlen`,
        payLink: (count: number) =>
          `Der Link »Bezahlen« öffnet ${count === 1 ? 'diese Rechnung' : 'diese Rechnungen'} ohne Anmeldung direkt zur Zahlung. Bitte leiten Sie diese E-Mail nicht weiter.`,
      },
      missed: {
        subject: (amount: string, date: string, paid: string) =>
          paid
            ? `Wir haben ${paid} der bis zum ${date} zugesagten ${amount} erhalten`
            : `Die bis zum ${date} zugesagten ${amount} sind nicht bei uns eingegangen`,
        outcome: (paid: string) =>
          paid ? `Davon haben wir ${paid} erhalten. Vielen Dank.` : 'Die Zahlung ist nicht bei uns eingegangen.',
        resumed: (count: number) =>
          `Die Zahlungserinnerungen für ${count === 1 ? 'diese Rechnung' : 'diese Rechnungen'} werden wieder aufgenommen. Noch offen:`,
        needTime: (supportEmail: string) =>
          `Wenn Sie mehr Zeit benötigen oder dies für einen Fehler halten, schreiben Sie an ${supportEmail}.`,
      },
      brokenNotice: {
        subject: (customer: string, amount: string, date: string, paid: string) =>
          paid
            ? `Zahlungszusage teilweise eingehalten: ${customer} hat ${paid} der bis zum ${date} zugesagten ${amount} bezahlt`
            : `Zahlungszusage nicht eingehalten: ${customer} hat die bis zum ${date} zugesagten ${amount} nicht bezahlt`,
        body: (customer: string, amount: string, date: string) =>
          `${customer} hat zugesagt, ${amount} bis zum ${date} zu zahlen.`,
        outcome: (paid: string) =>
          paid
            ? `Bis zum Ende der Kulanzfrist waren ${paid} bezahlt.`
            : 'Bis zum Ende der Kulanzfrist war nichts bezahlt.',
        madeBy: (who: string) => `Die Zahlungszusage wurde von ${who} abgegeben.`,
        resumed:
          'Die Zahlungserinnerungen für die zugehörigen Rechnungen wurden wieder aufgenommen, und der Kunde wurde informiert.',
      },
    },
  },
  pdf: {
    page: (page: number, pages: number) => `Seite ${page} von ${pages}`,
    continued: (document: string) => `${document} (Fortsetzung)`,
    payOnline: (url: string) => `Online bezahlen: ${url}`,
    amount: 'Betrag',
    date: 'Datum',
    invoice: {
      document: (number: string) => `Rechnung ${number}`,
      subject: (number: string, customer: string) => `Rechnung ${number} an ${customer}`,
      title: 'RECHNUNG',
      number: 'Rechnungsnummer',
      issueDate: 'Rechnungsdatum',
      dueDate: 'Fälligkeitsdatum',
      poNumber: 'Bestellnummer',
      status: 'Status',
      statusFact: (status: InvoiceStatus, daysPastDue: number) =>
        ({
          open: 'Offen',
          past_due: `${days(daysPastDue)} überfällig`,
          disputed: 'Reklamiert',
          paid: 'Bezahlt',
          void: 'Storniert',
        })[status],
      stamp: (status: Exclude<InvoiceStatus, 'open'>) =>
        ({ past_due: 'ÜBERFÄLLIG', disputed: 'REKLAMIERT', paid: 'BEZAHLT', void: 'STORNIERT' })[status],
      billTo: 'Rechnungsempfänger',
      amountDue: 'FÄLLIGER BETRAG',
      dueBy: (dueDate: string) => `Fällig am ${dueDate}`,
      description: 'Beschreibung',
      sku: 'Art.-Nr.',
      quantity: 'Menge',
      unitPrice: 'Einzelpreis',
      tax: 'Steuer',
      subtotal: 'Zwischensumme',
      total: 'Gesamt',
      paid: 'Bezahlt',
      credited: 'Gutgeschrieben',
      balanceDue: 'Offener Betrag',
      processing: (amount: string, receipt: string, since: string) =>
        `Eine Zahlung über ${amount} (Beleg ${receipt}) ist seit dem ${since} in Bearbeitung`,
      leftToPay: (processing: string, payable: string) => `${processing}; ${payable} sind noch zu zahlen.`,
      nothingMoreDue: (processing: string) =>
        `${processing}. Sofern sie nicht fehlschlägt, ist nichts weiter zu zahlen.`,
      nothingToPay: 'Nichts zu zahlen',
      voided: 'Diese Rechnung wurde storniert.',
      paidInFull: 'Vollständig bezahlt',
      thanks: 'Vielen Dank für Ihre Zahlung.',
      paymentProcessing: 'Zahlung in Bearbeitung',
      whereToPay: 'Zahlungsmöglichkeiten',
      questions: (supportEmail: string) => `Fragen zu dieser Rechnung: ${supportEmail}`,
      paymentsApplied: 'Verrechnete Zahlungen',
      receipt: 'Beleg',
      method: 'Zahlungsart',
      creditsApplied: 'Verrechnete Gutschriften',
      creditNote: 'Gutschrift',
      reason: 'Grund',
    },
    receipt: {
      document: (receipt: string) => `Beleg ${receipt}`,
      subject: (customer: string) => `Zahlungsbeleg für ${customer}`,
      title: 'ZAHLUNGSBELEG',
      number: 'Belegnummer',
      method: 'Zahlungsart',
      status: 'Status',
      stamp: (status: PaymentStatus) =>
        ({
          succeeded: 'BEZAHLT',
          processing: 'IN BEARBEITUNG',
          pending: 'AUSSTEHEND',
          failed: 'FEHLGESCHLAGEN',
          refunded: 'ERSTATTET',
          returned: 'ZURÜCKGEBUCHT',
        })[status],
      receivedFrom: 'Erhalten von',
      amountPaid: 'GEZAHLTER BETRAG',
      paidBy: (email: string) => `Bezahlt von ${email}`,
      appliedTo: 'Verrechnet mit',
      invoice: 'Rechnung',
      paidFrom: 'Bezahlt aus',
      yourCredit: 'Ihr Guthaben',
      thisPayment: 'Diese Zahlung',
      appliedToInvoices: 'Mit Rechnungen verrechnet',
      lessYourCredit: 'Abzüglich Ihres Guthabens',
      keptAsCredit: 'Als Guthaben verbucht',
      surcharge: 'Kartenzuschlag',
      totalCharged: 'Belasteter Gesamtbetrag',
      yourPayments: (url: string) => `Ihre Zahlungen und Belege: ${url}`,
    },
    statement: {
      document: (account: string, from: string, to: string) => `Kontoauszug: ${account}, ${from} bis ${to}`,
      subject: (account: string) => `Kontoauszug für ${account}`,
      title: 'KONTOAUSZUG',
      statementDate: 'Auszugsdatum',
      period: 'Zeitraum',
      periodOf: (from: string, to: string) => `${from} – ${to}`,
      currency: 'Währung',
      account: 'Konto',
      summary: 'KONTOÜBERSICHT',
      invoiced: 'In Rechnung gestellt',
      payments: 'Zahlungen',
      credits: 'Gutschriften',
      unappliedCredit: 'Nicht verrechnetes Guthaben',
      activity: 'Kontobewegungen',
      aging: (date: string) => `Altersstruktur der offenen Posten zum ${date}`,
      daysPastDue: 'Tage überfällig',
      openBalance: 'Offener Saldo',
      agingBucket: (bucket: keyof AgingBuckets | 'total') =>
        ({
          current: 'Nicht fällig',
          days1to30: '1–30 Tage',
          days31to60: '31–60 Tage',
          days61to90: '61–90 Tage',
          over90: 'Über 90 Tage',
          total: 'Offen gesamt',
        })[bucket],
      unappliedNote: (amount: string) =>
        `Sie haben ein nicht verrechnetes Guthaben von ${amount}, das Sie bei einer späteren Zahlung nutzen können.`,
      footer: (account: string) => `Kontoauszug für ${account}`,
    },
  },
  statement: {
    date: 'Datum',
    type: 'Art',
    reference: 'Referenz',
    description: 'Beschreibung',
    balance: 'Saldo',
    amountIn: (currency: string) => `Betrag (${currency})`,
    balanceIn: (currency: string) => `Saldo (${currency})`,
    openingBalance: 'Anfangssaldo',
    closingBalance: 'Endsaldo',
    lineType: (type: StatementLine['type']) =>
      ({ invoice: 'Rechnung', payment: 'Zahlung', credit: 'Gutschrift' })[type],
    invoiceLine: (dueDate: string, poNumber: string | null) =>
      poNumber ? `Rechnung, Bestellung ${poNumber}, fällig am ${dueDate}` : `Rechnung, fällig am ${dueDate}`,
    paymentLine: (method: string, reference: string | null) =>
      reference ? `Zahlung per ${method} ${reference}` : `Zahlung per ${method}`,
    creditLine: (reason: string | null) => (reason ? `Gutschrift: ${reason}` : 'Gutschrift'),
  },
} satisfies DocumentCatalog;
