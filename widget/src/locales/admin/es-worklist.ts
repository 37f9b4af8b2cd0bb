/** The staff console's Spanish words: the worklist area (the keys of `en-worklist.ts`). */
import type { AdminCatalog } from './en.js';

export const esWorklist: Pick<AdminCatalog, 'worklist'> = {
  worklist: {
    heading: 'Lista de trabajo',
    intro: 'Clientes con importes impagados, los más urgentes primero.',
    filters: 'Filtros',
    accounts: 'Cuentas',
    allAccounts: 'Todas las cuentas',
    myAccounts: 'Mis cuentas',
    unassignedAccounts: 'Cuentas sin gestor asignado',
    search: 'Nombre o ID del cliente',
    promise: 'Promesas',
    promiseFilter: (value: 'any' | 'open' | 'broken' | 'none') =>
      ({
        any: 'Todas',
        open: 'Con una promesa abierta',
        broken: 'Con promesas incumplidas',
        none: 'Sin promesa abierta',
      })[value],
    dispute: 'Reclamaciones',
    disputeFilter: (value: 'any' | 'open' | 'none') =>
      ({ any: 'Todas', open: 'Con una reclamación abierta', none: 'Sin reclamación abierta' })[value],
    apply: 'Aplicar filtros',
    clear: 'Borrar filtros',
    caption: 'Clientes ordenados por puntuación',
    customer: 'Cliente',
    balance: 'Saldo',
    pastDue: 'Vencido',
    disputed: 'En reclamación',
    promiseColumn: 'Promesa',
    lastContact: 'Último contacto',
    collector: 'Gestor de cobro',
    score: 'Puntuación',
    scoreHelp: 'Cómo se calcula la puntuación',
    scoreExplained:
      'La puntuación indica a quién llamar primero; cuanto más alta, más urgente. Suma el importe vencido y no reclamado, ponderado según el atraso (por unidad monetaria: 1 punto con 1–30 días de atraso, 2 con 31–60, 3 con 61–90, 4 con más de 90), 250 por cada promesa incumplida, 50 por cada reclamación abierta y 5 por cada día desde el último contacto (hasta 90 días; sin contacto previo cuenta como 90).',
    openDisputes: (count: number) => (count === 1 ? '1 reclamación abierta' : `${count} reclamaciones abiertas`),
    promised: (amount: string, date: string) => `${amount} para el ${date}`,
    brokenPromises: (count: number) => (count === 1 ? '1 incumplida' : `${count} incumplidas`),
    never: 'Nunca',
    unassigned: 'Sin asignar',
    loading: 'Cargando la lista de trabajo…',
    loadFailed: 'No pudimos cargar la lista de trabajo.',
    empty: 'Ningún cliente tiene importes impagados. No hay nada que gestionar.',
    emptyFiltered: 'Ningún cliente coincide con estos filtros.',
    emptyMine: 'No tiene asignada ninguna cuenta con importes impagados.',
    showAll: 'Mostrar todas las cuentas',
    pages: 'Páginas',
    page: (page: number) => `Página ${page}`,
  },
};
