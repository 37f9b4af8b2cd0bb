/** Las palabras de los correos que envían las acciones del personal sobre una cuenta de cliente (un estado de cuenta). */
import type { DocumentCatalog } from './en';

export const esStaffActions = {
  staffActions: {
    statement: {
      subject: (company: string, customer: string) => `Estado de cuenta: ${customer} con ${company}`,
      intro: (customer: string, company: string, from: string, to: string) =>
        `Le enviamos el estado de la cuenta de ${customer} con ${company} del ${from} al ${to}; encontrará todos los movimientos en el PDF adjunto.`,
      openingBalance: 'Saldo inicial',
      invoiced: 'Facturado',
      paid: 'Pagado',
      credited: 'Notas de crédito',
      closingBalance: 'Saldo pendiente',
      signIn: 'Inicie sesión en el portal de clientes con esta dirección de correo para pagar en línea.',
      signInAt: (url: string) =>
        `Inicie sesión en el portal de clientes en ${url} con esta dirección de correo para pagar en línea.`,
      questions: (email: string) => `¿Tiene preguntas? Escriba a ${email}.`,
    },
  },
} satisfies Pick<DocumentCatalog, 'staffActions'>;
