/** The staff console's French words: the shell (the keys of `en-shell.ts`). */
import type { AdminCatalog } from './en.js';

export const frShell: Pick<AdminCatalog, 'shell'> = {
  shell: {
    consoleName: 'Console de recouvrement',
    nav: 'Console',
    overview: 'Vue d’ensemble',
    worklist: 'Priorités',
    customers: 'Clients',
    disputes: 'Litiges',
    promises: 'Promesses',
    payments: 'Paiements',
    settings: 'Paramètres',
    audit: 'Journal d’audit',
    signedInAs: (name, role) => `${name} · ${role}`,
    role: (role) => ({ admin: 'Administrateur', collector: 'Recouvreur', viewer: 'Lecteur' })[role],
    signOut: 'Se déconnecter',
    notStaff:
      'Cette console est réservée au service clients de votre entreprise. Connectez-vous avec votre adresse professionnelle.',
    loadingView: 'Chargement…',
    viewFailed: 'Cette partie de la console n’a pas pu être chargée.',
    notFound: 'Il n’y a rien à cette adresse dans la console.',
    forbidden: 'Votre rôle ne permet pas d’ouvrir cette page. Demandez à un administrateur si vous en avez besoin.',
    back: 'Retour',
    previous: 'Précédent',
    next: 'Suivant',
    close: 'Fermer',
    cancel: 'Annuler',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Enregistré.',
    none: '—',
    reauthHeading: 'Confirmez votre identité',
    reauthIntro:
      'Modifier les paramètres, les utilisateurs ou les clés d’API demande une connexion de moins de 10 minutes. Nous vous envoyons un nouveau lien.',
  },
};
