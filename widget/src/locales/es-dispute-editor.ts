/** `<ar-dispute-editor>` in Spanish (see `en-dispute-editor.ts`). */
import type { DisputeReason } from '../internal/types.js';
import type { Catalog } from './en.js';

/** "INV-1", "INV-1 y INV-2", "INV-1, INV-2 y INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`;
}

export const esDisputeEditor = {
  disputeEditor: {
    heading: (invoice: string) => `Reclamar la factura ${invoice}`,
    intro: 'Marque las líneas que reclama e indique el motivo y el importe. Avisaremos a la empresa de inmediato.',
    loading: (invoice: string) => `Cargando la factura ${invoice}…`,
    loadFailed: 'No hemos podido cargar el formulario de reclamación.',
    signedOut: 'Inicie sesión para reclamar una factura.',
    noInvoice: 'No se ha elegido ninguna factura: abra el formulario de reclamación desde una factura.',
    oneAtATime: (invoice: string, others: readonly string[]) =>
      `Cada reclamación corresponde a una sola factura: esta es para ${invoice}. Reclame después ${listOf(others)} de la misma manera.`,
    alreadyDisputed: (invoice: string, amount: string) =>
      `La factura ${invoice} ya está en reclamación (${amount} en cuestión).`,
    alreadyHint: 'Complétela en la página de la reclamación: responda allí o adjunte más archivos.',
    seeDispute: 'Ver la reclamación',
    nothingToDispute: (invoice: string, status: 'paid' | 'void') =>
      status === 'void'
        ? `No hay nada que reclamar: la factura ${invoice} está anulada.`
        : `No hay nada que reclamar: la factura ${invoice} está pagada en su totalidad.`,
    noLinesOnInvoice: 'Esta factura no tiene líneas que reclamar. Póngase en contacto con nosotros.',
    balance: (amount: string) => `Saldo pendiente ${amount}`,
    linesLegend: 'Las líneas en cuestión',
    lineOf: (quantity: string, unitPrice: string, amount: string) => `${quantity} × ${unitPrice} = ${amount}`,
    disputeLine: 'Reclamar esta línea',
    reasonLabel: 'Motivo',
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Precio incorrecto',
        quantity: 'Cantidad incorrecta',
        damaged: 'Dañado',
        not_received: 'No recibido',
        duplicate: 'Facturado dos veces',
        tax: 'Impuesto incorrecto',
        other: 'Otro',
      })[reason],
    reasonChoose: 'Elija un motivo',
    reasonEmpty: 'Elija por qué reclama esta línea.',
    quantityLabel: 'Cantidad (opcional)',
    quantityHint: (most: string) => `Cuántas unidades están en cuestión: como máximo ${most}.`,
    quantityInvalid: 'Introduzca una cantidad como 2 o 2,5 (3 decimales como máximo), o déjela vacía.',
    quantityTooHigh: (most: string) => `Introduzca como máximo la cantidad de la línea, ${most}.`,
    amountLabel: 'Importe reclamado',
    amountHint: (most: string) => `Como máximo el importe de la línea con su impuesto, ${most}.`,
    amountTooHigh: (most: string) => `Introduzca como máximo el importe de la línea con su impuesto, ${most}.`,
    noteLabel: 'Nota sobre esta línea (opcional)',
    noLines: 'Marque al menos una línea que reclame.',
    messageLabel: (company: string) => `Su mensaje para ${company}`,
    theCompany: 'la empresa',
    messageHint: 'Qué es lo que no está bien, con sus propias palabras.',
    messageEmpty: 'Escriba un mensaje que explique qué no está bien.',
    filesLabel: 'Fotos o documentos (opcional)',
    filesHint: 'Imágenes o PDF: 5 archivos como máximo, de 10 MB cada uno.',
    filesCaption: 'Archivos que adjuntar',
    removeFile: (name: string) => `Quitar ${name}`,
    fileType: (name: string) => `${name} no es una imagen ni un PDF, así que no se ha añadido.`,
    fileTooLarge: (name: string, size: string) => `${name} ocupa ${size}: un archivo puede ocupar 10 MB como máximo.`,
    tooManyFiles: (names: readonly string[]) =>
      `5 archivos como máximo: ${listOf(names)} no se ${names.length === 1 ? 'ha añadido' : 'han añadido'}.`,
    disputed: (amount: string) => `En reclamación: ${amount}`,
    rest: (amount: string) => `Resto no reclamado: ${amount}`,
    overBalance: (balance: string) =>
      `Es más que el saldo de la factura, ${balance}. Reduzca los importes en cuestión.`,
    submit: (amount: string) => `Presentar una reclamación por ${amount}`,
    submitting: 'Presentando la reclamación…',
    uploading: (index: number, count: number) => `Adjuntando el archivo ${index} de ${count}…`,
    failed: 'No hemos podido presentar la reclamación.',
    errors: {
      dispute_amount_too_large:
        'Un importe o una cantidad supera los de su línea, o el total supera el saldo. Hemos actualizado la factura.',
      invoice_disputed: 'Esta factura ya está en reclamación. Hemos actualizado el formulario.',
      invoice_not_disputable: 'Esta factura se ha pagado o anulado entretanto. Hemos actualizado el formulario.',
      dispute_line_invalid: 'Una de estas líneas ya no figura en la factura. Hemos actualizado el formulario.',
      not_found: 'No encontramos esta factura en su cuenta.',
      invalid_request: 'No se ha aceptado una parte del formulario. Revise los importes y el mensaje.',
    },
    uploadFailed: (name: string) => `Su reclamación está abierta, pero no hemos podido adjuntar ${name}.`,
    uploadErrors: {
      attachment_type_unsupported: 'Su contenido no es una imagen ni un PDF.',
      attachment_too_large: 'Ocupa más de 10 MB.',
      attachment_limit: 'La reclamación ya tiene 5 archivos.',
      dispute_not_open: 'La reclamación ya no está abierta.',
    },
    retryUpload: 'Intentar de nuevo',
    skipUpload: 'Omitir este archivo',
    createdHeading: 'Reclamación presentada',
    created: (amount: string, invoice: string) => `Ha reclamado ${amount} de la factura ${invoice}.`,
    told: (company: string) => `Hemos avisado a ${company}; recibirá un correo electrónico en cada paso.`,
    attached: (count: number) => (Math.abs(count) === 1 ? `${count} archivo adjunto.` : `${count} archivos adjuntos.`),
    skipped: (names: readonly string[]) =>
      `No ${names.length === 1 ? 'se ha adjuntado' : 'se han adjuntado'}: ${listOf(names)}. Añada archivos en la página de la reclamación.`,
    payRest: (amount: string) => `Pagar ahora el importe no reclamado (${amount})`,
    payingRest: (amount: string) => `${amount} en reclamación — se paga el resto no reclamado`,
  },
} satisfies Pick<Catalog, 'disputeEditor'>;
