/**
 * The words of disputes in German (see `en-disputes.ts`), in `de.ts`'s style: »Sie«, a dispute is a
 * »Reklamation«, a credit note a »Gutschrift«; only characters Helvetica can draw, since the statement
 * PDF prints some of them.
 */
import type { DisputeReason, StatementDispute } from '../contract';
import type { DocumentCatalog } from './en';

type NoticeEvent = 'opened' | 'message' | 'withdrawn';

export const deDisputes = {
  dispute: {
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Falscher Preis',
        quantity: 'Falsche Menge',
        damaged: 'Beschädigt',
        not_received: 'Nicht erhalten',
        duplicate: 'Doppelt berechnet',
        tax: 'Falsche Steuer',
        other: 'Sonstiger Grund',
      })[reason],
    status: (status: StatementDispute['status']) => ({ open: 'Offen', under_review: 'In Prüfung' })[status],
    lines: {
      line: 'Rechnungsposition',
      reason: 'Grund',
      amount: 'Reklamiert',
      quantity: 'Reklamierte Menge',
      note: 'Anmerkung',
      total: 'Reklamiert gesamt',
    },
    email: {
      view: 'Ihre Reklamation ansehen',
      viewNote:
        'Der Link »Ihre Reklamation ansehen« meldet Sie im Kundenportal an und öffnet diese Reklamation. Bitte leiten Sie diese E-Mail nicht weiter.',
      opened: {
        subject: (invoice: string) => `Reklamation zu Rechnung ${invoice} eingegangen`,
        body: (invoice: string, amount: string, customer: string) =>
          `Wir haben Ihre Reklamation zu Rechnung ${invoice} für ${customer} erhalten: Reklamiert sind ${amount}.`,
        message: 'Ihre Nachricht',
        payRest: (rest: string) =>
          `Den nicht reklamierten Betrag von ${rest} können Sie schon jetzt auf der Seite Ihrer Reklamation bezahlen. Bis die Reklamation geklärt ist, fordern unsere Zahlungserinnerungen nur diesen Betrag an.`,
        allDisputed:
          'Der gesamte offene Betrag dieser Rechnung ist reklamiert: Bis zur Klärung der Reklamation erhalten Sie dafür keine Zahlungserinnerungen.',
        next: 'Wir prüfen die Reklamation und informieren Sie über jeden Schritt.',
      },
      underReview: {
        subject: (invoice: string) => `Reklamation zu Rechnung ${invoice} wird geprüft`,
        body: (invoice: string, amount: string, staff: string) =>
          staff
            ? `${staff} prüft jetzt Ihre Reklamation zu Rechnung ${invoice} (reklamiert: ${amount}).`
            : `Wir prüfen jetzt Ihre Reklamation zu Rechnung ${invoice} (reklamiert: ${amount}).`,
        next: 'Wir schreiben Ihnen, sobald eine Entscheidung gefallen ist. Bis dahin können Sie auf der Seite Ihrer Reklamation eine Nachricht oder Dateien hinzufügen.',
      },
      message: {
        subject: (invoice: string) => `Neue Antwort zu Ihrer Reklamation zu Rechnung ${invoice}`,
        body: (invoice: string, from: string) => `${from} hat zu Ihrer Reklamation zu Rechnung ${invoice} geantwortet:`,
        answer: 'Um zu antworten, schreiben Sie auf der Seite Ihrer Reklamation.',
      },
      resolved: {
        subject: (invoice: string, credit: string) =>
          `Reklamation zu Rechnung ${invoice} geklärt: Gutschrift über ${credit}`,
        body: (invoice: string, credit: string, creditNote: string, amount: string, whole: boolean) =>
          whole
            ? `Ihre Reklamation zu Rechnung ${invoice} ist geklärt: Wir haben die Gutschrift ${creditNote} über den gesamten reklamierten Betrag von ${credit} ausgestellt.`
            : `Ihre Reklamation zu Rechnung ${invoice} ist geklärt: Wir haben die Gutschrift ${creditNote} über ${credit} der reklamierten ${amount} ausgestellt.`,
        note: 'Unsere Anmerkung',
      },
      rejected: {
        subject: (invoice: string) => `Reklamation zu Rechnung ${invoice} nicht anerkannt`,
        body: (invoice: string, amount: string) =>
          `Wir haben Ihre Reklamation zu Rechnung ${invoice} (reklamiert: ${amount}) geprüft und konnten sie leider nicht anerkennen.`,
        reason: 'Unsere Begründung',
      },
      withdrawn: {
        subject: (invoice: string) => `Reklamation zu Rechnung ${invoice} zurückgezogen`,
        body: (invoice: string, amount: string) =>
          `Ihre Reklamation zu Rechnung ${invoice} (reklamiert: ${amount}) wurde zurückgezogen.`,
      },
      balanceNow: (balance: string) =>
        balance
          ? `Der offene Betrag der Rechnung beträgt jetzt ${balance}.`
          : 'Auf dieser Rechnung ist nichts mehr zu zahlen.',
      dueAgain: (balance: string) =>
        balance
          ? `Der offene Betrag der Rechnung von ${balance} ist wieder in voller Höhe fällig.`
          : 'Auf dieser Rechnung ist nichts mehr zu zahlen.',
    },
    notice: {
      subject: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `Neue Reklamation: ${customer}, ${invoice}, ${amount}`,
          message: `Neue Antwort zu einer Reklamation: ${customer}, ${invoice}, ${amount}`,
          withdrawn: `Reklamation zurückgezogen: ${customer}, ${invoice}, ${amount}`,
        })[event],
      body: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `${customer} reklamiert ${amount} der Rechnung ${invoice}.`,
          message: `${customer} hat zur Reklamation zu Rechnung ${invoice} geschrieben (reklamiert: ${amount}).`,
          withdrawn: `${customer} hat die Reklamation zu Rechnung ${invoice} zurückgezogen (reklamiert: ${amount}). Die Rechnung ist nicht mehr reklamiert.`,
        })[event],
      contact: 'Kontakt',
      message: 'Nachricht des Kunden',
      attachments: (count: number) =>
        `Bisher ${count === 1 ? 'ist' : 'sind'} ${count} ${Math.abs(count) === 1 ? 'Datei' : 'Dateien'} angehängt.`,
      console:
        'Öffnen Sie die Reklamation in der Mitarbeiterkonsole, um sie zu prüfen, zu beantworten oder zuzuweisen.',
    },
    statement: {
      ofWhichDisputed: 'Davon reklamiert',
      disputed: 'Reklamiert',
      openDisputes: 'Offene Reklamationen',
      invoice: 'Rechnung',
      amount: 'Reklamierter Betrag',
      status: 'Status',
      openedOn: 'Eröffnet am',
      dispute: 'Reklamation',
    },
  },
} satisfies Pick<DocumentCatalog, 'dispute'>;
