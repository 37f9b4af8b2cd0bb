/**
 * The words of disputes in Spanish (see `en-disputes.ts`), in `es.ts`'s style: «usted», a dispute is a
 * «reclamación», credit a «nota de crédito»; only characters Helvetica can draw, since the statement PDF
 * prints some of them.
 */
import type { DisputeReason, StatementDispute } from '../contract';
import type { DocumentCatalog } from './en';

type NoticeEvent = 'opened' | 'message' | 'withdrawn';

export const esDisputes = {
  dispute: {
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Precio incorrecto',
        quantity: 'Cantidad incorrecta',
        damaged: 'Dañado',
        not_received: 'No recibido',
        duplicate: 'Facturado dos veces',
        tax: 'Impuesto incorrecto',
        other: 'Otro motivo',
      })[reason],
    status: (status: StatementDispute['status']) => ({ open: 'Abierta', under_review: 'En revisión' })[status],
    lines: {
      line: 'Línea de factura',
      reason: 'Motivo',
      amount: 'Reclamado',
      quantity: 'Cantidad reclamada',
      note: 'Nota',
      total: 'Total reclamado',
    },
    email: {
      view: 'Ver su reclamación',
      viewNote:
        'El enlace «Ver su reclamación» inicia su sesión en el portal de clientes y abre esta reclamación. Le rogamos que no reenvíe este correo.',
      opened: {
        subject: (invoice: string) => `Hemos recibido su reclamación de la factura ${invoice}`,
        body: (invoice: string, amount: string, customer: string) =>
          `Hemos recibido su reclamación de la factura ${invoice} para ${customer}: el importe reclamado es de ${amount}.`,
        message: 'Su mensaje',
        payRest: (rest: string) =>
          `Puede pagar ya la parte no reclamada, ${rest}, desde la página de su reclamación. Mientras no se resuelva la reclamación, nuestros recordatorios solo le pedirán esa parte.`,
        allDisputed:
          'Todo el saldo de esta factura está en reclamación: no le enviaremos recordatorios de ella hasta que se resuelva la reclamación.',
        next: 'La revisaremos y le escribiremos en cada paso.',
      },
      underReview: {
        subject: (invoice: string) => `Su reclamación de la factura ${invoice} está en revisión`,
        body: (invoice: string, amount: string, staff: string) =>
          staff
            ? `${staff} está revisando su reclamación de la factura ${invoice} (${amount} reclamados).`
            : `Estamos revisando su reclamación de la factura ${invoice} (${amount} reclamados).`,
        next: 'Le escribiremos cuando se haya tomado una decisión. Mientras tanto, puede añadir un mensaje o archivos en la página de su reclamación.',
      },
      message: {
        subject: (invoice: string) => `Nueva respuesta sobre su reclamación de la factura ${invoice}`,
        body: (invoice: string, from: string) => `${from} ha respondido sobre su reclamación de la factura ${invoice}:`,
        answer: 'Para responder, escriba en la página de su reclamación.',
      },
      resolved: {
        subject: (invoice: string, credit: string) =>
          `Reclamación de la factura ${invoice} resuelta: nota de crédito de ${credit}`,
        body: (invoice: string, credit: string, creditNote: string, amount: string, whole: boolean) =>
          whole
            ? `Su reclamación de la factura ${invoice} se ha resuelto: hemos emitido la nota de crédito ${creditNote} por el total reclamado de ${credit}.`
            : `Su reclamación de la factura ${invoice} se ha resuelto: hemos emitido la nota de crédito ${creditNote} por ${credit} de los ${amount} reclamados.`,
        note: 'Nuestra nota',
      },
      rejected: {
        subject: (invoice: string) => `Reclamación de la factura ${invoice} no aceptada`,
        body: (invoice: string, amount: string) =>
          `Hemos revisado su reclamación de la factura ${invoice} (${amount} reclamados) y no hemos podido aceptarla.`,
        reason: 'Nuestro motivo',
      },
      withdrawn: {
        subject: (invoice: string) => `Reclamación de la factura ${invoice} retirada`,
        body: (invoice: string, amount: string) =>
          `Su reclamación de la factura ${invoice} (${amount} reclamados) ha sido retirada.`,
      },
      balanceNow: (balance: string) =>
        balance ? `El saldo de la factura es ahora de ${balance}.` : 'No queda nada por pagar en esta factura.',
      dueAgain: (balance: string) =>
        balance
          ? `El saldo de la factura, ${balance}, vuelve a ser exigible en su totalidad.`
          : 'No queda nada por pagar en esta factura.',
    },
    notice: {
      subject: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `Nueva reclamación: ${customer}, ${invoice}, ${amount}`,
          message: `Nueva respuesta en una reclamación: ${customer}, ${invoice}, ${amount}`,
          withdrawn: `Reclamación retirada: ${customer}, ${invoice}, ${amount}`,
        })[event],
      body: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `${customer} reclama ${amount} de la factura ${invoice}.`,
          message: `${customer} ha escrito sobre su reclamación de la factura ${invoice} (${amount} reclamados).`,
          withdrawn: `${customer} ha retirado su reclamación de la factura ${invoice} (${amount} reclamados). La factura ya no está en reclamación.`,
        })[event],
      contact: 'Contacto',
      message: 'Su mensaje',
      attachments: (count: number) =>
        `${count} ${Math.abs(count) === 1 ? 'archivo adjunto' : 'archivos adjuntos'} hasta ahora.`,
      console: 'Abra la reclamación en la consola del personal para revisarla, responder o asignarla.',
    },
    statement: {
      ofWhichDisputed: 'De lo cual, en reclamación',
      disputed: 'En reclamación',
      openDisputes: 'Reclamaciones abiertas',
      invoice: 'Factura',
      amount: 'Importe reclamado',
      status: 'Estado',
      openedOn: 'Abierta el',
      dispute: 'Reclamación',
    },
  },
} satisfies Pick<DocumentCatalog, 'dispute'>;
