/** The staff console's Spanish words: the shell (the keys of `en-shell.ts`). */
import type { AdminCatalog } from './en.js';

export const esShell: Pick<AdminCatalog, 'shell'> = {
  shell: {
    consoleName: 'Consola de cuentas por cobrar',
    nav: 'Consola',
    overview: 'Resumen',
    worklist: 'Lista de trabajo',
    customers: 'Clientes',
    disputes: 'Reclamaciones',
    promises: 'Promesas',
    payments: 'Pagos',
    settings: 'Configuración',
    audit: 'Registro de auditoría',
    signedInAs: (name, role) => `${name} · ${role}`,
    role: (role) => ({ admin: 'Administrador', collector: 'Gestor de cobro', viewer: 'Solo lectura' })[role],
    signOut: 'Cerrar sesión',
    notStaff:
      'Esta consola es para el equipo de cuentas por cobrar de su empresa. Inicie sesión con su dirección de correo electrónico corporativa.',
    loadingView: 'Cargando…',
    viewFailed: 'No se pudo cargar esta parte de la consola.',
    notFound: 'No hay nada en esta dirección de la consola.',
    forbidden: 'Su rol no permite abrir esta página. Si la necesita, pídaselo a un administrador.',
    back: 'Volver',
    previous: 'Anterior',
    next: 'Siguiente',
    close: 'Cerrar',
    cancel: 'Cancelar',
    save: 'Guardar',
    saving: 'Guardando…',
    saved: 'Guardado.',
    none: '—',
    reauthHeading: 'Confirme su identidad',
    reauthIntro:
      'Para cambiar la configuración, los usuarios o las claves de API, debe haber iniciado sesión en los últimos 10 minutos. Le enviaremos un nuevo enlace por correo electrónico.',
  },
};
