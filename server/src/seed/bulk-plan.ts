/**
 * What a bulk load writes, drawn before it writes anything: which customer owns each invoice, its
 * lines, age and outcome, and the ids, all from seeded sources, so the same seed gives the same rows.
 */
import { newId } from '../crypto';

const BIG_ACCOUNT_INVOICES = 10_000;
/** Issue dates reach back this far; newer invoices are denser, as in a live ledger. */
export const HISTORY_DAYS = 365;

/**
 * Customer #1 is the big account: 10,000 invoices, or a tenth of them when there are fewer than
 * 100,000 (all of them when it is the only customer).
 */
export function bigAccountInvoiceCount(customers: number, invoices: number): number {
  return customers === 1 ? invoices : Math.min(BIG_ACCOUNT_INVOICES, Math.floor(invoices / 10));
}

/**
 * Ids for bulk rows, made by `newId` from a seeded source: the first six characters count up
 * (30 bits) and the other ten are random (50 bits). Keys that arrive in order are appended to their
 * B-trees instead of scattered through them, which makes a million-invoice load about twice as
 * fast; the ids keep the usual shape and stay unique by construction.
 */
export function bulkIdSource(random: () => number): (prefix: string) => string {
  let serial = 0;
  let position = 0;
  let word = 0;
  let left = 0;
  const next = () => {
    const p = position++;
    if (p < 6) return (serial >>> (5 * (5 - p))) & 31;
    if (left === 0) {
      word = (random() * 4294967296) >>> 0;
      left = 6;
    }
    const bits = word & 31;
    word >>>= 5;
    left--;
    return bits;
  };
  return (prefix) => {
    position = 0;
    const id = newId(prefix, next);
    serial++;
    return id;
  };
}

/**
 * Which customer each invoice belongs to (by index), how many lines it has and whether it is open,
 * paid or partly paid. Drawn up front so the progress total is exact.
 */
export function planInvoices(random: () => number, customers: number, invoices: number) {
  const owner = new Int32Array(invoices);
  const big = bigAccountInvoiceCount(customers, invoices);
  // The rest are skewed toward low indexes: customers #2, #3, … get thousands, the long tail a few.
  for (let i = big; i < invoices; i++) {
    const r = random();
    owner[i] = 1 + Math.floor((customers - 1) * r * r);
  }
  for (let i = invoices - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = owner[i]!;
    owner[i] = owner[j]!;
    owner[j] = t;
  }
  const lineCount = new Uint8Array(invoices);
  /** 0 open, 1 paid, 2 partly paid. */
  const outcome = new Uint8Array(invoices);
  const age = new Uint16Array(invoices);
  let lines = 0;
  let settled = 0;
  for (let i = 0; i < invoices; i++) {
    // Numbers follow issue dates; u² makes recent days busier than old ones.
    const u = 1 - (i + 0.5) / invoices;
    age[i] = Math.floor(HISTORY_DAYS * u * u);
    lineCount[i] = 1 + Math.floor(random() * 3);
    lines += lineCount[i]!;
    // Older invoices are likelier paid: 15 % at issue, 75 % a year on, about 35 % overall.
    const r = random();
    outcome[i] = r < 0.15 + (0.6 * age[i]!) / HISTORY_DAYS ? 1 : random() < 0.1 ? 2 : 0;
    if (outcome[i] !== 0) settled++;
  }
  return { owner, lineCount, outcome, age, lines, settled, big };
}
