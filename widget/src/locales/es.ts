/**
 * Every user-visible word of the widget in Spanish, the same keys as `en.ts` (checked by `satisfies
 * Catalog`). The customer is addressed as «usted»; money and dates come already formatted by `Intl`
 * for the element's locale. The vocabulary is neutral between Spain and Latin America: «factura»,
 * «saldo», «importe», «nota de crédito», «reclamación» for a dispute, «promesa de pago».
 */
import type {
  Audience,
  InvoiceStatus,
  InvoiceStatusFilter,
  PaymentMethod,
  PaymentStatus,
  PromiseStatus,
} from '../internal/types.js';
import type { Catalog } from './en.js';
import { esDispute } from './es-dispute.js';
import { esDisputeEditor } from './es-dispute-editor.js';

/** Spanish counts only 1 in the singular: «0 facturas», «1 factura», «2 facturas». */
function plural(count: number, one: string, other: string): string {
  return `${count} ${Math.abs(count) === 1 ? one : other}`;
}

/** "INV-1", "INV-1 y INV-2", "INV-1, INV-2 y INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`;
}

/** Seconds as words for a countdown or a rate-limit message: "45 segundos", "2 minutos". */
function waitFor(seconds: number): string {
  if (seconds < 90) return plural(Math.max(1, Math.ceil(seconds)), 'segundo', 'segundos');
  return plural(Math.ceil(seconds / 60), 'minuto', 'minutos');
}

