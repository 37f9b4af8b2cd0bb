/** The action forms by kind (the collector's needs the reader's role: `<ar-admin-customer>` renders it itself). */
import {
  renderCollectorForm,
  renderContactForm,
  renderDunningForm,
  renderLinkForm,
  renderNoteForm,
  renderStatementForm,
} from './forms.js';
import { renderCreditForm, renderCreditNoteForm, renderPaymentForm, renderPromiseForm } from './money.js';

export { renderCollectorForm };

export const forms = {
  payment: renderPaymentForm,
  credit: renderCreditForm,
  creditNote: renderCreditNoteForm,
  promise: renderPromiseForm,
  link: renderLinkForm,
  statement: renderStatementForm,
  dunning: renderDunningForm,
  note: renderNoteForm,
  contact: renderContactForm,
};
