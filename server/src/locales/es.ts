/**
 * Every word the server writes to a customer in Spanish, the same keys as `en.ts` (checked by
 * `satisfies DocumentCatalog`): the customer is addressed as «usted», a dispute is a «reclamación»,
 * credit is a «nota de crédito», a promise to pay a «promesa de pago». Neutral vocabulary that reads
 * the same in Spain and in Latin America. Every character here is one PDFKit's Helvetica can draw
 * (Latin-1 and ’ – …), so the PDFs print them as written.
 */
import type { AgingBuckets, InvoiceStatus, PaymentStatus, StatementLine } from '../contract';
import type { DocumentCatalog } from './en';
import { esDisputes } from './es-disputes';
import { esStaff } from './es-staff';
import { esStaffActions } from './es-staff-actions';

const methods: Readonly<Record<string, string>> = {
  card: 'Tarjeta',
  debit: 'Tarjeta de débito',
  ach: 'Transferencia bancaria (ACH)',
  eft: 'Transferencia bancaria (EFT)',
  paypal: 'PayPal',
  check: 'Cheque',
  wire: 'Transferencia',
  cash: 'Efectivo',
  other: 'Otro',
};

/** Spanish counts 1 in the singular, 0 and 2 or more in the plural: «1 día», «0 días», «3 días». */
function days(count: number): string {
  return `${count} ${Math.abs(count) === 1 ? 'día' : 'días'}`;
}

