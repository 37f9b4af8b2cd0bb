/** The staff console's German words: the shell (the keys of `en-shell.ts`). */
import type { AdminCatalog } from './en.js';

export const deShell: Pick<AdminCatalog, 'shell'> = {
  shell: {
    consoleName: 'Konsole Forderungsmanagement',
    nav: 'Konsole',
    overview: 'Übersicht',
    worklist: 'Arbeitsvorrat',
    customers: 'Kunden',
    disputes: 'Reklamationen',
    promises: 'Zahlungszusagen',
    payments: 'Zahlungen',
    settings: 'Einstellungen',
    audit: 'Audit-Protokoll',
    signedInAs: (name, role) => `${name} · ${role}`,
    role: (role) => ({ admin: 'Administration', collector: 'Sachbearbeitung', viewer: 'Nur Lesezugriff' })[role],
    signOut: 'Abmelden',
    notStaff:
      'Diese Konsole ist für das Forderungsmanagement-Team Ihres Unternehmens bestimmt. Melden Sie sich mit Ihrer geschäftlichen E-Mail-Adresse an.',
    loadingView: 'Wird geladen…',
    viewFailed: 'Dieser Teil der Konsole konnte nicht geladen werden.',
    notFound: 'Unter dieser Adresse gibt es in der Konsole nichts.',
    forbidden:
      'Mit Ihrer Rolle können Sie diese Seite nicht öffnen. Wenden Sie sich bei Bedarf an einen Administrator.',
    back: 'Zurück',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    close: 'Schließen',
    cancel: 'Abbrechen',
    save: 'Speichern',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert.',
    none: '—',
    reauthHeading: 'Bestätigen Sie Ihre Identität',
    reauthIntro:
      'Für Änderungen an Einstellungen, Teammitgliedern oder API-Schlüsseln ist eine Anmeldung innerhalb der letzten 10 Minuten erforderlich. Wir senden Ihnen einen neuen Link per E-Mail.',
  },
};
