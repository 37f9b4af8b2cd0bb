/** The staff console's French words: the worklist area (the keys of `en-worklist.ts`). */
import type { AdminCatalog } from './en.js';

export const frWorklist: Pick<AdminCatalog, 'worklist'> = {
  worklist: {
    heading: 'Liste de relance',
    intro: 'Les clients qui ont un impayé, les plus urgents d’abord.',
    filters: 'Filtres',
    accounts: 'Comptes',
    allAccounts: 'Tous les comptes',
    myAccounts: 'Mes comptes',
    unassignedAccounts: 'Comptes sans chargé de recouvrement',
    search: 'Nom ou identifiant du client',
    promise: 'Promesses',
    promiseFilter: (value: 'any' | 'open' | 'broken' | 'none') =>
      ({
        any: 'Toutes',
        open: 'Promesse en cours',
        broken: 'Promesses non tenues',
        none: 'Aucune promesse en cours',
      })[value],
    dispute: 'Litiges',
    disputeFilter: (value: 'any' | 'open' | 'none') =>
      ({ any: 'Tous', open: 'Litige en cours', none: 'Aucun litige en cours' })[value],
    apply: 'Appliquer les filtres',
    clear: 'Effacer les filtres',
    caption: 'Clients classés par score',
    customer: 'Client',
    balance: 'Solde',
    pastDue: 'Échu',
    disputed: 'Contesté',
    promiseColumn: 'Promesse',
    lastContact: 'Dernier contact',
    collector: 'Chargé de recouvrement',
    score: 'Score',
    scoreHelp: 'Comment le score est calculé',
    scoreExplained:
      'Le score indique qui appeler en premier\u00a0; plus il est élevé, plus c’est urgent. Il additionne les montants échus non contestés, pondérés par leur retard (par unité monétaire\u00a0: 1 point de 1 à 30 jours de retard, 2 de 31 à 60, 3 de 61 à 90, 4 au-delà de 90), 250 par promesse non tenue, 50 par litige en cours et 5 par jour depuis le dernier contact (90 jours au plus\u00a0; sans contact, on compte 90).',
    openDisputes: (count: number) => (count === 1 ? '1 litige en cours' : `${count} litiges en cours`),
    promised: (amount: string, date: string) => `${amount} d’ici le ${date}`,
    brokenPromises: (count: number) => (count === 1 ? '1 non tenue' : `${count} non tenues`),
    never: 'Jamais',
    unassigned: 'Non attribué',
    loading: 'Chargement de la liste de relance…',
    loadFailed: 'Nous n’avons pas pu charger la liste de relance.',
    empty: 'Aucun client n’a d’impayé. Rien à relancer.',
    emptyFiltered: 'Aucun client ne correspond à ces filtres.',
    emptyMine: 'Aucun compte avec un impayé ne vous est attribué.',
    showAll: 'Afficher tous les comptes',
    pages: 'Pages',
    page: (page: number) => `Page ${page}`,
  },
};