export const es = {
  ...esDisputes,
  ...esStaff,
  ...esStaffActions,
  /** Spanish writes the date as its locale does: «14 ene 2027». */
  dateInText: (_isoDate: string, localized: string) => localized,
  labelled: (label: string, value: string) => `${label}: ${value}`,
  method: (method: string) => methods[method] ?? method,
  email: {
    portal: (link: string) => `Portal de clientes: ${link}`,
    sentBy: (company: string) => `Enviado desde el portal de clientes de ${company}.`,
    signIn: {
      place: (company: string, audience: 'customer' | 'staff') =>
        audience === 'staff' ? `la consola del personal de ${company}` : `el portal de clientes de ${company}`,
      subject: (place: string) => `Su enlace de acceso para ${place}`,
      intro: (place: string) => `Inicie sesión en ${place}:`,
      button: 'Iniciar sesión',
      codeIntro: 'O introduzca este código en el navegador desde el que lo solicitó:',
      lifetime: (linkMinutes: number, codeMinutes: number) =>
        `El enlace es válido durante ${linkMinutes} minutos y el código durante ${codeMinutes} minutos.`,
      notYou:
        'Si usted no solicitó iniciar sesión, ignore este correo: no ocurrirá nada mientras no se utilice el enlace.',
    },
    invoice: {
      subject: (number: string, company: string, amountDue: string, dueDate: string) =>
        `Factura ${number} de ${company}: ${amountDue} con vencimiento el ${dueDate}`,
      intro: (number: string, company: string, customer: string) => `Factura ${number} de ${company} para ${customer}.`,
      heading: (number: string, customer: string) => `Factura ${number} para ${customer}.`,
      amountDue: 'Importe a pagar',
      dueDate: 'Fecha de vencimiento',
      payNow: 'Pagar ahora',
      attached: (dueDate: string, pastDue: boolean) =>
        `Adjuntamos la factura en PDF. ${pastDue ? 'Su vencimiento fue el' : 'Vence el'} ${dueDate}.`,
      payLinkNote: (days: number) =>
        `El enlace «Pagar ahora» abre esta factura lista para pagar, sin iniciar sesión, durante ${days} días; solo muestra esta factura. Le rogamos que no reenvíe este correo.`,
      questions: (supportEmail: string) => `¿Tiene alguna pregunta sobre esta factura? Escriba a ${supportEmail}.`,
    },
    receipt: {
      subject: (receipt: string, company: string, total: string) =>
        `Recibo ${receipt} de ${company}: pago de ${total} recibido`,
      thanks: (total: string, method: string) =>
        `Muchas gracias. Hemos recibido su pago de ${total} mediante ${method}.`,
      receipt: (receipt: string) => `Recibo ${receipt}`,
      fromCredit: (invoice: string) => `${invoice} (con su saldo a favor)`,
      keptAsCredit: 'Conservado como saldo a favor en su cuenta',
      surcharge: 'Recargo por pago con tarjeta',
      totalCharged: 'Total cobrado',
      attached: 'Adjuntamos el recibo en PDF.',
    },
    returned: {
      subject: (receipt: string, total: string) => `Su banco ha devuelto su pago ${receipt} de ${total}`,
      body: (total: string, receipt: string) => `Su banco ha devuelto su pago de ${total} (recibo ${receipt}).`,
      reopened: (invoices: string) => `Las facturas que cubría vuelven a estar pendientes: ${invoices}.`,
      payAgain:
        'Le rogamos que las pague de nuevo en el portal o que se ponga en contacto con nosotros si cree que se trata de un error.',
    },
    refunded: {
      subject: (amount: string, receipt: string) => `Le hemos reembolsado ${amount} de su pago ${receipt}`,
      body: (amount: string, receipt: string) =>
        `Le hemos reembolsado ${amount} de su pago ${receipt} en la cuenta o tarjeta con la que pagó.`,
      whole:
        'Cuando llegó el dinero, las facturas a las que correspondía ya estaban pagadas o anuladas, por lo que no se aplicó nada.',
      part: 'Una parte no se pudo aplicar: cuando llegó el dinero, a las facturas que eligió les quedaba menos por pagar.',
      when: 'Normalmente se refleja en un plazo de 5 a 10 días hábiles.',
    },
    reminder: {
      subjectOne: (number: string, amount: string, dueDate: string, daysPastDue: number) =>
        daysPastDue > 0
          ? `Recordatorio de pago: la factura ${number} lleva ${days(daysPastDue)} vencida (${amount})`
          : daysPastDue === 0
            ? `Recordatorio: la factura ${number} (${amount}) vence hoy`
            : `Recordatorio: la factura ${number} (${amount}) vence el ${dueDate}`,
      subjectMany: (count: number, pastDue: string, comingDue: string, comingWhen: string) =>
        pastDue
          ? `Recordatorio de pago: ${count} facturas, importe vencido ${pastDue}${comingDue ? ` y ${comingDue} ${comingWhen}` : ''}`
          : `Recordatorio: ${count} facturas, ${comingDue} ${comingWhen}`,
      dueBy: (dueDate: string, today: boolean) =>
        today ? 'con vencimiento hoy' : `con vencimiento hasta el ${dueDate}`,
      intro: (count: number, pastDueCount: number, allDueToday: boolean) =>
        pastDueCount === 0
          ? `Le recordamos amablemente que ${count === 1 ? 'la factura siguiente vence' : 'las facturas siguientes vencen'} ${allDueToday ? 'hoy' : 'próximamente'}.`
          : pastDueCount === count
            ? `Según nuestros registros, ${count === 1 ? 'la factura siguiente está vencida' : 'las facturas siguientes están vencidas'}.`
            : `Según nuestros registros, ${pastDueCount === 1 ? 'una de las facturas siguientes está vencida' : `${pastDueCount} de las facturas siguientes están vencidas`}.`,
      account: (customer: string) => `Para ${customer}`,
      invoice: 'Factura',
      dueDate: 'Vencimiento',
      amount: 'A pagar',
      pay: 'Pagar',
      total: 'Total a pagar',
      timing: (daysPastDue: number) =>
        daysPastDue > 0
          ? `${days(daysPastDue)} de retraso`
          : daysPastDue === 0
            ? 'hoy'
            : daysPastDue === -1
              ? 'mañana'
              : `dentro de ${days(-daysPastDue)}`,
      line: (number: string, amount: string, dueDate: string, timing: string) =>
        `${number}: ${amount}, vencimiento ${dueDate} (${timing})`,
      disputed: (amount: string) =>
        `Un importe de ${amount} de esta factura está en reclamación: no se le pedirá su pago hasta que esta se resuelva.`,
      payLinks:
        'Cada enlace «Pagar» abre su factura lista para pagar, sin iniciar sesión. Le rogamos que no reenvíe este correo.',
      portal: (anyPastDue: boolean) => (anyPastDue ? 'Ver todas sus facturas vencidas' : 'Abrir el portal de clientes'),
      alreadyPaid: 'Si ya ha pagado, muchas gracias: un pago puede tardar unos días en llegarnos.',
      questions: (supportEmail: string) => `¿Tiene preguntas o ve algún error? Escriba a ${supportEmail}.`,
    },
    promise: {
      promised: (amount: string, date: string, customer: string) =>
        `Usted se comprometió a pagar ${amount} a más tardar el ${date} en nombre de ${customer}.`,
      thanks: 'Muchas gracias.',
      invoices: (count: number) => (count === 1 ? 'Factura' : 'Facturas'),
      balance: 'Pendiente de pago',
      totalBalance: 'Total pendiente de pago',
      confirmation: {
        subject: (amount: string, date: string) =>
          `Hemos registrado su promesa de pago de ${amount} a más tardar el ${date}`,
        paused: (count: number, until: string, remind: string, date: string) =>
          `Los recordatorios ${count === 1 ? 'de esta factura' : 'de estas facturas'} quedan suspendidos hasta el ${until}; le avisaremos el ${remind} y el ${date}.`,
        later: 'Si para entonces no hemos recibido el pago, los recordatorios se reanudarán.',
        manage: 'Puede consultar su promesa de pago, o cancelarla, en el portal de clientes.',
      },
      reminder: {
        subject: (remaining: string, date: string, onTheDay: boolean) =>
          onTheDay
            ? `Recordatorio: ${remaining} a pagar hoy, según lo acordado`
            : `Recordatorio: ${remaining} a pagar mañana, ${date}, según lo acordado`,
        progress: (paid: string, remaining: string) =>
          `Hasta ahora hemos recibido ${paid}; quedan ${remaining} pendientes de pago.`,
        pay: (remaining: string) => `Pagar ${remaining}`,
        payLink: (count: number) =>
          `El enlace «Pagar» abre ${count === 1 ? 'esta factura lista' : 'estas facturas listas'} para pagar, sin iniciar sesión. Le rogamos que no reenvíe este correo.`,
      },
      missed: {
        subject: (amount: string, date: string, paid: string) =>
          paid
            ? `Hemos recibido ${paid} de los ${amount} que se comprometió a pagar a más tardar el ${date}`
            : `No hemos recibido los ${amount} que se comprometió a pagar a más tardar el ${date}`,
        outcome: (paid: string) =>
          paid ? `Hemos recibido ${paid} de ese importe: muchas gracias.` : 'No hemos recibido ese pago.',
        resumed: (count: number) =>
          `Los recordatorios ${count === 1 ? 'de esta factura' : 'de estas facturas'} se reanudan. Pendiente de pago:`,
        needTime: (supportEmail: string) =>
          `Si necesita más tiempo, o cree que se trata de un error, escriba a ${supportEmail}.`,
      },
      brokenNotice: {
        subject: (customer: string, amount: string, date: string, paid: string) =>
          paid
            ? `Promesa cumplida en parte: ${customer} pagó ${paid} de los ${amount} prometidos para el ${date}`
            : `Promesa incumplida: ${customer} no pagó los ${amount} prometidos para el ${date}`,
        body: (customer: string, amount: string, date: string) =>
          `${customer} se comprometió a pagar ${amount} a más tardar el ${date}.`,
        outcome: (paid: string) =>
          paid
            ? `Al final del periodo de gracia se habían pagado ${paid}.`
            : 'Al final del periodo de gracia no se había pagado nada.',
        madeBy: (who: string) => `La promesa fue realizada por ${who}.`,
        resumed: 'Los recordatorios de sus facturas se han reanudado y se ha informado al cliente.',
      },
    },
  },
  pdf: {
    page: (page: number, pages: number) => `Página ${page} de ${pages}`,
    continued: (document: string) => `${document} (continuación)`,
    payOnline: (url: string) => `Pague en línea: ${url}`,
    amount: 'Importe',
    date: 'Fecha',
    invoice: {
      document: (number: string) => `Factura ${number}`,
      subject: (number: string, customer: string) => `Factura ${number} para ${customer}`,
      title: 'FACTURA',
      number: 'N.º de factura',
      issueDate: 'Fecha de emisión',
      dueDate: 'Fecha de vencimiento',
      poNumber: 'N.º de pedido',
      status: 'Estado',
      statusFact: (status: InvoiceStatus, daysPastDue: number) =>
        ({
          open: 'Pendiente',
          past_due: `Vencida, ${days(daysPastDue)} de retraso`,
          disputed: 'En reclamación',
          paid: 'Pagada',
          void: 'Anulada',
        })[status],
      stamp: (status: Exclude<InvoiceStatus, 'open'>) =>
        ({ past_due: 'VENCIDA', disputed: 'EN RECLAMACIÓN', paid: 'PAGADA', void: 'ANULADA' })[status],
      billTo: 'Facturar a',
      amountDue: 'IMPORTE A PAGAR',
      dueBy: (dueDate: string) => `Vence el ${dueDate}`,
      description: 'Descripción',
      sku: 'Ref.',
      quantity: 'Cant.',
      unitPrice: 'Precio unitario',
      tax: 'Impuestos',
      subtotal: 'Subtotal',
      total: 'Total',
      paid: 'Pagado',
      credited: 'Notas de crédito',
      balanceDue: 'Saldo pendiente',
      processing: (amount: string, receipt: string, since: string) =>
        `Un pago de ${amount} (recibo ${receipt}) está en proceso desde el ${since}`,
      leftToPay: (processing: string, payable: string) => `${processing}; quedan ${payable} por pagar.`,
      nothingMoreDue: (processing: string) => `${processing}. No hay nada más que pagar, salvo que el pago falle.`,
      nothingToPay: 'Nada que pagar',
      voided: 'Esta factura ha sido anulada.',
      paidInFull: 'Pagada en su totalidad',
      thanks: 'Gracias por su pago.',
      paymentProcessing: 'Pago en proceso',
      whereToPay: 'Dónde pagar',
      questions: (supportEmail: string) => `Preguntas sobre esta factura: ${supportEmail}`,
      paymentsApplied: 'Pagos aplicados',
      receipt: 'Recibo',
      method: 'Forma de pago',
      creditsApplied: 'Notas de crédito aplicadas',
      creditNote: 'Nota de crédito',
      reason: 'Motivo',
    },
    receipt: {
      document: (receipt: string) => `Recibo ${receipt}`,
      subject: (customer: string) => `Recibo de pago de ${customer}`,
      title: 'RECIBO',
      number: 'N.º de recibo',
      method: 'Forma de pago',
      status: 'Estado',
      stamp: (status: PaymentStatus) =>
        ({
          succeeded: 'PAGADO',
          processing: 'EN PROCESO',
          pending: 'PENDIENTE',
          failed: 'FALLIDO',
          refunded: 'REEMBOLSADO',
          returned: 'DEVUELTO',
        })[status],
      receivedFrom: 'Recibido de',
      amountPaid: 'IMPORTE PAGADO',
      paidBy: (email: string) => `Pagado por ${email}`,
      appliedTo: 'Aplicado a',
      invoice: 'Factura',
      paidFrom: 'Pagado con',
      yourCredit: 'Su saldo a favor',
      thisPayment: 'Este pago',
      appliedToInvoices: 'Aplicado a facturas',
      lessYourCredit: 'Menos su saldo a favor',
      keptAsCredit: 'Conservado como saldo a favor',
      surcharge: 'Recargo por pago con tarjeta',
      totalCharged: 'Total cobrado',
      yourPayments: (url: string) => `Sus pagos y recibos: ${url}`,
    },
    statement: {
      document: (account: string, from: string, to: string) => `Estado de cuenta: ${account}, del ${from} al ${to}`,
      subject: (account: string) => `Estado de cuenta de ${account}`,
      title: 'ESTADO DE CUENTA',
      statementDate: 'Fecha del estado',
      period: 'Periodo',
      periodOf: (from: string, to: string) => `${from} – ${to}`,
      currency: 'Moneda',
      account: 'Cuenta',
      summary: 'RESUMEN DE LA CUENTA',
      invoiced: 'Facturado',
      payments: 'Pagos',
      credits: 'Notas de crédito',
      unappliedCredit: 'Saldo a favor sin aplicar',
      activity: 'Movimientos',
      aging: (date: string) => `Antigüedad de saldos al ${date}`,
      daysPastDue: 'Días de retraso',
      openBalance: 'Saldo pendiente',
      agingBucket: (bucket: keyof AgingBuckets | 'total') =>
        ({
          current: 'No vencido',
          days1to30: '1–30 días',
          days31to60: '31–60 días',
          days61to90: '61–90 días',
          over90: 'Más de 90 días',
          total: 'Total pendiente',
        })[bucket],
      unappliedNote: (amount: string) =>
        `Tiene un saldo a favor sin aplicar de ${amount}, que puede usar en un próximo pago.`,
      footer: (account: string) => `Estado de cuenta de ${account}`,
    },
  },
  statement: {
    date: 'Fecha',
    type: 'Tipo',
    reference: 'Referencia',
    description: 'Descripción',
    balance: 'Saldo',
    amountIn: (currency: string) => `Importe (${currency})`,
    balanceIn: (currency: string) => `Saldo (${currency})`,
    openingBalance: 'Saldo inicial',
    closingBalance: 'Saldo final',
    lineType: (type: StatementLine['type']) =>
      ({ invoice: 'Factura', payment: 'Pago', credit: 'Nota de crédito' })[type],
    invoiceLine: (dueDate: string, poNumber: string | null) =>
      poNumber ? `Factura, pedido ${poNumber}, vencimiento ${dueDate}` : `Factura, vencimiento ${dueDate}`,
    paymentLine: (method: string, reference: string | null) =>
      reference ? `Pago mediante ${method} ${reference}` : `Pago mediante ${method}`,
    creditLine: (reason: string | null) => (reason ? `Nota de crédito: ${reason}` : 'Nota de crédito'),
  },
} satisfies DocumentCatalog;