export const es = {
  ...esDisputeEditor,
  ...esDispute,
  common: {
    retry: 'Reintentar',
    loading: 'Cargando…',
    networkError: 'No se ha podido conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
    unexpectedError: 'Se ha producido un error por nuestra parte. Inténtelo de nuevo en unos momentos.',
  },
  login: {
    heading: 'Iniciar sesión',
    staffHeading: 'Acceso del personal',
    intro: 'Introduzca su dirección de correo electrónico y le enviaremos un enlace de acceso. No necesita contraseña.',
    emailLabel: 'Correo electrónico',
    emailHint: 'Use la dirección a la que se envían sus facturas.',
    sendLink: 'Enviarme un enlace de acceso',
    sending: 'Enviando…',
    emailInvalid: 'Introduzca una dirección de correo electrónico válida, por ejemplo nombre@empresa.com.',
    emailRequired: 'Introduzca su dirección de correo electrónico.',
    rateLimited: (seconds: number) =>
      `Demasiadas solicitudes de acceso. Inténtelo de nuevo dentro de ${waitFor(seconds)}.`,
    requestFailed: 'No hemos podido enviar el enlace de acceso.',
    checkEmailHeading: 'Revise su correo electrónico',
    sentTo: (maskedEmail: string) => `Hemos enviado un enlace de acceso a ${maskedEmail}.`,
    sentToSameAddress: 'Hemos enviado un nuevo enlace de acceso a la dirección del enlace anterior.',
    openLinkHint: 'Abra el enlace en este dispositivo o introduzca el código de 6 dígitos del correo electrónico.',
    openNewLinkHint: 'Abra el enlace del nuevo correo electrónico para iniciar sesión.',
    codeLabel: 'Código de 6 dígitos',
    codeSubmit: 'Iniciar sesión con el código',
    codeChecking: 'Comprobando…',
    codeFormat: 'El código tiene 6 dígitos.',
    codeInvalid: 'Ese código no es correcto o ha caducado. Revise el correo electrónico e inténtelo de nuevo.',
    codeFailed: 'No hemos podido comprobar el código.',
    resend: 'Enviar un nuevo enlace',
    resendIn: (seconds: number) => `Enviar un nuevo enlace dentro de ${waitFor(seconds)}`,
    resent: 'Hemos enviado un nuevo enlace. Revise su bandeja de entrada.',
    useDifferentEmail: 'Usar otro correo electrónico',
    checkingLink: 'Comprobando su enlace de acceso…',
    signingIn: 'Iniciando sesión…',
    continueHeading: '¿Desea continuar con el inicio de sesión?',
    continueIntro: 'Este enlace de acceso se abrió en un navegador distinto del que lo solicitó.',
    continueAs: (maskedEmail: string) => `Continuar como ${maskedEmail}`,
    linkExpired: 'Este enlace de acceso ha caducado.',
    linkUsed: 'Este enlace de acceso ya se ha utilizado.',
    linkResendHint: 'Podemos enviar uno nuevo a la misma dirección de correo electrónico.',
    sendNewLink: 'Enviarme un nuevo enlace',
    linkInvalid: 'Este enlace de acceso no es válido. Introduzca su correo electrónico para recibir uno nuevo.',
    linkFailed: 'No hemos podido comprobar su enlace de acceso.',
    signedInAs: (email: string) => `Ha iniciado sesión como ${email}.`,
    sessionExpired: 'Su sesión ha finalizado. Vuelva a iniciar sesión para continuar donde lo dejó.',
    signedOut: 'Ha cerrado la sesión.',
    signedOutEverywhere: 'Ha cerrado la sesión en todos sus dispositivos.',
    payHeading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Pagar la factura ${invoices[0]}`
        : invoices.length === 0
          ? 'Pagar su factura'
          : `Pagar ${plural(invoices.length, 'factura', 'facturas')}`,
    payIntro: (company: string) => `${company} le ha enviado este enlace para pagar en línea.`,
    payIntroNoCompany: 'Este enlace le permite pagar en línea.',
    disputeHeading: (invoices: readonly string[]) => `Su reclamación de la factura ${invoices.join(', ')}`,
    disputeIntro: (company: string) => `${company} le ha enviado este enlace sobre su reclamación.`,
    seeDispute: 'Ver la reclamación',
    payInvoice: (invoice: string) => `Factura ${invoice}`,
    amountDue: 'Importe pendiente',
    dueOn: (date: string) => `Vence el ${date}`,
    payInFlight: (amount: string) => `Ya hay un pago de ${amount} en proceso; esto es lo que queda por pagar.`,
    payAllInFlight: 'Ya hay en proceso un pago por todo el saldo: no queda nada por pagar.',
    reviewAndPay: 'Revisar y pagar',
    reviewInvoice: 'Ver la factura',
    nothingChargedYet: 'No se cobra nada hasta que elija cómo pagar y pulse Pagar.',
  },
  portal: {
    portalName: (audience: Audience) => (audience === 'staff' ? 'Consola del personal' : 'Portal de clientes'),
    checkingSession: 'Restableciendo su sesión…',
    loadingAccounts: 'Cargando sus cuentas…',
    sessionFailed: 'No hemos podido comprobar su sesión.',
    accountsFailed: 'No hemos podido cargar sus cuentas.',
    noAccounts:
      'Su correo electrónico aún no está vinculado a ninguna cuenta de cliente. Póngase en contacto con nosotros y lo configuraremos.',
    signedInAs: 'Sesión iniciada como',
    logout: 'Cerrar sesión',
    logoutEverywhere: 'Cerrar sesión en todos los dispositivos',
    loggingOut: 'Cerrando sesión…',
    logoutEverywhereFailed: 'No hemos podido cerrar su sesión en sus otros dispositivos.',
    navLabel: 'Portal de clientes',
    navInvoices: 'Facturas',
    navStatement: 'Estado de cuenta',
    navPayments: 'Pagos',
    navPromises: 'Promesas',
    navDisputes: 'Reclamaciones',
    viewLabel: (view: Parameters<Catalog['portal']['viewLabel']>[0], invoice?: string) =>
      view === 'invoice'
        ? `Factura ${invoice ?? ''}`.trim()
        : {
            invoices: 'Facturas',
            pay: 'Pago',
            statement: 'Estado de cuenta',
            payments: 'Pagos',
            promise: 'Promesa de pago',
            promises: 'Promesas',
            dispute: 'Reclamar una factura',
            disputes: 'Reclamaciones',
          }[view],
    scopeLabel: 'Acerca de este enlace',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 0
        ? 'Este enlace corresponde a una sola factura.'
        : `Este enlace corresponde únicamente a ${listOf(invoices)}.`,
    scopeHint:
      'Los saldos que se muestran aquí son los de esa factura, no los de toda su cuenta. Inicie sesión para ver todo lo que adeuda.',
    scopeSignIn: 'Iniciar sesión para ver toda su cuenta',
    scopeSignInHeading: 'Acceso a toda su cuenta',
    scopeSignInCancel: 'Volver a esta factura',
  },
  account: {
    label: 'Cuenta',
    totals: {
      balance: 'Saldo pendiente',
      pastDue: 'Vencido',
      disputed: 'En reclamación',
      credit: 'Saldo a favor no aplicado',
      inFlight: (amount: string) => `${amount} en proceso`,
      scopedBalance: (invoices: readonly string[]) =>
        invoices.length === 1 ? `Saldo pendiente de ${invoices[0]}` : 'Saldo pendiente de este enlace',
    },
    totalsFailed: 'No hemos podido cargar los totales de la cuenta.',
  },
  inFlight: {
    notice: (amount: string, since: string, status: 'pending' | 'processing') =>
      status === 'pending'
        ? `Pago de ${amount} pendiente de confirmación desde el ${since}`
        : `Pago de ${amount} en proceso desde el ${since}`,
    leftToPay: (amount: string) => `${amount} por pagar`,
    nothingLeft: 'No se puede pagar nada más en esta factura hasta que ese pago se haga efectivo.',
  },
  invoices: {
    caption: 'Facturas',
    number: 'Factura',
    issueDate: 'Emisión',
    dueDate: 'Vencimiento',
    dueOn: (date: string) => `Vence el ${date}`,
    po: (po: string) => `Orden de compra ${po}`,
    total: 'Total',
    balance: 'Saldo',
    status: 'Estado',
    loading: 'Cargando facturas…',
    loadingMore: 'Cargando más facturas…',
    loadedMore: (loaded: number, total: number | null) =>
      total === null
        ? `${plural(loaded, 'factura cargada', 'facturas cargadas')}.`
        : `${loaded} de ${total} facturas cargadas.`,
    loadFailed: 'No hemos podido cargar sus facturas.',
    loadMoreFailed: 'No hemos podido cargar más facturas.',
    signedOut: 'Inicie sesión para ver sus facturas.',
    highlightMissing: (invoice: string) => `La factura ${invoice} no figura en esta lista.`,
    tabsLabel: 'Facturas por estado',
    tab: (status: InvoiceStatusFilter) =>
      ({
        past_due: 'Vencidas',
        open: 'Pendientes',
        paid: 'Pagadas',
        disputed: 'En reclamación',
        all: 'Todas',
      })[status],
    empty: (status: InvoiceStatusFilter) =>
      ({
        past_due: 'No hay facturas vencidas: está al día.',
        open: 'No hay facturas pendientes. No hay nada que pagar por ahora.',
        paid: 'Todavía no hay facturas pagadas.',
        disputed: 'No hay facturas en reclamación.',
        all: 'Todavía no hay facturas.',
      })[status],
    scopedEmpty: (status: InvoiceStatusFilter, invoices: readonly string[]) => {
      const covered = invoices.length ? listOf(invoices) : 'este enlace';
      return {
        past_due: `No hay nada vencido en ${covered}.`,
        open: `No hay nada pendiente de pago en ${covered}.`,
        paid: `Todavía no hay facturas pagadas en ${covered}.`,
        disputed: `No hay facturas en reclamación en ${covered}.`,
        all: `No hay facturas en ${covered}.`,
      }[status];
    },
    scopedHint: (invoices: readonly string[]) =>
      invoices.length
        ? `Este enlace corresponde únicamente a ${listOf(invoices)}; su cuenta puede tener otras facturas.`
        : 'Este enlace corresponde a una sola factura; su cuenta puede tener otras facturas.',
    scopedSignIn: 'Iniciar sesión para ver toda su cuenta',
    badge: (status: InvoiceStatus) =>
      ({
        past_due: 'Vencida',
        open: 'Pendiente',
        paid: 'Pagada',
        disputed: 'En reclamación',
        void: 'Anulada',
      })[status],
    daysPastDue: (days: number) => plural(days, 'día', 'días'),
    rowLabel: (invoice: string, balance: string, status: string, inFlight?: string) =>
      `Factura ${invoice}, saldo ${balance}, ${status}${inFlight ? `, ${inFlight}` : ''}`,
    searchLabel: 'Buscar facturas',
    searchHint: 'Número de factura, número de orden de compra o importe',
    clearSearch: 'Borrar la búsqueda',
    noMatch: (q: string) => `Ninguna factura coincide con «${q}»`,
    matches: (count: number, more: boolean, q: string) =>
      `${more ? 'Más de ' : ''}${plural(count, 'factura coincide', 'facturas coinciden')} con «${q}».`,
    sortedBy: (column: string, direction: 'ascending' | 'descending' | 'other') =>
      direction === 'other'
        ? `Ordenado por ${column.toLowerCase()}, las más urgentes primero.`
        : `Ordenado por ${column.toLowerCase()}, en orden ${direction === 'ascending' ? 'ascendente' : 'descendente'}.`,
    selectInvoice: (invoice: string) => `Seleccionar ${invoice}`,
    selectAllLoaded: 'Seleccionar todas las facturas cargadas',
    selectionLabel: 'Facturas seleccionadas',
    selected: (count: number, amount: string) =>
      `${count} ${Math.abs(count) === 1 ? 'seleccionada' : 'seleccionadas'} · ${amount}`,
    pay: 'Pagar',
    promise: 'Prometer un pago',
    allPromised: 'Todas las facturas marcadas ya tienen una promesa de pago.',
    promised: (date: string) => `Prometida · ${date}`,
    dispute: 'Reclamar',
    clearSelection: 'Borrar la selección',
  },
  invoice: {
    loading: (invoice: string) => `Cargando la factura ${invoice}…`,
    loadFailed: (invoice: string) => `No hemos podido cargar la factura ${invoice}.`,
    notFound: (invoice: string) => `No encontramos la factura ${invoice} en su cuenta.`,
    notFoundHint: 'Compruebe el número de factura o elija la factura en su lista.',
    noInvoice: 'No se ha elegido ninguna factura.',
    signedOut: 'Inicie sesión para ver esta factura.',
    back: 'Volver a las facturas',
    heading: (invoice: string) => `Factura ${invoice}`,
    account: 'Cuenta',
    issued: 'Emisión',
    due: 'Vencimiento',
    po: 'N.º de orden de compra',
    daysPastDue: (days: number) => `Vencida hace ${plural(days, 'día', 'días')}`,
    disputeOpen: (amount: string, status: string) =>
      `${amount} de esta factura está en reclamación. Estado: ${status}.`,
    seeDispute: 'Ver la reclamación',
    dispute: 'Reclamar',
    pastDisputes: 'Reclamaciones',
    pastDispute: (amount: string, status: string) => `${amount} reclamado · ${status}`,
    lines: 'Líneas',
    description: 'Descripción',
    sku: 'Código',
    quantity: 'Cant.',
    unitPrice: 'Precio unitario',
    tax: 'Impuesto',
    amount: 'Importe',
    noLines: 'Esta factura no tiene líneas.',
    lineInline: (quantity: string, unitPrice: string, tax: string) => `${quantity} × ${unitPrice} · impuesto ${tax}`,
    totals: 'Totales',
    subtotal: 'Subtotal',
    total: 'Total',
    paid: 'Pagado',
    credited: 'Notas de crédito',
    balanceDue: 'Saldo pendiente',
    processing: 'En proceso',
    leftToPay: 'Queda por pagar',
    receipt: (receipt: string) => `Recibo ${receipt}`,
    payments: 'Pagos aplicados',
    noPayments: 'Todavía no hay pagos aplicados.',
    date: 'Fecha',
    method: 'Forma de pago',
    reference: 'Referencia',
    credits: 'Notas de crédito aplicadas',
    noCredits: 'No hay notas de crédito aplicadas.',
    creditNote: 'Nota de crédito',
    reason: 'Motivo',
    history: 'Historial',
    noHistory: 'Todavía no hay historial.',
    downloadPdf: 'Descargar PDF',
    downloadingPdf: 'Preparando el PDF…',
    downloadFailed: 'No hemos podido descargar el PDF.',
    promiseToPay: 'Prometer un pago',
    promised: (date: string) =>
      `Prometió pagar esta factura a más tardar el ${date}. Los recordatorios de pago están en pausa.`,
  },
  pay: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Pagar la factura ${invoices[0]}`
        : `Pagar ${plural(invoices.length, 'factura', 'facturas')}`,
    loading: 'Cargando el importe a pagar…',
    loadFailed: 'No hemos podido cargar el formulario de pago.',
    signedOut: 'Inicie sesión para pagar sus facturas.',
    notFound: (invoice: string) => `No encontramos la factura ${invoice} en su cuenta.`,
    nothingToPay: 'No hay nada que pagar: estas facturas están pagadas en su totalidad.',
    nothingOpen: 'No hay nada que pagar: esta cuenta no tiene facturas pendientes.',
    noMethods:
      'El pago en línea no está disponible para esta cuenta. Póngase en contacto con nosotros para pagar de otra forma.',
    back: 'Volver a las facturas',
    invoicesCaption: 'Facturas a pagar',
    invoice: 'Factura',
    due: 'Vencimiento',
    balance: 'Saldo',
    balanceOf: (amount: string) => `Saldo ${amount}`,
    amount: 'Importe a pagar',
    amountLabel: (invoice: string) => `Importe a pagar de la factura ${invoice}`,
    amountEmpty: 'Introduzca un importe.',
    amountInvalid: (example: string) => `Introduzca un importe como ${example}.`,
    amountPrecision: (digits: number) =>
      digits === 0
        ? 'Introduzca un importe entero, sin decimales.'
        : `Use como máximo ${plural(digits, 'decimal', 'decimales')}.`,
    amountZero: 'Introduzca un importe mayor que cero.',
    amountTooHigh: (balance: string) => `Introduzca como máximo el saldo, ${balance}.`,
    useCredit: (credit: string) => `Usar mi saldo a favor no aplicado (${credit} disponible)`,
    creditCoversAll:
      'Su saldo a favor cubre todo el importe, así que no hay nada que cobrar. Pague sin usarlo, o póngase en contacto con nosotros y lo aplicaremos por usted.',
    overpaymentLabel: 'Pago adicional (opcional)',
    overpaymentHint: 'Se paga además de estas facturas y queda como saldo a favor en su cuenta.',
    methodsLabel: 'Forma de pago',
    method: (method) =>
      ({
        card: 'Tarjeta',
        debit: 'Tarjeta de débito',
        ach: 'Transferencia bancaria (ACH)',
        eft: 'Transferencia bancaria (EFT)',
        paypal: 'PayPal',
        check: 'Cheque',
        wire: 'Transferencia',
        cash: 'Efectivo',
        other: 'Otra',
      })[method],
    summaryLabel: 'Resumen del pago',
    invoicesTotal: 'Facturas',
    creditApplied: 'Saldo a favor aplicado',
    overpayment: 'Adicional, queda como saldo a favor',
    surcharge: (rate: string) => `Recargo por tarjeta (${rate})`,
    receiptSurcharge: 'Recargo por tarjeta',
    surchargeHint: (rate: string) =>
      `Los pagos con tarjeta tienen un recargo del ${rate}. Las tarjetas de débito, las transferencias bancarias y PayPal no lo tienen.`,
    total: 'Importe total',
    pay: (amount: string) => `Pagar ${amount}`,
    paying: 'Pagando…',
    cardNumber: 'Número de tarjeta',
    expiry: 'Fecha de caducidad (MM/AA)',
    cvc: 'Código de seguridad (CVC)',
    cardName: 'Nombre en la tarjeta',
    routing: 'Número de ruta bancaria',
    institution: 'Número de institución',
    transit: 'Número de tránsito',
    accountNumber: 'Número de cuenta',
    holder: 'Titular de la cuenta',
    paypalNote: 'Cuando pulse Pagar, PayPal le pedirá que apruebe el pago. Después volverá aquí.',
    errors: {
      cardNumberEmpty: 'Introduzca el número de tarjeta.',
      cardNumberInvalid: 'Este número de tarjeta no es válido. Compruebe los dígitos.',
      notTestCard: 'Esto es un entorno de pruebas: use una de las tarjetas de prueba.',
      notDebit: 'Esta tarjeta de prueba es de crédito: elija Tarjeta o use la tarjeta de débito de prueba.',
      expiryInvalid: 'Introduzca la fecha de caducidad con el formato MM/AA.',
      expiryPast: 'Esta tarjeta ha caducado. Introduzca un mes que no haya pasado.',
      cvcInvalid: 'Introduzca los 3 o 4 dígitos del código de seguridad.',
      nameEmpty: 'Introduzca el nombre que figura en la tarjeta.',
      routingInvalid: (routing: string) =>
        `Esto es un entorno de pruebas: use el número de ruta bancaria de prueba ${routing}.`,
      institutionInvalid: (institution: string) =>
        `Esto es un entorno de pruebas: use el número de institución de prueba ${institution}.`,
      transitInvalid: (transit: string) =>
        `Esto es un entorno de pruebas: use el número de tránsito de prueba ${transit}.`,
      accountEmpty: 'Introduzca el número de cuenta.',
      notTestAccount: 'Esto es un entorno de pruebas: use una de las cuentas bancarias de prueba.',
      holderEmpty: 'Introduzca el nombre del titular de la cuenta.',
    },
    sandbox: {
      note: 'Entorno de pruebas: no se mueve dinero real',
      intro:
        'Pague con estos números de prueba. Sirve cualquier fecha de caducidad que no haya pasado, cualquier CVC y cualquier nombre.',
      cardsCaption: 'Tarjetas de prueba',
      banksCaption: 'Cuentas bancarias de prueba',
      number: 'Número',
      whatHappens: 'Resultado',
      bankRouting: (ach: string, eft: string) => `Número de ruta bancaria ${ach} (ACH), o institución ${eft} (EFT).`,
      paypal: 'PayPal abre una ventana de pruebas donde puede aprobar o cancelar.',
      outcome: (token: string) =>
        ({
          tok_visa: 'Visa: aceptada',
          tok_mastercard: 'Mastercard: aceptada',
          tok_visa_debit: 'Visa débito: aceptada (use la pestaña Tarjeta de débito)',
          tok_authentication_required: 'Solicita autenticación 3-D Secure',
          tok_insufficient_funds: 'Rechazada: fondos insuficientes',
          tok_expired_card: 'Rechazada: tarjeta caducada',
          tok_stolen_card: 'Rechazada: tarjeta robada',
          btok_settles: 'En proceso y después se hace efectivo',
          btok_returns: 'Se hace efectivo y después el banco lo devuelve',
          btok_fails: 'El banco rechaza el cargo',
        })[token] ?? token,
    },
    declined: 'Su pago no se ha completado.',
    networkError:
      'No hemos podido conectar con el servidor, así que no sabemos si el pago se ha completado. Vuelva a pulsar Pagar: se envía el mismo pago, por lo que no se le puede cobrar dos veces.',
    amountChanged:
      'El importe pendiente ha cambiado desde que se abrió esta página. Hemos actualizado los totales: revíselos y vuelva a pagar.',
    providerError:
      'No se ha podido conectar con el servicio de pago. No se ha cobrado nada. Inténtelo de nuevo en unos momentos.',
    failed: 'No hemos podido cobrar el pago.',
    confirming: 'Confirmando su pago…',
    confirmFailed: 'No hemos podido confirmar el pago. Inténtelo de nuevo.',
    authHeading: 'Confirme su identidad',
    authSandbox: '3-D Secure (entorno de pruebas)',
    authText: (amount: string) => `El emisor de su tarjeta le pide que autentique este pago de ${amount}.`,
    completeAuth: 'Completar la autenticación',
    failAuth: 'Simular un fallo de autenticación',
    paypalHeading: 'Pago con PayPal',
    paypalSandbox: 'PayPal (entorno de pruebas)',
    paypalText: (amount: string) => `¿Aprobar un pago de ${amount} desde su cuenta de PayPal?`,
    approve: 'Aprobar',
    cancel: 'Cancelar',
    paypalPopupText: 'Abra PayPal, apruebe allí el pago y vuelva aquí.',
    openPaypal: 'Abrir PayPal',
    paypalApproved: 'Ya lo he aprobado',
    stripeLoading: 'Cargando el formulario de pago seguro…',
    stripeFailed: 'No hemos podido cargar el formulario de pago seguro.',
    receiptHeading: 'Pago recibido',
    processingHeading: 'Pago en proceso',
    processing:
      'Su pago bancario está en proceso; las facturas se actualizarán cuando se haga efectivo, normalmente en unos días hábiles.',
    thanks: 'Gracias. Sus facturas están actualizadas.',
    receiptNumber: 'Recibo',
    date: 'Fecha',
    paidWith: 'Forma de pago',
    appliedTo: 'Aplicado a',
    appliedAmount: 'Importe',
    fromCredit: 'del saldo a favor',
    keptAsCredit: 'Queda como saldo a favor',
    totalCharged: 'Total cobrado',
    downloadReceipt: 'Descargar el recibo (PDF)',
    downloadingReceipt: 'Preparando el recibo…',
    downloadFailed: 'No hemos podido descargar el recibo.',
    emailSent: (email: string) => `Se ha enviado un recibo por correo electrónico a ${email}.`,
    paid: (amount: string) => `Pago de ${amount} recibido.`,
    submitted: (amount: string) => `Pago bancario de ${amount} enviado; está en proceso.`,
    notPayable: 'No hay nada que pagar hasta que ese pago se haga efectivo',
    nothingPayable: 'No se puede pagar nada más en estas facturas hasta que los pagos en proceso se hagan efectivos.',
    amountTooHighInFlight: (payable: string) => `Introduzca como máximo lo que queda por pagar, ${payable}.`,
    amountInFlight: (invoice: string, receipt: string) =>
      `La factura ${invoice} ya tiene un pago en proceso (recibo ${receipt}).`,
    amountInFlightLeft: (amount: string) =>
      `Hemos ajustado el formulario a lo que queda por pagar: ${amount}. Revíselo y vuelva a pagar.`,
    amountInFlightNone: 'No se puede pagar nada más en ella hasta que ese pago se haga efectivo.',
    lapsed: 'Este pago ha esperado demasiado tiempo y se ha cancelado.',
    lapsedHint: 'No se ha cobrado nada. Vuelva a empezar.',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Este enlace corresponde únicamente a la factura ${invoices[0]}.`
        : `Este enlace corresponde únicamente a ${invoices.join(', ')}.`,
    wholeAccountHeading: 'Toda su cuenta',
    wholeAccount: (invoices: readonly string[]) =>
      `Este pago correspondía a ${invoices.join(', ')}. Su cuenta puede tener otras facturas: inicie sesión para ver todo lo que adeuda y todos sus pagos.`,
    wholeAccountSignIn: 'Iniciar sesión para ver toda su cuenta',
  },
  promise: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Prometer el pago de la factura ${invoices[0]}`
        : `Prometer el pago de ${plural(invoices.length, 'factura', 'facturas')}`,
    intro: 'Indíquenos cuándo pagará. Hasta entonces, suspendemos los recordatorios de pago de estas facturas.',
    loading: 'Cargando sus facturas…',
    loadFailed: 'No hemos podido cargar el formulario de promesa de pago.',
    signedOut: 'Inicie sesión para prometer el pago de sus facturas.',
    nothingToPromise:
      'No hay nada que prometer: estas facturas están pagadas, anuladas o ya tienen una promesa de pago.',
    nothingOpen: 'No hay nada que prometer: esta cuenta no tiene facturas pendientes.',
    invoicesCaption: 'Facturas de esta promesa',
    excludedHeading: 'Fuera de esta promesa',
    excluded: (reason: 'paid' | 'void' | 'promised', date: string) =>
      ({
        paid: 'Pagada en su totalidad',
        void: 'Anulada: no hay nada que pagar',
        promised: `Ya prometida para el ${date}`,
      })[reason],
    owed: 'Total adeudado',
    amountLabel: 'Importe que pagará',
    amountHint: 'Puede prometer menos que el total.',
    partial: (amount: string, total: string) => `Es una promesa parcial: ${amount} de los ${total} adeudados.`,
    dateLabel: 'Fecha límite de pago',
    dateHint: (min: string, max: string) => `Entre el ${min} y el ${max}.`,
    dateEmpty: 'Elija la fecha en la que pagará a más tardar.',
    dateOutOfRange: (min: string, max: string) => `Elija una fecha entre el ${min} y el ${max}.`,
    noteLabel: 'Nota (opcional)',
    noteHint: 'Para nuestro equipo de contabilidad, por ejemplo, cómo pagará. Hasta 1000 caracteres.',
    whatHappensHeading: 'Qué ocurre después',
    whatHappens: (until: string, remind: string) =>
      `Los recordatorios de pago de estas facturas se suspenden hasta el ${until}; le enviaremos un recordatorio el ${remind}.`,
    whatHappensLater: 'Si para entonces no ha llegado el pago, los recordatorios se reanudan.',
    pickDate: 'Elija una fecha para ver hasta cuándo se suspenden los recordatorios.',
    submit: (amount: string) => `Prometer el pago de ${amount}`,
    submitting: 'Guardando su promesa…',
    failed: 'No hemos podido registrar su promesa.',
    dateTaken: 'Esa fecha ya no se puede elegir. Elija otra.',
    amountTooLarge:
      'Ese importe supera lo que adeudan estas facturas, descontada la parte en reclamación. Introduzca un importe menor.',
    notPromisable:
      'Ya no se puede prometer el pago de una de estas facturas: se ha pagado, anulado o está en reclamación por completo. Hemos actualizado la lista.',
    alreadyPromised: 'Una de estas facturas ya tiene una promesa de pago. Hemos actualizado la lista.',
    invoiceNotFound: 'No encontramos una de estas facturas en su cuenta.',
    invalid: 'No se ha aceptado una parte del formulario. Revísela e inténtelo de nuevo.',
    networkError:
      'No hemos podido conectar con el servidor, así que no sabemos si se ha guardado su promesa. Revise sus promesas antes de volver a intentarlo.',
    createdHeading: 'Promesa registrada',
    created: (amount: string, date: string) => `Gracias. Ha prometido pagar ${amount} a más tardar el ${date}.`,
    seePromises: 'Ver sus promesas',
    autopayLabel: 'Pagar automáticamente en esa fecha',
    autopayHint: 'En la fecha prometida cobraremos el importe en la tarjeta o cuenta bancaria que indique aquí.',
    autopayMethod: 'Pagar automáticamente con',
    autopayLoading: 'Cargando las formas de pago…',
    autopayLoadFailed: 'No hemos podido cargar las formas de pago.',
    autopayDetailsFailed:
      'No se han aceptado los datos de su tarjeta o cuenta bancaria. Revíselos e inténtelo de nuevo.',
    whatHappensAutopay: (means: string, date: string) =>
      `El ${date} cobraremos en ${means} lo que quede por pagar de esta promesa. Puede detener el pago automático antes de esa fecha, en sus promesas.`,
  },
  promises: {
    heading: 'Promesas de pago',
    loading: 'Cargando sus promesas…',
    loadFailed: 'No hemos podido cargar sus promesas.',
    signedOut: 'Inicie sesión para ver sus promesas.',
    empty: 'No tiene promesas de pago.',
    emptyHint: 'Para crear una, marque facturas en su lista y elija Prometer un pago.',
    openHeading: 'Vigentes',
    pastHeading: 'Anteriores',
    title: (amount: string, date: string) => `${amount} a más tardar el ${date}`,
    status: (status: PromiseStatus) =>
      ({
        open: 'Vigente',
        kept: 'Cumplida',
        partially_kept: 'Cumplida en parte',
        broken: 'Incumplida',
        cancelled: 'Cancelada',
      })[status],
    promisedDate: 'Prometida para el',
    amount: 'Importe',
    paid: 'Pagado hasta ahora',
    remaining: 'Queda por pagar',
    invoices: 'Facturas',
    note: 'Su nota',
    remindersPaused: (until: string, remind: string) =>
      `Recordatorios suspendidos hasta el ${until}. Le enviaremos un recordatorio el ${remind}.`,
    autopayMeans: (method: PaymentMethod) =>
      ({
        card: 'su tarjeta',
        debit: 'su tarjeta de débito',
        ach: 'su cuenta bancaria',
        eft: 'su cuenta bancaria',
        paypal: 'PayPal',
      })[method],
    autopay: (
      status: 'scheduled' | 'charged' | 'failed' | 'cancelled' | 'skipped',
      method: string,
      means: string,
      date: string,
    ) =>
      ({
        scheduled: `Se pagará automáticamente con ${means} el ${date}.`,
        charged: `Pagada automáticamente con ${means}.`,
        failed: `El pago automático (${method}) fue rechazado: pague de otra forma, por favor.`,
        cancelled: 'Pago automático detenido.',
        skipped: 'No hizo falta ningún pago automático: no quedaba nada por pagar.',
      })[status],
    stopAutopay: 'Detener el pago automático',
    stopAutopayLabel: (title: string) => `Detener el pago automático: ${title}`,
    confirmStop: (date: string) =>
      `¿Detener el pago automático? La promesa sigue vigente: pague de otra forma a más tardar el ${date}.`,
    confirmStopYes: 'Sí, detenerlo',
    stopping: 'Deteniendo…',
    stopped: 'Pago automático detenido. Su promesa sigue vigente.',
    stopFailed: 'No hemos podido detener el pago automático.',
    notScheduled:
      'Ya no hay ningún pago automático programado, así que no hay nada que detener. La promesa se ha actualizado a continuación.',
    cancel: 'Cancelar la promesa',
    cancelLabel: (title: string) => `Cancelar la promesa: ${title}`,
    confirmCancel: '¿Cancelar esta promesa? Los recordatorios de pago de sus facturas se reanudan.',
    confirmYes: 'Sí, cancelarla',
    confirmNo: 'Mantenerla',
    cancelling: 'Cancelando…',
    cancelled: 'Promesa cancelada. Los recordatorios de sus facturas se reanudan.',
    cancelFailed: 'No hemos podido cancelar la promesa.',
    notOpen: 'Esta promesa ya no está vigente, así que no se puede cancelar. Se ha actualizado a continuación.',
  },
  statement: {
    heading: 'Estado de cuenta',
    loading: 'Cargando su estado de cuenta…',
    loadFailed: 'No hemos podido cargar su estado de cuenta.',
    signedOut: 'Inicie sesión para ver su estado de cuenta.',
    period: 'Período',
    from: 'Desde',
    to: 'Hasta',
    presets: 'Períodos rápidos',
    last30: 'Últimos 30 días',
    last90: 'Últimos 90 días',
    thisYear: 'Este año',
    periodInvalid: 'Introduzca dos fechas; la primera no puede ser posterior a la segunda.',
    periodOf: (from: string, to: string) => `${from} – ${to}`,
    caption: (from: string, to: string) => `Movimientos del ${from} al ${to}`,
    date: 'Fecha',
    type: 'Tipo',
    lineType: (type: 'invoice' | 'payment' | 'credit') =>
      ({ invoice: 'Factura', payment: 'Pago', credit: 'Nota de crédito' })[type],
    reference: 'Referencia',
    description: 'Concepto',
    amount: 'Importe',
    balance: 'Saldo',
    openingBalance: 'Saldo inicial',
    closingBalance: 'Saldo final',
    invoiced: 'Facturado',
    paid: 'Pagado',
    credited: 'Notas de crédito',
    unappliedCredit: 'Saldo a favor no aplicado',
    noActivity: 'No hay facturas, pagos ni notas de crédito en este período.',
    aging: (date: string) => `Antigüedad de saldos al ${date}`,
    agingBucket: {
      current: 'No vencido',
      days1to30: '1–30 días',
      days31to60: '31–60 días',
      days61to90: '61–90 días',
      over90: 'Más de 90 días',
    },
    downloadCsv: 'Descargar CSV',
    downloadPdf: 'Descargar PDF',
    downloading: 'Preparando…',
    downloadFailed: (format: string) => `No hemos podido descargar el ${format.toUpperCase()}.`,
    disputedHeading: 'En reclamación',
    disputedTotal: 'Total en reclamación',
    disputedNote:
      'Forma parte del saldo y queda apartado hasta que se resuelva cada reclamación. El resto puede pagarse ya.',
    disputedAging: 'En reclamación, por días de vencimiento',
    disputedItems: 'Reclamaciones abiertas',
    disputedItem: (invoice: string, date: string, status: string) => `${invoice} · abierta el ${date} · ${status}`,
  },
  payments: {
    heading: 'Pagos',
    loading: 'Cargando sus pagos…',
    loadFailed: 'No hemos podido cargar sus pagos.',
    signedOut: 'Inicie sesión para ver sus pagos.',
    empty: 'Todavía no hay pagos. Los pagos que haga aquí aparecerán con su recibo.',
    listLabel: 'Pagos, del más reciente al más antiguo',
    receipt: (receipt: string) => `Recibo ${receipt}`,
    date: 'Fecha',
    method: 'Forma de pago',
    amount: 'Importe',
    surcharge: (amount: string) => `incluye ${amount} de recargo por tarjeta`,
    status: (status: PaymentStatus) =>
      ({
        pending: 'Pendiente de confirmación',
        processing: 'En proceso',
        succeeded: 'Completado',
        failed: 'Fallido',
        returned: 'Devuelto',
        refunded: 'Reembolsado',
      })[status],
    cancelled: 'Cancelado',
    lapsed: 'Caducado',
    appliedTo: 'Aplicado a',
    requestedFor: 'Para',
    fromCredit: 'del saldo a favor',
    keptAsCredit: (amount: string) => `${amount} queda como saldo a favor`,
    refunded: (amount: string, status: 'pending' | 'succeeded' | 'failed' | null) =>
      status === 'pending'
        ? `${amount} en proceso de reembolso`
        : status === 'failed'
          ? `El reembolso de ${amount} ha fallado: póngase en contacto con nosotros`
          : `${amount} reembolsado`,
    returnedNote: 'Su banco ha devuelto este pago: las facturas vuelven a estar pendientes.',
    processingNote: 'Los pagos bancarios tardan unos días hábiles en hacerse efectivos.',
    pendingNote: 'Pendiente de que usted confirme el pago.',
    downloadReceipt: 'Recibo (PDF)',
    downloadReceiptLabel: (receipt: string) => `Descargar el recibo ${receipt} (PDF)`,
    downloading: 'Preparando…',
    downloadFailed: (receipt: string) => `No hemos podido descargar el recibo ${receipt}.`,
  },
} satisfies Catalog;
