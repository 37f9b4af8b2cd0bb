/** The staff console's German words: the worklist area (the keys of `en-worklist.ts`). */
import type { AdminCatalog } from './en.js';

export const deWorklist: Pick<AdminCatalog, 'worklist'> = {
  worklist: {
    heading: 'Arbeitsvorrat',
    intro: 'Kunden mit offenen Beträgen, die dringendsten zuerst.',
    filters: 'Filter',
    accounts: 'Konten',
    allAccounts: 'Alle Konten',
    myAccounts: 'Meine Konten',
    unassignedAccounts: 'Nicht zugewiesene Konten',
    search: 'Kundenname oder -ID',
    promise: 'Zahlungszusagen',
    promiseFilter: (value: 'any' | 'open' | 'broken' | 'none') =>
      ({
        any: 'Alle',
        open: 'Mit offener Zahlungszusage',
        broken: 'Mit nicht eingehaltenen Zusagen',
        none: 'Ohne offene Zahlungszusage',
      })[value],
    dispute: 'Reklamationen',
    disputeFilter: (value: 'any' | 'open' | 'none') =>
      ({ any: 'Alle', open: 'Mit offener Reklamation', none: 'Ohne offene Reklamation' })[value],
    apply: 'Filter anwenden',
    clear: 'Filter zurücksetzen',
    caption: 'Kunden nach Punktzahl sortiert',
    customer: 'Kunde',
    balance: 'Saldo',
    pastDue: 'Überfällig',
    disputed: 'Reklamiert',
    promiseColumn: 'Zahlungszusage',
    lastContact: 'Letzter Kontakt',
    collector: 'Sachbearbeitung',
    score: 'Punktzahl',
    scoreHelp: 'So wird die Punktzahl berechnet',
    scoreExplained:
      'Die Punktzahl zeigt, wen Sie zuerst anrufen sollten; je höher, desto dringender. Sie addiert den überfälligen, nicht reklamierten Betrag, gewichtet nach Verzug (je Währungseinheit: 1 Punkt bei 1–30 Tagen Verzug, 2 bei 31–60, 3 bei 61–90, 4 bei über 90), 250 je nicht eingehaltener Zahlungszusage, 50 je offener Reklamation und 5 je Tag seit dem letzten Kontakt (höchstens 90 Tage; ohne bisherigen Kontakt zählen 90).',
    openDisputes: (count: number) => (count === 1 ? '1 offene Reklamation' : `${count} offene Reklamationen`),
    promised: (amount: string, date: string) => `${amount} bis ${date}`,
    brokenPromises: (count: number) => (count === 1 ? '1 nicht eingehalten' : `${count} nicht eingehalten`),
    never: 'Nie',
    unassigned: 'Nicht zugewiesen',
    loading: 'Arbeitsvorrat wird geladen…',
    loadFailed: 'Der Arbeitsvorrat konnte nicht geladen werden.',
    empty: 'Kein Kunde hat offene Beträge. Es gibt nichts nachzuverfolgen.',
    emptyFiltered: 'Kein Kunde entspricht diesen Filtern.',
    emptyMine: 'Ihnen sind keine Konten mit offenen Beträgen zugewiesen.',
    showAll: 'Alle Konten anzeigen',
    pages: 'Seiten',
    page: (page: number) => `Seite ${page}`,
  },
};
