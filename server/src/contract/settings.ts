/**
 * The company's settings as the staff console reads and changes them (`GET`/`PATCH /admin/settings`);
 * the server keeps them (domain/settings.ts) with their defaults and their checks.
 */
import type { z } from 'zod';
import type { DisputeReason } from './disputes';
import type { dunningPreviewBody } from './schemas/admin-settings';

/** Company settings with their defaults; stored values override them key by key. */
export interface CompanySettings {
  companyName: string;
  timeZone: string;
  currency: string;
  /** Shown in emails' footers and on PDFs. */
  supportEmail: string;
  /** Multi-line postal address, printed on PDFs and statements. */
  companyAddress: string;
  /** "Where to pay" on invoice PDFs: bank details, remittance address. */
  paymentInstructions: string;
  /** The page customers pay on (the company's page embedding `<ar-portal>`), printed on PDFs. */
  portalUrl: string;
  /** Card surcharge in basis points (300 = 3 %); 0 turns it off. Card only, never debit, bank or PayPal. */
  surchargeRateBp: number;
  /** The most one payment's surcharge may be, in minor units; null for no cap. */
  surchargeCap: number | null;
  /** Whether a payer may pay more than they owe, the rest kept as credit. */
  allowOverpayment: boolean;
  /**
   * The company's logo as a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL, printed at
   * the top of every PDF; null for none. At most `LOGO_MAX_BYTES`.
   */
  logo?: string | null;
  /**
   * The BCP 47 locale of what the company writes to a contact with no locale of their own, and to its
   * staff: emails and PDFs (words, money, dates). Words in `en` or `fr`; any other language reads English.
   */
  locale: string;
  /** How far ahead a customer may promise to pay, in days from today (30). */
  promiseHorizonDays: number;
  /** Days of grace after a promised date before its verdict (2). */
  promiseToleranceDays: number;
  /** Whether payment reminders go out at all (dunning). */
  dunningEnabled: boolean;
  /**
   * The reminder sequence: days from the due date of each step (negative: before it), in order, then
   * every `repeatDays` after the last (null: no repeats).
   */
  dunningSequence: DunningSequence;
  /**
   * Who hears of a new dispute at once, by the reasons of its lines: each reason names teams, each team
   * an email address (empty: nobody yet). The account's collector always hears too.
   */
  disputeRouting: DisputeRouting;
}

export interface DisputeRouting {
  teams: Record<string, string>;
  reasons: Record<DisputeReason, string[]>;
}

export interface DunningSequence {
  offsets: number[];
  repeatDays: number | null;
}

/** `GET /admin/settings`: every setting as it reads now, and which are stored rather than defaults. */
export interface AdminSettings {
  settings: CompanySettings;
  stored: (keyof CompanySettings)[];
}

/** `POST /admin/settings/dunning/preview`. */
export type DunningPreviewBody = z.input<typeof dunningPreviewBody>;

/** One step of the sequence: its day from the due date and how the reminder words it ("7 days past due"). */
export interface DunningPreviewStep {
  offset: number;
  label: string;
}

/**
 * The reminder as a customer would get it: the sequence's steps (its offsets, then the first repeats)
 * and the email of its first step for a sample invoice, in the company's (or the asked) locale.
 */
export interface DunningPreview {
  steps: DunningPreviewStep[];
  email: { subject: string; text: string; html: string };
}
