/** Disputes shaped by the API contract, for the dispute elements' tests (beside `fixtures.ts`). */
import type { DisputeList, DisputeSummary, DisputeView } from '../src/internal/types.js';
import { northwind } from './fixtures.js';

/**
 * An open dispute of INV-1042 ($420.00 left): line 1, 4 damaged boxes ($100.00), and line 2, the delivery
 * priced wrong ($200.00); $300.00 disputed, $120.00 undisputed. The thread: the customer's message with a
 * photo, then a reply from Alex Rivera; one dispute-level PDF.
 */
export function disputeView(overrides: Partial<DisputeView> = {}): DisputeView {
  return {
    id: 'dsp_01HXDISPUTE',
    accountId: northwind.id,
    accountName: northwind.name,
    invoice: {
      id: 'inv_01HX1042',
      number: 'INV-1042',
      currency: 'USD',
      total: 163_500,
      balance: 42_000,
      dueDate: '2026-10-15',
    },
    status: 'open',
    amount: 30_000,
    currency: 'USD',
    undisputed: 12_000,
    lines: [
      {
        line: 1,
        description: 'Copy paper, A4, 80 gsm (box of 5 reams)',
        lineQuantity: 40,
        lineAmount: 100_000,
        reason: 'damaged',
        quantity: 4,
        amount: 10_000,
        note: 'Four boxes arrived wet.',
      },
      {
        line: 2,
        description: 'Delivery, pallet',
        lineQuantity: 2.5,
        lineAmount: 50_000,
        reason: 'pricing',
        quantity: null,
        amount: 20_000,
        note: null,
      },
    ],
    messages: [
      {
        id: 'dmsg_1',
        author: { type: 'customer', name: 'Northwind AP' },
        body: 'Four boxes were damaged and the delivery was quoted at $120.00 a pallet.',
        internal: false,
        createdAt: '2026-12-01T15:00:00.000Z',
      },
      {
        id: 'dmsg_2',
        author: { type: 'staff', name: 'Alex Rivera' },
        body: 'Thank you, we are checking with the carrier.',
        internal: false,
        createdAt: '2026-12-02T10:30:00.000Z',
      },
    ],
    attachments: [
      {
        id: 'datt_1',
        name: 'wet-boxes.jpg',
        type: 'image/jpeg',
        size: 245_760,
        messageId: 'dmsg_1',
        uploadedBy: 'customer',
        createdAt: '2026-12-01T15:00:05.000Z',
      },
      {
        id: 'datt_2',
        name: 'delivery-quote.pdf',
        type: 'application/pdf',
        size: 81_920,
        messageId: null,
        uploadedBy: 'customer',
        createdAt: '2026-12-01T15:00:06.000Z',
      },
    ],
    assignee: { id: 'stf_alex', name: 'Alex Rivera' },
    resolution: null,
    rejectionReason: null,
    openedBy: 'ap@northwind.test',
    createdAt: '2026-12-01T15:00:00.000Z',
    updatedAt: '2026-12-02T10:30:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

/** A dispute as lists show it: its view without the thread, with the thread's counts. */
export function disputeSummary(overrides: Partial<DisputeSummary> = {}): DisputeSummary {
  const { messages, attachments, ...view } = disputeView(overrides as Partial<DisputeView>);
  return { ...view, messageCount: messages.length, attachmentCount: attachments.length, ...overrides };
}

export function disputeList(...items: DisputeSummary[]): DisputeList {
  return { items };
}
